package io.releve.gateway.radio;

/**
 * The Amber (Würth Elektronik eiSos) AMB8465 command interface, as in the "Manual for the AMBER
 * wM-Bus modules" and the wmbusmeters driver: constants, the messages we send, the checksum and the
 * RSSI conversion. See {@link AmberStick} for the byte formats.
 */
final class AmberFrames {
  static final int SOF = 0xFF;

  static final int CMD_DATA_IND = 0x03;
  static final int CMD_SET_MODE_REQ = 0x04;
  static final int CMD_RESET_REQ = 0x05;
  static final int CMD_SET_REQ = 0x09;
  static final int CMD_GET_REQ = 0x0A;
  static final int CMD_SERIALNO_REQ = 0x0B;

  /** An answer's command byte is its request's with this bit set. */
  static final int ANSWER = 0x80;

  /** Non-volatile parameter: telegrams come framed as CMD_DATA_IND (1) rather than bare (0). */
  static final int UART_CMD_OUT_ENABLE = 0x05;

  /** Non-volatile parameter: an RSSI byte is appended to each received telegram (1). */
  static final int RSSI_ENABLE = 0x45;

  /** Mode_Preselect values: S1 (and S1-m) 0x03, C1 and T1 together 0x09. */
  static final int MODE_S1 = 0x03;

  static final int MODE_C1_T1 = 0x09;

  /** The AMB8465's RSSI offset in dBm. */
  static final int RSSI_OFFSET_DBM = 74;

  private AmberFrames() {}

  /** {@code FF CMD LEN payload CS}, CS the XOR of every byte before it. */
  static byte[] message(int command, byte... payload) {
    byte[] m = new byte[4 + payload.length];
    m[0] = (byte) SOF;
    m[1] = (byte) command;
    m[2] = (byte) payload.length;
    System.arraycopy(payload, 0, m, 3, payload.length);
    m[m.length - 1] = (byte) checksum(m, 0, m.length - 1);
    return m;
  }

  static int checksum(byte[] bytes, int offset, int length) {
    int cs = 0;
    for (int i = offset; i < offset + length; i++) {
      cs ^= bytes[i] & 0xFF;
    }
    return cs;
  }

  /** {@code FF 0B 00 F4}: asks the serial number; our ping. */
  static byte[] serialNumberRequest() {
    return message(CMD_SERIALNO_REQ);
  }

  /** {@code FF 05 00 FA}. */
  static byte[] resetRequest() {
    return message(CMD_RESET_REQ);
  }

  /** {@code FF 0A 02 PP 01 CS}: reads one byte of non-volatile parameters at {@code position}. */
  static byte[] getRequest(int position) {
    return message(CMD_GET_REQ, (byte) position, (byte) 1);
  }

  /** {@code FF 09 03 PP 01 VV CS}: writes one byte of non-volatile parameters. */
  static byte[] setRequest(int position, int value) {
    return message(CMD_SET_REQ, (byte) position, (byte) 1, (byte) value);
  }

  /** {@code FF 04 01 MM CS}: listens in {@code mode} until the next reset; flash is left alone. */
  static byte[] setModeRequest(LinkMode mode) {
    return message(CMD_SET_MODE_REQ, (byte) modeCode(mode));
  }

  /** T1 and C1 go together; S1 alone. */
  static int modeCode(LinkMode mode) {
    return switch (mode) {
      case S1 -> MODE_S1;
      case T1, C1 -> MODE_C1_T1;
    };
  }

  /**
   * The manual's conversion of the raw RSSI byte: a two's complement value in half dB, minus the
   * module's offset: raw ≥ 128 → (raw − 256) / 2 − 74, otherwise raw / 2 − 74 (dBm, division
   * truncated toward zero).
   */
  static int rssiDbm(int raw) {
    return (raw >= 128 ? (raw - 256) / 2 : raw / 2) - RSSI_OFFSET_DBM;
  }
}
