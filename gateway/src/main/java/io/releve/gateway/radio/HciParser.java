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
final class HciParser implements StickProtocol.StickParser {

  /** Header, 255 payload bytes, timestamp 4, RSSI 1, CRC 2. */
  private static final int LONGEST = HEADER + 255 + 4 + 1 + 2;

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

  /** Takes every complete message out of {@link #pending}; returns the bytes skipped. */
  private int frame(StickProtocol.StickSink sink) {
    int skipped = 0;
    int start = 0;
    while (true) {
      while (start < size && (pending[start] & 0xFF) != SOF) {
        start++;
        skipped++;
      }
      if (size - start < HEADER) {
        break;
      }
      int control = pending[start + 1] & 0xF0;
      int endpoint = pending[start + 1] & 0x0F;
      if ((control & CONTROL_RESERVED) != 0 || endpoint < 1 || endpoint > HWTEST_ID) {
        start++;
        skipped++;
        continue;
      }
      int payloadLength = pending[start + 3] & 0xFF;
      int afterPayload = start + HEADER + payloadLength;
      int timestamp = (control & CONTROL_TIMESTAMP) != 0 ? 4 : 0;
      int rssiAt = afterPayload + timestamp;
      int rssi = (control & CONTROL_RSSI) != 0 ? 1 : 0;
      int crc = (control & CONTROL_CRC16) != 0 ? 2 : 0;
      int end = rssiAt + rssi + crc;
      if (end > size) {
        break;
      }
      if (crc != 0) {
        int sent = (pending[end - 2] & 0xFF) | (pending[end - 1] & 0xFF) << 8;
        // over control field through the last attachment, the start of frame excluded
        if (HciFrames.crc16(pending, start + 1, end - 2 - (start + 1)) != sent) {
          start++;
          skipped++;
          continue;
        }
      }
      int messageId = pending[start + 2] & 0xFF;
      byte[] payload = Arrays.copyOfRange(pending, start + HEADER, afterPayload);
      if (endpoint == RADIOLINK_ID && messageId == RADIOLINK_MSG_WMBUSMSG_IND) {
        if (payloadLength == 0) {
          skipped += end - start;
        } else {
          Optional<Integer> dbm =
              rssi == 0 ? Optional.empty() : Optional.of(HciFrames.rssiDbm(pending[rssiAt] & 0xFF));
          sink.telegram(withLengthField(payload), dbm);
        }
      } else {
        sink.answer(HciFrames.key(endpoint, messageId), payload);
      }
      start = end;
    }
    System.arraycopy(pending, start, pending, 0, size - start);
    size -= start;
    return skipped;
  }

  /** The stick sends the telegram from its C field on: the L field is the payload length. */
  static byte[] withLengthField(byte[] fromCField) {
    byte[] telegram = new byte[fromCField.length + 1];
    telegram[0] = (byte) fromCField.length;
    System.arraycopy(fromCField, 0, telegram, 1, fromCField.length);
    return telegram;
  }
}
