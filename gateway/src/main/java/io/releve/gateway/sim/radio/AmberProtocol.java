package io.releve.gateway.sim.radio;

import io.releve.gateway.radio.LinkMode;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The Amber (Würth Elektronik eiSos) AMB8465 command interface, as its manual v2.7 defines it
 * (constants as in wmbusmeters {@code wmbus_amb8465.h}, "documented in the Manual for the AMBER
 * wM-Bus Modules Version 2.7"). Every command frame, both ways:
 *
 * <pre>
 *  FF      start of frame
 *  CMD     command; a confirmation is CMD | 0x80
 *  LEN     payload length
 *  payload LEN bytes
 *  [RSSI]  data indication only, when RSSI output is enabled (UserSettings byte 69)
 *  CS      XOR of every byte before it, FF included
 * </pre>
 *
 * <p>Requests the virtual stick answers (status 0x00 = success, 0x01 = failure):
 *
 * <ul>
 *   <li>CMD_SET_MODE_REQ 0x04, payload 1 byte mode → {@code FF 84 01 STATUS CS}. Modes (wmbusmeters
 *       {@code setLinkModes}): 0x03 S1 and S1-m, 0x08 T1, 0x0E C1, 0x09 C1 and T1 together. {@code
 *       FF 04 01 08 F2} → {@code FF 84 01 00 7A}.
 *   <li>CMD_RESET_REQ 0x05, no payload → {@code FF 85 01 00 7B}; the mode is kept.
 *   <li>CMD_SERIALNO_REQ 0x0B, no payload ({@code FF 0B 00 F4}) → {@code FF 8B 04 S S S S CS}, the
 *       serial number most significant byte first.
 * </ul>
 *
 * <p>A telegram heard is CMD_DATA_IND 0x03: {@code FF 03 LEN C … RSSI CS}: the telegram without its
 * L field (C field first), LEN its length plus one for the RSSI byte when it is attached, then the
 * RSSI byte and the checksum over all of it. RSSI: a two's complement byte, dBm = RSSI / 2 - 74
 * (manual, RSSI offset 74 dB; wmbusmeters {@code checkAMB8465Frame}); the stick sends (dBm + 74) ×
 * 2 (-70 dBm → 0x08, -90 dBm → 0xE0). Note that wmbusmeters expects the indication's command byte
 * as 0x83 when it reads RSSI from a command frame; the manual names 0x03, which is sent here.
 */
final class AmberProtocol extends RequestFraming {
  static final int SOF = 0xFF;
  static final int CONFIRMATION = 0x80;
  static final int CMD_DATA_IND = 0x03;
  static final int CMD_SET_MODE_REQ = 0x04;
  static final int CMD_RESET_REQ = 0x05;
  static final int CMD_SERIALNO_REQ = 0x0B;

  /** CMD_SET_REQ: write non-volatile parameters (position, count, values). */
  static final int CMD_SET_REQ = 0x09;

  /** CMD_GET_REQ: read non-volatile parameters (position, count). */
  static final int CMD_GET_REQ = 0x0A;

  static final int MODE_S1 = 0x03;
  static final int MODE_T1 = 0x08;
  static final int MODE_C1_T1 = 0x09;
  static final int MODE_C1 = 0x0E;

  static final int STATUS_OK = 0x00;
  static final int STATUS_FAILED = 0x01;

  /** RSSI offset of the manual: dBm = RSSI / 2 - 74. */
  static final int RSSI_OFFSET = 74;

  private static final int HEADER = 3;
  private final int serial;

  AmberProtocol(int serial) {
    super(SOF, HEADER);
    this.serial = serial;
  }

  @Override
  int length(byte[] b, int p) {
    return HEADER + (b[p + 2] & 0xFF) + 1;
  }

  @Override
  int take(byte[] b, int p, int length, StickSettings settings, List<byte[]> responses) {
    if (xor(b, p, length - 1) != (b[p + length - 1] & 0xFF)) {
      settings.garbageBytes.incrementAndGet();
      return 1; // resynchronise on the next FF
    }
    byte[] response = answer(b[p + 1] & 0xFF, b, p + HEADER, b[p + 2] & 0xFF, settings);
    if (response != null) {
      responses.add(response);
    }
    return length;
  }

  private byte[] answer(int command, byte[] b, int at, int length, StickSettings s) {
    return switch (command) {
      case CMD_SET_MODE_REQ -> {
        LinkMode mode = length == 1 ? linkMode(b[at] & 0xFF) : null;
        if (mode != null) {
          s.mode = mode;
          s.configChanges.incrementAndGet();
        }
        yield frame(
            CMD_SET_MODE_REQ | CONFIRMATION,
            new byte[] {(byte) (mode != null ? STATUS_OK : STATUS_FAILED)});
      }
      case CMD_RESET_REQ -> {
        s.resets.incrementAndGet();
        yield frame(CMD_RESET_REQ | CONFIRMATION, new byte[] {STATUS_OK});
      }
      case CMD_GET_REQ -> {
        // every parameter reads 1: command mode output and RSSI are on, as a configured stick's
        if (length < 2) {
          yield frame(CMD_GET_REQ | CONFIRMATION, new byte[] {STATUS_FAILED});
        }
        int position = b[at] & 0xFF;
        int count = b[at + 1] & 0xFF;
        byte[] payload = new byte[2 + count];
        payload[0] = (byte) position;
        payload[1] = (byte) count;
        java.util.Arrays.fill(payload, 2, payload.length, (byte) 1);
        yield frame(CMD_GET_REQ | CONFIRMATION, payload);
      }
      case CMD_SET_REQ -> {
        s.configChanges.incrementAndGet();
        yield frame(CMD_SET_REQ | CONFIRMATION, new byte[] {STATUS_OK});
      }
      case CMD_SERIALNO_REQ ->
          frame(
              CMD_SERIALNO_REQ | CONFIRMATION,
              new byte[] {
                (byte) (serial >> 24), (byte) (serial >> 16), (byte) (serial >> 8), (byte) serial
              });
      default -> null;
    };
  }

  static LinkMode linkMode(int code) {
    return switch (code) {
      case MODE_S1 -> LinkMode.S1;
      case MODE_T1 -> LinkMode.T1;
      case MODE_C1, MODE_C1_T1 -> LinkMode.C1;
      default -> null;
    };
  }

  @Override
  public byte[] indication(byte[] telegram, int rssiDbm, long timestamp, StickSettings s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(SOF);
    out.write(CMD_DATA_IND);
    // LEN counts the RSSI byte when one follows, as current AMB8465 firmware sends it
    out.write(telegram.length - 1 + (s.rssiAttached ? 1 : 0));
    out.write(telegram, 1, telegram.length - 1);
    if (s.rssiAttached) {
      out.write(rawRssi(rssiDbm));
    }
    byte[] b = out.toByteArray();
    out.write(xor(b, 0, b.length));
    return out.toByteArray();
  }

  /** (dBm + 74) × 2 as a two's complement byte, clamped to -128…127. */
  static int rawRssi(int dbm) {
    return Math.max(-128, Math.min(127, (dbm + RSSI_OFFSET) * 2)) & 0xFF;
  }

  static byte[] frame(int command, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(SOF);
    out.write(command);
    out.write(payload.length);
    out.writeBytes(payload);
    byte[] b = out.toByteArray();
    out.write(xor(b, 0, b.length));
    return out.toByteArray();
  }

  static int xor(byte[] b, int from, int length) {
    int x = 0;
    for (int i = from; i < from + length; i++) {
      x ^= b[i] & 0xFF;
    }
    return x;
  }
}
