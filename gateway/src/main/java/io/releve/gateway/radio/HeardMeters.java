package io.releve.gateway.radio;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.LongHeader;
import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.decode.radio.KeyLookup;
import io.releve.gateway.decode.radio.TelegramSession;
import io.releve.gateway.device.DeviceIdentity;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The live state of {@code releve listen} and {@code releve survey}: each meter heard, keyed by the
 * link-layer identity it sends, with its signal, count and the status of its last telegram decoded
 * with the configured keys. Thread-safe; decoding happens under its lock (one decode session: the
 * compact formats learnt from one meter's full frames serve its compact ones).
 */
public final class HeardMeters implements Consumer<RadioFrame> {

  private static final int IDENTITY_AT = 2;
  private static final int IDENTITY_LENGTH = 8;

  private final TelegramSession session;
  private final Map<DeviceIdentity, HeardMeter> meters = new HashMap<>();
  private long unidentified;

  /**
   * @param keys the meters' keys; never printed
   */
  public HeardMeters(KeyLookup keys) {
    this.session = new TelegramSession(keys);
  }

  /** Decodes {@code frame} and counts it against its meter. */
  @Override
  public synchronized void accept(RadioFrame frame) {
    byte[] telegram = frame.telegram();
    Optional<DeviceIdentity> identity = linkIdentity(telegram);
    if (identity.isEmpty()) {
      unidentified++;
      return;
    }
    HeardStatus status;
    RejectionReason reason = null;
    try {
      session.decode(telegram, null, TelegramSession.Kind.RADIO, frame.rssiDbm().orElse(null));
      status = HeardStatus.OK;
    } catch (FrameRejectedException e) {
      reason = e.reason();
      status = HeardStatus.of(reason);
    }
    HeardMeter before = meters.get(identity.get());
    if (before != null && reason == RejectionReason.COMPACT_FORMAT_UNKNOWN) {
      // A compact frame before its full frame says nothing about the meter: keep what was known.
      status = before.status();
    }
    meters.put(identity.get(), next(before, identity.get(), frame, status));
  }

  private static HeardMeter next(
      HeardMeter before, DeviceIdentity identity, RadioFrame frame, HeardStatus status) {
    Set<LinkMode> modes = EnumSet.noneOf(LinkMode.class);
    Set<String> receivers = new TreeSet<>();
    Optional<Integer> best = frame.rssiDbm();
    long count = 1;
    if (before != null) {
      modes.addAll(before.modes());
      receivers.addAll(before.receivers());
      count += before.count();
      if (before.bestRssiDbm().isPresent()
          && (best.isEmpty() || before.bestRssiDbm().get() > best.get())) {
        best = before.bestRssiDbm();
      }
    }
    frame.mode().ifPresent(modes::add);
    receivers.add(frame.receiver());
    return new HeardMeter(
        identity,
        modes,
        frame.mode(),
        frame.rssiDbm(),
        best,
        count,
        frame.receivedAt(),
        status,
        receivers);
  }

  /** The data link layer's sender: {@code M M A A A A V T} after L and C; empty when unreadable. */
  static Optional<DeviceIdentity> linkIdentity(byte[] telegram) {
    if (telegram.length < IDENTITY_AT + IDENTITY_LENGTH) {
      return Optional.empty();
    }
    byte[] idFirst = new byte[IDENTITY_LENGTH];
    System.arraycopy(telegram, IDENTITY_AT + 2, idFirst, 0, 4);
    idFirst[4] = telegram[IDENTITY_AT];
    idFirst[5] = telegram[IDENTITY_AT + 1];
    idFirst[6] = telegram[IDENTITY_AT + 6];
    idFirst[7] = telegram[IDENTITY_AT + 7];
    try {
      return Optional.of(LongHeader.identity(idFirst, 0));
    } catch (FrameRejectedException e) {
      return Optional.empty();
    }
  }

  /** Every meter heard, strongest first (best RSSI; unmeasured last), then by identity. */
  public synchronized List<HeardMeter> snapshot() {
    return meters.values().stream().sorted(BY_SIGNAL).toList();
  }

  /** Telegrams too short or too garbled to name their sender. */
  public synchronized long unidentified() {
    return unidentified;
  }

  /** Strongest first, unmeasured last, then by identity key. */
  public static final Comparator<HeardMeter> BY_SIGNAL =
      Comparator.comparing((HeardMeter m) -> -m.bestRssiDbm().orElse(Integer.MIN_VALUE / 2))
          .thenComparing(m -> m.identity().key());
}
