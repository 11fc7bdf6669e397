package io.releve.gateway.sim.radio;

import io.releve.gateway.radio.LinkMode;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The IMST iM871A host controller interface (WMBus HCI specification v1.6; constants as in
 * wmbusmeters {@code wmbus_im871a.h}, which imports them from that specification). Every message,
 * both ways:
 *
 * <pre>
 *  A5            SOF
 *  CE            control (high nibble) and endpoint id (low nibble):
 *                  0x80 CRC16 attached, 0x40 RSSI attached, 0x20 timestamp attached, 0x10 reserved;
 *                  endpoint 0x1 DEVMGMT, 0x2 RADIOLINK, 0x3 RADIOLINKTEST, 0x4 HWTEST
 *  MI            message id
 *  LL            payload length
 *  payload       LL bytes
 *  [TS TS TS TS] timestamp, least significant byte first (here: the stick's running time in ms)
 *  [RS]          RSSI, raw byte
 *  [CRC CRC]     {@link HciCrc} over CE … RS, least significant byte first
 * </pre>
 *
 * <p>Requests the virtual stick answers (endpoint DEVMGMT 0x01); a response carries a CRC when its
 * request did:
 *
 * <ul>
 *   <li>PING_REQ 0x01 → PING_RSP 0x02, empty payload: {@code A5 01 02 00}.
 *   <li>SET_CONFIG_REQ 0x03, payload {@code NVM IIF1 [fields] IIF2 [fields]}: IIF1 bits 0x01 device
 *       mode (1 byte), 0x02 link mode (1), 0x04 C field (1), 0x08 manufacturer (2), 0x10 id (4),
 *       0x20 version (1), 0x40 device type (1), 0x80 radio channel (1); IIF2 bits 0x01 power level
 *       (1), 0x02 data rate (1), 0x04 RX window (1), 0x08 auto power saving (1), 0x10 auto RSSI
 *       attachment (1), 0x20 auto RX timestamp attachment (1), 0x40 LED control (1), 0x80 RTC
 *       control (1). → SET_CONFIG_RSP 0x04, payload 1 byte status: 0x00 OK, 0x01 an unsupported
 *       link mode or a payload cut short (nothing applied then). Example (wmbusmeters): {@code A5
 *       01 03 06 00 02 03 30 01 00} sets T1 with RSSI attached and no timestamp → {@code A5 01 04
 *       01 00}.
 *   <li>GET_CONFIG_REQ 0x05 → GET_CONFIG_RSP 0x06, payload {@code 03 00 LM 30 RA TA}: IIF1 0x03,
 *       device mode 0x00 (other), the link mode, IIF2 0x30, RSSI and timestamp attachment (0/1).
 *   <li>RESET_REQ 0x07 → RESET_RSP 0x08, payload {@code 00}; the settings are kept (as if stored in
 *       non-volatile memory).
 *   <li>GET_DEVICEINFO_REQ 0x0F → GET_DEVICEINFO_RSP 0x10, payload {@code 33 00 15 01 UID(4, least
 *       significant first)}: module type 0x33 (iM871A), device mode 0 (other), firmware 0x15, HCI
 *       version 0x01.
 * </ul>
 *
 * <p>A telegram heard is RADIOLINK_MSG_WMBUSMSG_IND (endpoint 0x02, message 0x03); the payload is
 * the telegram without its L field (C field first), LL its length, so LL equals the telegram's L:
 * {@code A5 [0x02|0x40 RSSI|0x20 TS|0x80 CRC] 03 LL C … [TS×4] [RS] [CRC×2]}.
 *
 * <p>Link modes (one byte, as the stick numbers them): 0x00 S1, 0x01 S1-m, 0x02 S2, 0x03 T1, 0x04
 * T2, 0x05 R2, 0x06 C1 format A, 0x07 C1 format B, 0x08 C2 format A, 0x09 C2 format B, 0x0A C1 and
 * T1 together (firmware 1.4 and later). The virtual stick accepts 0x00, 0x01, 0x03, 0x06, 0x07 and
 * 0x0A; T1 and C1 are heard together (see {@link LinkMode#hearsWith}).
 *
 * <p>RSSI byte: wmbusmeters converts it with dBm = -100 + (raw - 45) / 2, a straight line through
 * the Si1002 datasheet figure (raw 45 → -100 dBm, 205 → -20 dBm, 230 and above → 0 dBm); the stick
 * sends raw = 2 × dBm + 245, clamped to 0–255 (-70 dBm → 0x69).
 */
final class Im871aProtocol extends RequestFraming {
  static final int SOF = 0xA5;
  static final int CRC_ATTACHED = 0x80;
  static final int RSSI_ATTACHED = 0x40;
  static final int TIMESTAMP_ATTACHED = 0x20;
  static final int RESERVED_CONTROL_BIT = 0x10;

  static final int DEVMGMT_ID = 0x01;
  static final int RADIOLINK_ID = 0x02;
  static final int RADIOLINKTEST_ID = 0x03;
  static final int HWTEST_ID = 0x04;

  static final int DEVMGMT_MSG_PING_REQ = 0x01;
  static final int DEVMGMT_MSG_PING_RSP = 0x02;
  static final int DEVMGMT_MSG_SET_CONFIG_REQ = 0x03;
  static final int DEVMGMT_MSG_SET_CONFIG_RSP = 0x04;
  static final int DEVMGMT_MSG_GET_CONFIG_REQ = 0x05;
  static final int DEVMGMT_MSG_GET_CONFIG_RSP = 0x06;
  static final int DEVMGMT_MSG_RESET_REQ = 0x07;
  static final int DEVMGMT_MSG_RESET_RSP = 0x08;
  static final int DEVMGMT_MSG_GET_DEVICEINFO_REQ = 0x0F;
  static final int DEVMGMT_MSG_GET_DEVICEINFO_RSP = 0x10;
  static final int RADIOLINK_MSG_WMBUSMSG_IND = 0x03;

  static final int LINK_MODE_S1 = 0x00;
  static final int LINK_MODE_S1M = 0x01;
  static final int LINK_MODE_T1 = 0x03;
  static final int LINK_MODE_C1A = 0x06;
  static final int LINK_MODE_C1B = 0x07;
  static final int LINK_MODE_C1_T1 = 0x0A;

  static final int STATUS_OK = 0x00;
  static final int STATUS_ERROR = 0x01;

  static final int MODULE_TYPE_IM871A = 0x33;
  static final int FIRMWARE = 0x15;
  static final int HCI_VERSION = 0x01;

  private static final int HEADER = 4;
  private final byte[] uid;

  /**
   * @param uid the stick's 4-byte unique id, as GET_DEVICEINFO reports it
   */
  Im871aProtocol(int uid) {
    super(SOF, HEADER);
    this.uid = new byte[] {(byte) uid, (byte) (uid >> 8), (byte) (uid >> 16), (byte) (uid >> 24)};
  }

  @Override
  int length(byte[] b, int p) {
    int control = b[p + 1] & 0xF0;
    int endpoint = b[p + 1] & 0x0F;
    if ((control & RESERVED_CONTROL_BIT) != 0 || endpoint < DEVMGMT_ID || endpoint > HWTEST_ID) {
      return REJECT;
    }
    return HEADER + (b[p + 3] & 0xFF) + trailerLength(control);
  }

  @Override
  int take(byte[] b, int p, int length, StickSettings settings, List<byte[]> responses) {
    boolean crc = (b[p + 1] & CRC_ATTACHED) != 0;
    if (crc && HciCrc.of(b, p + 1, length - 3) != crcAt(b, p + length - 2)) {
      settings.garbageBytes.addAndGet(length);
    } else {
      byte[] payload = Arrays.copyOfRange(b, p + HEADER, p + HEADER + (b[p + 3] & 0xFF));
      byte[] response = answer(b[p + 1] & 0x0F, b[p + 2] & 0xFF, payload, crc, settings);
      if (response != null) {
        responses.add(response);
      }
    }
    return length;
  }

  private byte[] answer(int endpoint, int id, byte[] payload, boolean crc, StickSettings s) {
    if (endpoint != DEVMGMT_ID) {
      return null;
    }
    return switch (id) {
      case DEVMGMT_MSG_PING_REQ -> frame(DEVMGMT_ID, DEVMGMT_MSG_PING_RSP, new byte[0], crc);
      case DEVMGMT_MSG_SET_CONFIG_REQ ->
          frame(
              DEVMGMT_ID,
              DEVMGMT_MSG_SET_CONFIG_RSP,
              new byte[] {(byte) setConfig(payload, s)},
              crc);
      case DEVMGMT_MSG_GET_CONFIG_REQ ->
          frame(
              DEVMGMT_ID,
              DEVMGMT_MSG_GET_CONFIG_RSP,
              new byte[] {
                0x03,
                0x00,
                (byte) code(s.mode),
                0x30,
                (byte) (s.rssiAttached ? 1 : 0),
                (byte) (s.timestampAttached ? 1 : 0)
              },
              crc);
      case DEVMGMT_MSG_RESET_REQ -> {
        s.resets.incrementAndGet();
        yield frame(DEVMGMT_ID, DEVMGMT_MSG_RESET_RSP, new byte[] {STATUS_OK}, crc);
      }
      case DEVMGMT_MSG_GET_DEVICEINFO_REQ ->
          frame(
              DEVMGMT_ID,
              DEVMGMT_MSG_GET_DEVICEINFO_RSP,
              new byte[] {
                MODULE_TYPE_IM871A, 0x00, FIRMWARE, HCI_VERSION, uid[0], uid[1], uid[2], uid[3]
              },
              crc);
      default -> null;
    };
  }

  /** Applies a SET_CONFIG payload; returns the status byte. */
  private static int setConfig(byte[] p, StickSettings s) {
    // sizes of the IIF1 and IIF2 fields, bit 0 first
    int[] first = {1, 1, 1, 2, 4, 1, 1, 1};
    int[] second = {1, 1, 1, 1, 1, 1, 1, 1};
    if (p.length < 2) {
      return STATUS_ERROR;
    }
    int i = 1;
    int iif1 = p[i++] & 0xFF;
    LinkMode mode = s.mode;
    for (int bit = 0; bit < 8; bit++) {
      if ((iif1 & (1 << bit)) == 0) {
        continue;
      }
      if (i + first[bit] > p.length) {
        return STATUS_ERROR;
      }
      if (bit == 1) {
        mode = linkMode(p[i] & 0xFF);
        if (mode == null) {
          return STATUS_ERROR;
        }
      }
      i += first[bit];
    }
    Boolean rssi = null;
    Boolean timestamp = null;
    if (i < p.length) {
      int iif2 = p[i++] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        if ((iif2 & (1 << bit)) == 0) {
          continue;
        }
        if (i + second[bit] > p.length) {
          return STATUS_ERROR;
        }
        if (bit == 4) {
          rssi = p[i] != 0;
        } else if (bit == 5) {
          timestamp = p[i] != 0;
        }
        i += second[bit];
      }
    }
    s.mode = mode;
    if (rssi != null) {
      s.rssiAttached = rssi;
    }
    if (timestamp != null) {
      s.timestampAttached = timestamp;
    }
    s.configChanges.incrementAndGet();
    return STATUS_OK;
  }

  static LinkMode linkMode(int code) {
    return switch (code) {
      case LINK_MODE_S1, LINK_MODE_S1M -> LinkMode.S1;
      case LINK_MODE_T1 -> LinkMode.T1;
      case LINK_MODE_C1A, LINK_MODE_C1B, LINK_MODE_C1_T1 -> LinkMode.C1;
      default -> null;
    };
  }

  static int code(LinkMode mode) {
    return switch (mode) {
      case S1 -> LINK_MODE_S1;
      case T1 -> LINK_MODE_T1;
      case C1 -> LINK_MODE_C1A;
    };
  }

  @Override
  public byte[] indication(byte[] telegram, int rssiDbm, long timestamp, StickSettings s) {
    ByteArrayOutputStream trailer = new ByteArrayOutputStream();
    int control = 0;
    if (s.timestampAttached) {
      control |= TIMESTAMP_ATTACHED;
      for (int i = 0; i < 4; i++) {
        trailer.write((int) (timestamp >> (8 * i)));
      }
    }
    if (s.rssiAttached) {
      control |= RSSI_ATTACHED;
      trailer.write(rawRssi(rssiDbm));
    }
    byte[] payload = Arrays.copyOfRange(telegram, 1, telegram.length);
    return frame(
        control | RADIOLINK_ID,
        RADIOLINK_MSG_WMBUSMSG_IND,
        payload,
        trailer.toByteArray(),
        s.crcAttached);
  }

  /** raw = 2 × dBm + 245, clamped to a byte. */
  static int rawRssi(int dbm) {
    return Math.max(0, Math.min(255, 2 * dbm + 245));
  }

  static byte[] frame(int controlEndpoint, int id, byte[] payload, boolean crc) {
    return frame(controlEndpoint, id, payload, new byte[0], crc);
  }

  private static byte[] frame(
      int controlEndpoint, int id, byte[] payload, byte[] trailer, boolean crc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(SOF);
    out.write(controlEndpoint | (crc ? CRC_ATTACHED : 0));
    out.write(id);
    out.write(payload.length);
    out.writeBytes(payload);
    out.writeBytes(trailer);
    if (crc) {
      byte[] b = out.toByteArray();
      int value = HciCrc.of(b, 1, b.length - 1);
      out.write(value);
      out.write(value >> 8);
    }
    return out.toByteArray();
  }

  private static int trailerLength(int control) {
    return ((control & TIMESTAMP_ATTACHED) != 0 ? 4 : 0)
        + ((control & RSSI_ATTACHED) != 0 ? 1 : 0)
        + ((control & CRC_ATTACHED) != 0 ? 2 : 0);
  }

  private static int crcAt(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }
}
