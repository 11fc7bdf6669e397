package io.releve.gateway.decode.radio;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import java.util.Arrays;
import java.util.Optional;

/**
 * The authentication and fragmentation layer, CI 0x90 (EN 13757-7 §6, OMS vol. 2 §7): AFLL, the
 * fragmentation control field FCL (2 bytes) and, as FCL announces them, the message control MCL,
 * key information KI (2), message counter MCR (4), MAC and message length ML (2).
 *
 * @param length bytes from the CI field to the next layer
 * @param messageControl the MCL byte, or -1
 * @param messageCounter the MCR bytes as sent (least significant first), or null
 * @param messageLength the ML bytes as sent, or null
 * @param mac the MAC bytes, or null
 */
record AuthenticationLayer(
    int length, int messageControl, byte[] messageCounter, byte[] messageLength, byte[] mac) {

  static final int CI = 0x90;

  private static final int FCL_MORE_FRAGMENTS = 1 << 14;
  private static final int FCL_MCL_PRESENT = 1 << 13;
  private static final int FCL_ML_PRESENT = 1 << 12;
  private static final int FCL_MCR_PRESENT = 1 << 11;
  private static final int FCL_MAC_PRESENT = 1 << 10;
  private static final int FCL_KI_PRESENT = 1 << 9;
  private static final int FCL_FRAGMENT_ID = 0xFF;

  /** MCL bits 0–3: the authentication type AT, which fixes the MAC algorithm and length. */
  private static final int MCL_AUTHENTICATION_TYPE = 0x0F;

  /** AT 5, 6, 7: AES-CMAC-128 truncated to 8, 12 or 16 bytes (EN 13757-7, OMS vol. 2). */
  private static final int AT_CMAC_8 = 5;

  private static final int AT_CMAC_12 = 6;
  private static final int AT_CMAC_16 = 7;

  static AuthenticationLayer parse(byte[] b, int at, int end) throws FrameRejectedException {
    if (end - at < 4) {
      throw header(at, "the AFL needs at least CI, AFLL and FCL (4 bytes)");
    }
    int afll = b[at + 1] & 0xFF;
    int layerEnd = at + 2 + afll;
    if (afll < 2 || layerEnd > end) {
      throw header(at, "AFLL = " + afll + " does not fit the telegram");
    }
    int fcl = (b[at + 2] & 0xFF) | (b[at + 3] & 0xFF) << 8;
    if ((fcl & FCL_MORE_FRAGMENTS) != 0 || (fcl & FCL_FRAGMENT_ID) > 1) {
      throw new FrameRejectedException(
          RejectionReason.FRAGMENTED,
          "The AFL at offset "
              + at
              + " announces a fragmented message (FCL "
              + String.format("0x%04X", fcl)
              + "); fragments are not reassembled.");
    }
    int p = at + 4;
    int mcl = -1;
    if ((fcl & FCL_MCL_PRESENT) != 0) {
      mcl = slice(b, p, 1, layerEnd, at)[0] & 0xFF;
      p += 1;
    }
    if ((fcl & FCL_KI_PRESENT) != 0) {
      slice(b, p, 2, layerEnd, at);
      p += 2;
    }
    byte[] mcr = null;
    if ((fcl & FCL_MCR_PRESENT) != 0) {
      mcr = slice(b, p, 4, layerEnd, at);
      p += 4;
    }
    byte[] mac = null;
    if ((fcl & FCL_MAC_PRESENT) != 0) {
      if (mcl < 0) {
        throw header(at, "FCL announces a MAC but no MCL, whose AT field gives the MAC's length");
      }
      int macLength = macLength(mcl, at);
      int room = layerEnd - p - ((fcl & FCL_ML_PRESENT) != 0 ? 2 : 0);
      if (room != macLength) {
        throw header(
            at,
            "MCL AT "
                + (mcl & MCL_AUTHENTICATION_TYPE)
                + " announces a "
                + macLength
                + "-byte MAC but AFLL = "
                + afll
                + " leaves "
                + room
                + " bytes for it");
      }
      mac = slice(b, p, macLength, layerEnd, at);
      p += macLength;
    }
    byte[] ml = null;
    if ((fcl & FCL_ML_PRESENT) != 0) {
      ml = slice(b, p, 2, layerEnd, at);
      p += 2;
    }
    if (p != layerEnd) {
      throw header(at, "AFLL = " + afll + " does not match the fields FCL announces");
    }
    return new AuthenticationLayer(2 + afll, mcl, mcr, ml, mac);
  }

  /** The MAC length the authentication type of MCL announces; only AES-CMAC is supported. */
  private static int macLength(int mcl, int at) throws FrameRejectedException {
    int type = mcl & MCL_AUTHENTICATION_TYPE;
    return switch (type) {
      case AT_CMAC_8 -> 8;
      case AT_CMAC_12 -> 12;
      case AT_CMAC_16 -> 16;
      default ->
          throw new FrameRejectedException(
              RejectionReason.UNSUPPORTED_SECURITY,
              "AFL (CI 0x90) at offset "
                  + at
                  + ": MCL "
                  + String.format("0x%02X", mcl)
                  + " announces authentication type "
                  + type
                  + "; only AES-CMAC with 8, 12 or 16 bytes (AT 5, 6, 7) is supported.");
    };
  }

  /** The message counter as a number, when present. */
  Optional<Long> counter() {
    if (messageCounter == null) {
      return Optional.empty();
    }
    long value = 0;
    for (int i = 3; i >= 0; i--) {
      value = value << 8 | (messageCounter[i] & 0xFF);
    }
    return Optional.of(value);
  }

  /**
   * What the MAC covers (EN 13757-7 §6, checked against the OMS vol. 2 annex examples): MCL, MCR,
   * ML when present, then the TPL from its CI field to the end of the telegram.
   */
  byte[] macInput(byte[] telegram, int tplStart) {
    int fields = 1 + 4 + (messageLength == null ? 0 : 2);
    byte[] input = new byte[fields + telegram.length - tplStart];
    input[0] = (byte) messageControl;
    System.arraycopy(messageCounter, 0, input, 1, 4);
    if (messageLength != null) {
      System.arraycopy(messageLength, 0, input, 5, 2);
    }
    System.arraycopy(telegram, tplStart, input, fields, telegram.length - tplStart);
    return input;
  }

  private static byte[] slice(byte[] b, int p, int n, int end, int at)
      throws FrameRejectedException {
    if (p + n > end) {
      throw header(at, "the fields FCL announces do not fit in AFLL");
    }
    return Arrays.copyOfRange(b, p, p + n);
  }

  private static FrameRejectedException header(int at, String what) {
    return new FrameRejectedException(
        RejectionReason.BAD_HEADER, "AFL (CI 0x90) at offset " + at + ": " + what + ".");
  }
}
