package io.releve.gateway.decode.radio;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import java.security.MessageDigest;

/**
 * Decrypts a TPL payload in place (EN 13757-7 §9, OMS vol. 2 §9). Mode 5: AES-128-CBC, IV = M (2) +
 * A (6) of the meter + its access number 8 times. Mode 7: AES-128-CBC with a zero IV and the key
 * Kenc, the AFL MAC checked first with Kmac; both derived by AES-CMAC from the meter key, see
 * {@link #derive}. The decrypted payload must begin with the filler 2F 2F. Messages never show a
 * key.
 */
final class TplSecurity {
  static final int FILLER = 0x2F;

  /** Key derivation constants (EN 13757-7 §9.6): Kenc and Kmac, meter to other device. */
  static final int DERIVE_ENC_FROM_METER = 0x00;

  static final int DERIVE_MAC_FROM_METER = 0x01;

  /** Padding byte of the derivation input, which is completed to 16 bytes. */
  private static final int DERIVE_PADDING = 0x07;

  private TplSecurity() {}

  /** Whether the payload at {@code at} starts with 2F 2F, as every clear OMS payload does. */
  static boolean startsClear(byte[] t, int at, int end) {
    return end - at >= 2 && (t[at] & 0xFF) == FILLER && (t[at + 1] & 0xFF) == FILLER;
  }

  /**
   * Mode 5: decrypts {@code length} bytes at {@code at} in place.
   *
   * @param address the meter's M and A fields in link-layer order (8 bytes)
   */
  static void decryptMode5(
      byte[] t, int at, int length, byte[] key, byte[] address, int accessNumber, String meter)
      throws FrameRejectedException {
    byte[] iv = new byte[Aes.BLOCK];
    System.arraycopy(address, 0, iv, 0, 8);
    for (int i = 8; i < Aes.BLOCK; i++) {
      iv[i] = (byte) accessNumber;
    }
    byte[] clear = Aes.decryptCbc(key, iv, t, at, length);
    System.arraycopy(clear, 0, t, at, length);
    requireFiller(t, at, meter, 5);
  }

  /**
   * Mode 7: checks the AFL MAC, then decrypts {@code length} bytes at {@code at} in place.
   *
   * @param meterId the 4 id bytes of the meter as sent (least significant first)
   */
  static void decryptMode7(
      byte[] t,
      int tplStart,
      int at,
      int length,
      byte[] key,
      byte[] meterId,
      AuthenticationLayer afl,
      String meter)
      throws FrameRejectedException {
    if (afl == null
        || afl.messageControl() < 0
        || afl.messageCounter() == null
        || afl.mac() == null) {
      throw new FrameRejectedException(
          RejectionReason.BAD_HEADER,
          "Security mode 7 telegram from "
              + meter
              + " has no AFL with message control, message counter and MAC; it cannot be"
              + " verified.");
    }
    byte[] kmac = derive(key, DERIVE_MAC_FROM_METER, afl.messageCounter(), meterId);
    byte[] expected = AesCmac.mac(kmac, afl.macInput(t, tplStart), afl.mac().length);
    if (!MessageDigest.isEqual(expected, afl.mac())) {
      throw new FrameRejectedException(
          RejectionReason.MAC_MISMATCH,
          "AFL MAC mismatch for "
              + meter
              + ": the telegram was altered or the configured key is wrong.");
    }
    byte[] kenc = derive(key, DERIVE_ENC_FROM_METER, afl.messageCounter(), meterId);
    byte[] clear = Aes.decryptCbc(kenc, new byte[Aes.BLOCK], t, at, length);
    System.arraycopy(clear, 0, t, at, length);
    requireFiller(t, at, meter, 7);
  }

  /**
   * Mode 7 key derivation (EN 13757-7 §9.6, OMS vol. 2 §9.5.3): AES-CMAC(K, DC || message counter
   * (4, least significant first) || meter id (4, least significant first) || 0x07 × 7).
   */
  static byte[] derive(byte[] key, int constant, byte[] messageCounter, byte[] meterId) {
    byte[] input = new byte[Aes.BLOCK];
    input[0] = (byte) constant;
    System.arraycopy(messageCounter, 0, input, 1, 4);
    System.arraycopy(meterId, 0, input, 5, 4);
    for (int i = 9; i < Aes.BLOCK; i++) {
      input[i] = DERIVE_PADDING;
    }
    return AesCmac.mac(key, input);
  }

  private static void requireFiller(byte[] t, int at, String meter, int mode)
      throws FrameRejectedException {
    if ((t[at] & 0xFF) != FILLER || (t[at + 1] & 0xFF) != FILLER) {
      throw new FrameRejectedException(
          RejectionReason.DECRYPTION_FAILED,
          "Decryption failed for "
              + meter
              + " (security mode "
              + mode
              + "): the payload at offset "
              + at
              + " does not start with 2F 2F; the configured key is wrong.");
    }
  }

  /** The meter's M and A fields in link-layer order, for the mode 5 IV. */
  static byte[] address(byte[] t, TransportHeader tpl, int tplStart) {
    byte[] address = new byte[8];
    if (tpl.device() == null) {
      System.arraycopy(t, 2, address, 0, 8);
    } else {
      int h = tplStart + 1;
      address[0] = t[h + 4];
      address[1] = t[h + 5];
      System.arraycopy(t, h, address, 2, 4);
      address[6] = t[h + 6];
      address[7] = t[h + 7];
    }
    return address;
  }
}
