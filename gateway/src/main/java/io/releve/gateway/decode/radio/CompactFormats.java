package io.releve.gateway.decode.radio;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.device.DeviceIdentity;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The record layouts learnt from full frames, so that compact frames (CI 0x79) can be read. A
 * compact frame carries a format signature, the CRC of its full frame and only the data bytes (EN
 * 13757-3); its headers are those of an earlier full frame of the same meter with the same
 * {@linkplain FormatSignature signature}.
 *
 * <p>One instance per decoder session, never shared between sessions and never static: a layout is
 * keyed by (meter identity, signature), so two meters that happen to use the same signature never
 * read each other's headers, and a session never sees what another one heard.
 *
 * <p>Memory is bounded: at most {@code maxFormatsPerMeter} layouts per meter and {@code maxMeters}
 * meters, each evicting the least recently used (learnt or expanded) first. A layout holds the
 * header bytes of one telegram, so the whole store stays under {@code maxMeters *
 * maxFormatsPerMeter} times about 300 bytes (a wireless telegram is at most 255 bytes long). The
 * defaults, {@value #DEFAULT_MAX_METERS} meters and {@value #DEFAULT_MAX_FORMATS_PER_METER} layouts
 * each, cover a building and its neighbours heard through the walls (meters send one or two
 * formats) in about 2.5 MB at worst.
 *
 * <p>Methods are synchronized, so that the formats can be read while they are learnt; the decoders
 * that use it ({@link RadioDecoder}, {@link TelegramSession}) are one per stream and thread.
 *
 * <p>How a radio decoder uses it: after decoding a full frame (CI 0x72, 0x7A or 0x78 with records)
 * it calls {@link #learn}; on CI 0x79 it reads the two signature bytes and the two CRC bytes (each
 * least significant byte first), calls {@link #expand} with the rest, and parses the returned bytes
 * as the records of a full frame.
 */
public final class CompactFormats implements CompactExpander {
  /** Default bound on the number of meters whose formats are kept. */
  public static final int DEFAULT_MAX_METERS = 2048;

  /** Default bound on the number of formats kept per meter. */
  public static final int DEFAULT_MAX_FORMATS_PER_METER = 4;

  /** Pass as the full-frame CRC to {@link #expand} to skip its check. */
  public static final int NO_FULL_FRAME_CRC = -1;

  private final int maxFormatsPerMeter;
  private final Map<DeviceIdentity, Map<Integer, FormatSignature>> formats;

  /** A store with the default bounds. */
  public CompactFormats() {
    this(DEFAULT_MAX_METERS, DEFAULT_MAX_FORMATS_PER_METER);
  }

  /**
   * A store that keeps at most {@code maxMeters} meters and {@code maxFormatsPerMeter} formats for
   * each.
   *
   * @throws IllegalArgumentException when a bound is below 1
   */
  public CompactFormats(int maxMeters, int maxFormatsPerMeter) {
    if (maxMeters < 1) {
      throw new IllegalArgumentException("maxMeters [" + maxMeters + "] must be at least 1.");
    }
    if (maxFormatsPerMeter < 1) {
      throw new IllegalArgumentException(
          "maxFormatsPerMeter [" + maxFormatsPerMeter + "] must be at least 1.");
    }
    this.maxFormatsPerMeter = maxFormatsPerMeter;
    this.formats = leastRecentlyUsed(maxMeters);
  }

  /**
   * Remembers the record layout of a full frame from {@code meter}. {@code fullRecords} are the
   * frame's data records as the record parser reads them (after the transport layer header and any
   * decryption and 2F 2F check bytes). A frame without any data record defines no format and is not
   * remembered. A layout learnt again replaces the one kept under the same signature.
   *
   * @throws FrameRejectedException {@link RejectionReason#MALFORMED_RECORD} when the records cannot
   *     be walked; nothing is remembered then
   */
  @Override
  public synchronized void learn(DeviceIdentity meter, byte[] fullRecords)
      throws FrameRejectedException {
    Objects.requireNonNull(meter, "meter");
    FormatSignature format = FormatSignature.of(fullRecords);
    if (format.recordCount() == 0) {
      return;
    }
    formats
        .computeIfAbsent(meter, m -> leastRecentlyUsed(maxFormatsPerMeter))
        .put(format.value(), format);
  }

  /**
   * {@link #expand(DeviceIdentity, int, int, byte[])} for the bytes a compact frame carries after
   * its signature: the full frame's CRC (two bytes, least significant first), then the data.
   */
  @Override
  public byte[] expand(DeviceIdentity meter, int signature, byte[] afterSignature)
      throws FrameRejectedException {
    if (afterSignature.length < 2) {
      throw new FrameRejectedException(
          RejectionReason.MALFORMED_RECORD,
          "Compact frame from " + meter + " ends before its full-frame CRC.");
    }
    int crc = (afterSignature[0] & 0xFF) | (afterSignature[1] & 0xFF) << 8;
    return expand(
        meter, signature, crc, Arrays.copyOfRange(afterSignature, 2, afterSignature.length));
  }

  /**
   * Rebuilds the data records of a full frame from a compact frame of {@code meter}: the headers of
   * the layout learnt under {@code signature}, each followed by its data from {@code data}.
   *
   * @param signature the format signature, 0x0000–0xFFFF (the two bytes after CI 0x79, least
   *     significant first)
   * @param fullFrameCrc the full-frame CRC, 0x0000–0xFFFF (the next two bytes, least significant
   *     first), checked against the EN 13757-4 CRC-16 of the rebuilt records; or {@link
   *     #NO_FULL_FRAME_CRC} to skip the check
   * @param data the bytes after the full-frame CRC
   * @return the full records, ready for the record parser
   * @throws FrameRejectedException {@link RejectionReason#UNSUPPORTED_CI} when no full frame with
   *     that signature has been heard from this meter (or it was evicted); {@link
   *     RejectionReason#MALFORMED_RECORD} when the data length does not fit the layout or the
   *     full-frame CRC does not match
   * @throws IllegalArgumentException when {@code signature} or {@code fullFrameCrc} is out of range
   */
  public synchronized byte[] expand(
      DeviceIdentity meter, int signature, int fullFrameCrc, byte[] data)
      throws FrameRejectedException {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(data, "data");
    checkSixteenBits("signature", signature);
    if (fullFrameCrc != NO_FULL_FRAME_CRC) {
      checkSixteenBits("fullFrameCrc", fullFrameCrc);
    }
    Map<Integer, FormatSignature> known = formats.get(meter);
    FormatSignature format = known == null ? null : known.get(signature);
    if (format == null) {
      throw new FrameRejectedException(
          RejectionReason.COMPACT_FORMAT_UNKNOWN,
          String.format(
              Locale.ROOT,
              "compact frame with format signature 0x%04X: its full frame has not been heard yet"
                  + " from %s.",
              signature,
              meter));
    }
    byte[] records = format.expand(data);
    if (fullFrameCrc != NO_FULL_FRAME_CRC) {
      int computed = FormatSignature.crc16(records);
      if (computed != fullFrameCrc) {
        throw new FrameRejectedException(
            RejectionReason.MALFORMED_RECORD,
            String.format(
                Locale.ROOT,
                "compact frame with format signature 0x%04X from %s: its full-frame CRC 0x%04X"
                    + " does not match 0x%04X, the CRC of the rebuilt records.",
                signature,
                meter,
                fullFrameCrc,
                computed));
      }
    }
    return records;
  }

  /**
   * Whether a layout with {@code signature} is kept for {@code meter}. Asking counts as a use of
   * the meter, not of the format.
   */
  public synchronized boolean knows(DeviceIdentity meter, int signature) {
    Map<Integer, FormatSignature> known = formats.get(meter);
    return known != null && known.containsKey(signature);
  }

  private static void checkSixteenBits(String what, int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException(
          what + " [" + value + "] must lie between 0x0000 and 0xFFFF.");
    }
  }

  /** A map in access order that drops its least recently used entry beyond {@code bound}. */
  private static <K, V> Map<K, V> leastRecentlyUsed(int bound) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > bound;
      }
    };
  }
}
