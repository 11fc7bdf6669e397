package io.releve.gateway.decode.radio;

import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.WiredFrameDecoder;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes a stream of telegrams that belong together (one input file, one stick), wired or radio,
 * and keeps what radio needs between them: the compact-frame formats learnt from full frames. Not
 * thread-safe: one session per stream.
 */
public final class TelegramSession {

  /** What a telegram is taken for. */
  public enum Kind {
    /**
     * Wired when it starts as an M-Bus frame does (68 L L 68, a 5-byte 10 … 16, E5), else radio.
     */
    DETECT,
    WIRED,
    RADIO
  }

  /** One decoded telegram; {@code radio} is present for a radio telegram. */
  public record Decoded(DecodedFrame frame, Optional<RadioLink> radio) {
    public Decoded {
      Objects.requireNonNull(frame, "frame");
      Objects.requireNonNull(radio, "radio");
    }
  }

  private static final int WIRED_LONG_START = 0x68;
  private static final int WIRED_SHORT_START = 0x10;
  private static final int WIRED_SHORT_LENGTH = 5;
  private static final int WIRED_ACK = 0xE5;

  private final WiredFrameDecoder wired = new WiredFrameDecoder();
  private final RadioDecoder radio;

  /** The key given with the telegram being decoded, which wins over the store's. */
  private byte[] telegramKey;

  /**
   * @param keys the meters' keys (a key store, or {@link KeyLookup#NONE})
   */
  public TelegramSession(KeyLookup keys) {
    Objects.requireNonNull(keys, "keys");
    this.radio =
        new RadioDecoder(
            device -> telegramKey != null ? Optional.of(telegramKey.clone()) : keys.keyOf(device),
            new CompactFormats());
  }

  /**
   * Decodes one telegram.
   *
   * @param key a key for this telegram only (radio), or null to use the session's keys; never kept
   *     nor put in a message
   * @param rssiDbm the receiver's signal strength, when one was given
   */
  public Decoded decode(byte[] telegram, byte[] key, Kind kind, Integer rssiDbm)
      throws FrameRejectedException {
    Objects.requireNonNull(telegram, "telegram");
    boolean isRadio = kind == Kind.RADIO || (kind == Kind.DETECT && !looksWired(telegram));
    if (!isRadio) {
      return new Decoded(wired.decode(telegram), Optional.empty());
    }
    telegramKey = key;
    try {
      RadioTelegram decoded = radio.decode(telegram, rssiDbm);
      return new Decoded(decoded.frame(), Optional.of(decoded.link()));
    } finally {
      telegramKey = null;
    }
  }

  /** Whether {@code telegram} starts as a wired M-Bus frame rather than a radio one. */
  static boolean looksWired(byte[] telegram) {
    if (telegram.length == 0) {
      return true; // the wired decoder names the problem
    }
    int first = telegram[0] & 0xFF;
    return (first == WIRED_LONG_START
            && telegram.length >= 4
            && (telegram[3] & 0xFF) == WIRED_LONG_START
            && telegram[1] == telegram[2])
        || (first == WIRED_SHORT_START && telegram.length == WIRED_SHORT_LENGTH)
        || (first == WIRED_ACK && telegram.length == 1);
  }
}
