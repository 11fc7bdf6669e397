package io.releve.gateway.link;

import java.util.Arrays;

/**
 * The three frame formats of the M-Bus data link layer (EN 13757-2 §5, FT 1.2 of EN 60870-5-1): the
 * single character {@code E5}, the short frame {@code 10 C A CS 16} and the long frame {@code 68 L
 * L 68 C A CI data CS 16}, with the control and address values the master uses.
 *
 * <p>Shared by the master (our link layer) and the simulated slaves, so both read the standard's
 * framing the same way.
 */
public final class LinkFrames {

  /** Positive acknowledgement: the slave's one-byte reply to SND_NKE and to a selection. */
  public static final int ACK = 0xE5;

  public static final int SHORT_START = 0x10;
  public static final int LONG_START = 0x68;
  public static final int STOP = 0x16;

  /** Length of a short frame: start, C, A, checksum, stop. */
  public static final int SHORT_LENGTH = 5;

  /** Bytes around a long frame's L bytes: 68 L L 68 … CS 16. */
  public static final int LONG_OVERHEAD = 6;

  /** The largest L: C, A, CI and 252 data bytes. A long frame is at most 261 bytes. */
  public static final int MAX_L = 0xFF;

  /** Smallest L of a long frame: C, A and CI. */
  public static final int MIN_L = 3;

  /** Master to slave: reset the link (and the slave's FCB). */
  public static final int C_SND_NKE = 0x40;

  /** Master to slave: send user data (selection, application reset…); FCV set, FCB clear. */
  public static final int C_SND_UD = 0x53;

  /** Master to slave: request class 2 data; FCV set, FCB clear. */
  public static final int C_REQ_UD2 = 0x5B;

  /** Frame count bit: toggled by the master after each good reply. */
  public static final int FCB = 0x20;

  /** Frame count valid bit: the slave only looks at FCB when it is set. */
  public static final int FCV = 0x10;

  /** Slave to master: respond user data. ACD (0x20) and DFC (0x10) may be set as well. */
  public static final int C_RSP_UD = 0x08;

  /** Mask of the function bits of a slave's C field (ACD and DFC cleared). */
  public static final int C_RSP_FUNCTION_MASK = 0xCF;

  /** Primary addresses 1–250 are meters' own; 0 is the unconfigured factory address. */
  public static final int MAX_PRIMARY = 250;

  /** The address of the slave selected by secondary address. */
  public static final int ADDRESS_NETWORK_LAYER = 0xFD;

  /** Broadcast every slave answers (only useful with a single slave on the bus). */
  public static final int ADDRESS_BROADCAST_REPLY = 0xFE;

  /** Broadcast no slave answers. */
  public static final int ADDRESS_BROADCAST_NO_REPLY = 0xFF;

  /** CI of SND_UD carrying a secondary address to select (EN 13757-3 §5). */
  public static final int CI_SELECT = 0x52;

  private LinkFrames() {}

  /** A short frame {@code 10 C A CS 16}. */
  public static byte[] shortFrame(int control, int address) {
    return new byte[] {
      (byte) SHORT_START, (byte) control, (byte) address, (byte) (control + address), (byte) STOP
    };
  }

  /** A long frame with {@code data} after the CI field. */
  public static byte[] longFrame(int control, int address, int ci, byte[] data) {
    int l = MIN_L + data.length;
    if (l > MAX_L) {
      throw new IllegalArgumentException(
          "Long frame user data of " + data.length + " bytes exceeds the 252 an L field allows.");
    }
    byte[] frame = new byte[l + LONG_OVERHEAD];
    frame[0] = (byte) LONG_START;
    frame[1] = (byte) l;
    frame[2] = (byte) l;
    frame[3] = (byte) LONG_START;
    frame[4] = (byte) control;
    frame[5] = (byte) address;
    frame[6] = (byte) ci;
    System.arraycopy(data, 0, frame, 7, data.length);
    frame[frame.length - 2] = (byte) checksum(frame, 4, l);
    frame[frame.length - 1] = (byte) STOP;
    return frame;
  }

  /** The arithmetic sum, modulo 256, of {@code length} bytes from {@code from}. */
  public static int checksum(byte[] bytes, int from, int length) {
    int sum = 0;
    for (int i = from; i < from + length; i++) {
      sum += bytes[i];
    }
    return sum & 0xFF;
  }

  /**
   * How long the frame that starts {@code buffer} will be, from the {@code have} bytes received so
   * far: the receiver of either side reads exactly that many and no more.
   *
   * @return the total length, or 0 when more bytes are needed to tell
   * @throws IllegalArgumentException when the bytes cannot start a frame (bad start byte, L fields
   *     that differ or are too short); the message says which
   */
  public static int frameLength(byte[] buffer, int have) {
    if (have < 1) {
      return 0;
    }
    int start = buffer[0] & 0xFF;
    switch (start) {
      case ACK:
        return 1;
      case SHORT_START:
        return SHORT_LENGTH;
      case LONG_START:
        if (have < 4) {
          return 0;
        }
        int l1 = buffer[1] & 0xFF;
        int l2 = buffer[2] & 0xFF;
        if (l1 != l2) {
          throw new IllegalArgumentException(
              String.format("The two L fields differ (%02X and %02X).", l1, l2));
        }
        if ((buffer[3] & 0xFF) != LONG_START) {
          throw new IllegalArgumentException(
              String.format("The second start byte is %02X, not 68.", buffer[3] & 0xFF));
        }
        if (l1 < MIN_L) {
          throw new IllegalArgumentException("L field " + l1 + " is below the minimum of 3.");
        }
        return l1 + LONG_OVERHEAD;
      default:
        throw new IllegalArgumentException(
            String.format("%02X starts no M-Bus frame (E5, 10 or 68 expected).", start));
    }
  }

  /**
   * Whether {@code frame} is a complete, well-formed frame: right stop byte and checksum. Call
   * after {@link #frameLength} said it is complete.
   *
   * @return null when it is, or what is wrong with it
   */
  public static String checkComplete(byte[] frame) {
    int start = frame[0] & 0xFF;
    if (start == ACK) {
      return frame.length == 1 ? null : "An E5 acknowledgement carries no more bytes.";
    }
    if ((frame[frame.length - 1] & 0xFF) != STOP) {
      return String.format("The stop byte is %02X, not 16.", frame[frame.length - 1] & 0xFF);
    }
    int from = start == SHORT_START ? 1 : 4;
    int expected = checksum(frame, from, frame.length - from - 2);
    int actual = frame[frame.length - 2] & 0xFF;
    if (expected != actual) {
      return String.format("The checksum is %02X, the bytes sum to %02X.", actual, expected);
    }
    return null;
  }

  /** The C field of a short or long frame. */
  public static int control(byte[] frame) {
    return frame[(frame[0] & 0xFF) == SHORT_START ? 1 : 4] & 0xFF;
  }

  /** The A field of a short or long frame. */
  public static int address(byte[] frame) {
    return frame[(frame[0] & 0xFF) == SHORT_START ? 2 : 5] & 0xFF;
  }

  /** The CI field of a long frame. */
  public static int ci(byte[] frame) {
    return frame[6] & 0xFF;
  }

  /** The user data of a long frame, after the CI field and before the checksum. */
  public static byte[] userData(byte[] frame) {
    return Arrays.copyOfRange(frame, 7, frame.length - 2);
  }
}
