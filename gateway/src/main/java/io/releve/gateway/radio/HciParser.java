package io.releve.gateway.radio;

import static io.releve.gateway.radio.HciFrames.CONTROL_CRC16;
import static io.releve.gateway.radio.HciFrames.CONTROL_RESERVED;
import static io.releve.gateway.radio.HciFrames.CONTROL_RSSI;
import static io.releve.gateway.radio.HciFrames.CONTROL_TIMESTAMP;
import static io.releve.gateway.radio.HciFrames.HEADER;
import static io.releve.gateway.radio.HciFrames.HWTEST_ID;
import static io.releve.gateway.radio.HciFrames.RADIOLINK_ID;
import static io.releve.gateway.radio.HciFrames.RADIOLINK_MSG_WMBUSMSG_IND;
import static io.releve.gateway.radio.HciFrames.SOF;

import java.util.Arrays;
import java.util.Optional;

/**
 * Frames iM871A HCI messages out of a byte stream. Bytes before a start of frame, a header with a
 * reserved control bit or an unknown endpoint, and a message whose CRC is wrong are skipped (the
 * search resumes one byte after the rejected start) and reported as garbage.
 */
final class HciParser extends ResyncingParser {

  /** Header, 255 payload bytes, timestamp 4, RSSI 1, CRC 2. */
  private static final int LONGEST = HEADER + 255 + 4 + 1 + 2;

  HciParser() {
    super(SOF, HEADER, LONGEST);
  }

  @Override
  int end(byte[] buffer, int start) {
    int control = buffer[start + 1] & 0xF0;
    int endpoint = buffer[start + 1] & 0x0F;
    if ((control & CONTROL_RESERVED) != 0 || endpoint < 1 || endpoint > HWTEST_ID) {
      return REJECT;
    }
    return rssiAt(buffer, start) + rssiLength(control) + crcLength(control);
  }

  @Override
  boolean intact(byte[] buffer, int start, int end) {
    if (crcLength(buffer[start + 1] & 0xF0) == 0) {
      return true;
    }
    int sent = (buffer[end - 2] & 0xFF) | (buffer[end - 1] & 0xFF) << 8;
    // over control field through the last attachment, the start of frame excluded
    return HciFrames.crc16(buffer, start + 1, end - 2 - (start + 1)) == sent;
  }

  @Override
  int deliver(byte[] buffer, int start, int end, StickProtocol.StickSink sink) {
    int control = buffer[start + 1] & 0xF0;
    int endpoint = buffer[start + 1] & 0x0F;
    int messageId = buffer[start + 2] & 0xFF;
    int payloadLength = buffer[start + 3] & 0xFF;
    byte[] payload = Arrays.copyOfRange(buffer, start + HEADER, start + HEADER + payloadLength);
    if (endpoint == RADIOLINK_ID && messageId == RADIOLINK_MSG_WMBUSMSG_IND) {
      if (payloadLength == 0) {
        return end - start;
      }
      Optional<Integer> dbm =
          rssiLength(control) == 0
              ? Optional.empty()
              : Optional.of(HciFrames.rssiDbm(buffer[rssiAt(buffer, start)] & 0xFF));
      sink.telegram(withLengthField(payload), dbm);
    } else {
      sink.answer(HciFrames.key(endpoint, messageId), payload);
    }
    return 0;
  }

  /** Where the RSSI byte is (or would be): after the payload and the timestamp if any. */
  private static int rssiAt(byte[] buffer, int start) {
    int control = buffer[start + 1] & 0xF0;
    int payloadLength = buffer[start + 3] & 0xFF;
    return start + HEADER + payloadLength + ((control & CONTROL_TIMESTAMP) != 0 ? 4 : 0);
  }

  private static int rssiLength(int control) {
    return (control & CONTROL_RSSI) != 0 ? 1 : 0;
  }

  private static int crcLength(int control) {
    return (control & CONTROL_CRC16) != 0 ? 2 : 0;
  }

  /** The stick sends the telegram from its C field on: the L field is the payload length. */
  static byte[] withLengthField(byte[] fromCField) {
    byte[] telegram = new byte[fromCField.length + 1];
    telegram[0] = (byte) fromCField.length;
    System.arraycopy(fromCField, 0, telegram, 1, fromCField.length);
    return telegram;
  }
}
