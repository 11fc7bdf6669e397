package io.releve.gateway.radio;

/**
 * The IMST iM871A host controller interface (WMBus HCI, as documented in IMST's "WMBus HCI
 * Specification" and used by the wmbusmeters driver): the constants, the messages we send, the CRC
 * and the RSSI conversion. See {@link Im871aStick} for the byte formats.
 */
final class HciFrames {
  static final int SOF = 0xA5;

  /** Control field flags, in the high nibble of the second byte. 0x10 is reserved. */
  static final int CONTROL_RESERVED = 0x10;

  static final int CONTROL_TIMESTAMP = 0x20;
  static final int CONTROL_RSSI = 0x40;
  static final int CONTROL_CRC16 = 0x80;

  /** Endpoint identifiers, in the low nibble of the second byte. */
  static final int DEVMGMT_ID = 0x01;

  static final int RADIOLINK_ID = 0x02;
  static final int RADIOLINKTEST_ID = 0x03;
  static final int HWTEST_ID = 0x04;

  static final int DEVMGMT_MSG_PING_REQ = 0x01;
  static final int DEVMGMT_MSG_PING_RSP = 0x02;
  static final int DEVMGMT_MSG_SET_CONFIG_REQ = 0x03;
  static final int DEVMGMT_MSG_SET_CONFIG_RSP = 0x04;
  static final int DEVMGMT_MSG_RESET_REQ = 0x07;
  static final int DEVMGMT_MSG_RESET_RSP = 0x08;
  static final int RADIOLINK_MSG_WMBUSMSG_IND = 0x03;

  /** HCI link mode codes: S1 0, S1-m 1, S2 2, T1 3, T2 4, R2 5, C1A 6, C1B 7, … */
  static final int LINK_MODE_S1 = 0x00;

  /** C1 and T1 received together (firmware 1.4 and later). */
  static final int LINK_MODE_C1_T1 = 0x0A;

  /** SET_CONFIG: IIFlag1 bit "device mode/link mode follows": 0x02 is the link mode. */
  static final int IIFLAG1_LINK_MODE = 0x02;

  /** SET_CONFIG: IIFlag2 bits for the RSSI and the timestamp attachment bytes. */
  static final int IIFLAG2_RSSI_AND_TIMESTAMP = 0x30;

  /** Header: SOF, control|endpoint, message id, payload length. */
  static final int HEADER = 4;

  private HciFrames() {}

  /** Key of a message in {@link StickProtocol.StickSink#answer}: endpoint and message id. */
  static int key(int endpoint, int messageId) {
    return endpoint << 8 | messageId;
  }

  /** {@code A5 EP ID LEN payload}, without control flags (no CRC, no attachments). */
  static byte[] message(int endpoint, int messageId, byte... payload) {
    byte[] m = new byte[HEADER + payload.length];
    m[0] = (byte) SOF;
    m[1] = (byte) endpoint;
    m[2] = (byte) messageId;
    m[3] = (byte) payload.length;
    System.arraycopy(payload, 0, m, HEADER, payload.length);
    return m;
  }

  static byte[] pingRequest() {
    return message(DEVMGMT_ID, DEVMGMT_MSG_PING_REQ);
  }

  static byte[] resetRequest() {
    return message(DEVMGMT_ID, DEVMGMT_MSG_RESET_REQ);
  }

  /**
   * {@code A5 01 03 06 00 02 MM 30 01 00}: volatile (not saved), link mode MM, RSSI attached,
   * timestamp not attached.
   */
  static byte[] setConfigRequest(LinkMode mode) {
    return message(
        DEVMGMT_ID,
        DEVMGMT_MSG_SET_CONFIG_REQ,
        (byte) 0x00, // 0: RAM only, the stick's flash is left alone
        (byte) IIFLAG1_LINK_MODE,
        (byte) linkModeCode(mode),
        (byte) IIFLAG2_RSSI_AND_TIMESTAMP,
        (byte) 0x01, // RSSI attached to each WMBUSMSG_IND
        (byte) 0x00); // no timestamp: we stamp on arrival
  }

  /** T1 and C1 go together (combined mode); S1 alone. */
  static int linkModeCode(LinkMode mode) {
    return switch (mode) {
      case S1 -> LINK_MODE_S1;
      case T1, C1 -> LINK_MODE_C1_T1;
    };
  }

  /**
   * CRC-16 of the HCI: polynomial x^16 + x^12 + x^5 + 1 processed least significant bit first,
   * initial value 0xFFFF, result complemented (CRC-16/X-25; check value of "123456789" 0x906E).
   * Sent least significant byte first.
   */
  static int crc16(byte[] bytes, int offset, int length) {
    int crc = 0xFFFF;
    for (int i = offset; i < offset + length; i++) {
      crc ^= bytes[i] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
      }
    }
    return ~crc & 0xFFFF;
  }

  /**
   * The stick's raw RSSI byte in dBm. The iM871A reports the Si1002 radio's RSSI register; its
   * datasheet curve (RSSI vs input power, figure 7-3) is close to a line through raw 45 = -100 dBm
   * and raw 205 = -20 dBm, half a dB per step, flat at 0 dBm from raw 230 (the approximation the
   * wmbusmeters driver uses).
   */
  static int rssiDbm(int raw) {
    if (raw >= 230) {
      return 0;
    }
    // -100 + (raw - 45) / 2, truncated toward zero
    return (raw - 245) / 2;
  }
}
