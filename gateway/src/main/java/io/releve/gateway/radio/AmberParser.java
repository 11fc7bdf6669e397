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
final class AmberParser extends ResyncingParser {

  /** FF, command, length, 255 payload bytes, checksum. */
  private static final int LONGEST = 4 + 255;

  AmberParser() {
    // FF, command, length
    super(SOF, 3, LONGEST);
  }

  @Override
  int end(byte[] buffer, int start) {
    int length = buffer[start + 2] & 0xFF;
    return start + 4 + length;
  }

  @Override
  boolean intact(byte[] buffer, int start, int end) {
    return AmberFrames.checksum(buffer, start, end - start - 1) == (buffer[end - 1] & 0xFF);
  }

  @Override
  int deliver(byte[] buffer, int start, int end, StickProtocol.StickSink sink) {
    int command = buffer[start + 1] & 0xFF;
    byte[] payload = Arrays.copyOfRange(buffer, start + 3, end - 1);
    if (command == CMD_DATA_IND) {
      // C field … last data byte, then the RSSI byte; at least C and the RSSI
      if (payload.length < 2) {
        return end - start;
      }
      int rssiRaw = payload[payload.length - 1] & 0xFF;
      byte[] telegram = HciParser.withLengthField(Arrays.copyOf(payload, payload.length - 1));
      sink.telegram(telegram, Optional.of(AmberFrames.rssiDbm(rssiRaw)));
    } else {
      sink.answer(command, payload);
    }
    return 0;
  }
}
