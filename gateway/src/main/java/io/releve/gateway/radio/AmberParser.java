package io.releve.gateway.radio;

import static io.releve.gateway.radio.AmberFrames.CMD_DATA_IND;
import static io.releve.gateway.radio.AmberFrames.SOF;

import java.util.Arrays;
import java.util.Optional;

/**
 * Frames Amber command-mode messages out of a byte stream. Bytes before an {@code FF}, and a
 * message whose checksum is wrong, are skipped (the search resumes one byte after the rejected
 * {@code FF}) and reported as garbage. Received telegrams are expected with their RSSI byte, as
 * {@link AmberStick} configures the stick.
 */
final class AmberParser implements StickProtocol.StickParser {

  /** FF, command, length, 255 payload bytes, checksum. */
  private static final int LONGEST = 4 + 255;

  private final byte[] pending = new byte[LONGEST + 512];
  private int size;

  @Override
  public void feed(byte[] bytes, int length, StickProtocol.StickSink sink) {
    int skipped = 0;
    int at = 0;
    while (at < length) {
      int n = Math.min(length - at, pending.length - size);
      System.arraycopy(bytes, at, pending, size, n);
      size += n;
      at += n;
      skipped += frame(sink);
    }
    if (skipped > 0) {
      sink.garbage(skipped);
    }
  }

  private int frame(StickProtocol.StickSink sink) {
    int skipped = 0;
    int start = 0;
    while (true) {
      while (start < size && (pending[start] & 0xFF) != SOF) {
        start++;
        skipped++;
      }
      if (size - start < 3) {
        break;
      }
      int length = pending[start + 2] & 0xFF;
      int end = start + 4 + length;
      if (end > size) {
        break;
      }
      if (AmberFrames.checksum(pending, start, end - start - 1) != (pending[end - 1] & 0xFF)) {
        start++;
        skipped++;
        continue;
      }
      int command = pending[start + 1] & 0xFF;
      byte[] payload = Arrays.copyOfRange(pending, start + 3, end - 1);
      if (command == CMD_DATA_IND) {
        // C field … last data byte, then the RSSI byte; at least C and the RSSI
        if (payload.length < 2) {
          skipped += end - start;
        } else {
          int rssiRaw = payload[payload.length - 1] & 0xFF;
          byte[] telegram = HciParser.withLengthField(Arrays.copyOf(payload, payload.length - 1));
          sink.telegram(telegram, Optional.of(AmberFrames.rssiDbm(rssiRaw)));
        }
      } else {
        sink.answer(command, payload);
      }
      start = end;
    }
    System.arraycopy(pending, start, pending, 0, size - start);
    size -= start;
    return skipped;
  }
}
