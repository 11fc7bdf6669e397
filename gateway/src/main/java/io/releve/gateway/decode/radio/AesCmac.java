package io.releve.gateway.decode.radio;

import java.util.Arrays;

/**
 * AES-CMAC (RFC 4493, NIST SP 800-38B) with a 128-bit key. Wireless M-Bus security mode 7 uses it
 * to derive its session keys and to compute the AFL MAC (EN 13757-7, OMS vol. 2).
 */
public final class AesCmac {
  /** R_128 of RFC 4493 §2.3: the constant of the subkey doubling. */
  private static final int RB = 0x87;

  private AesCmac() {}

  /** The full 16-byte MAC of {@code message}. */
  public static byte[] mac(byte[] key, byte[] message) {
    byte[] k1 = doubled(Aes.encryptBlock(key, new byte[Aes.BLOCK]));
    byte[] k2 = doubled(k1);
    int blocks = Math.max(1, (message.length + Aes.BLOCK - 1) / Aes.BLOCK);
    boolean complete = message.length > 0 && message.length % Aes.BLOCK == 0;
    byte[] last = new byte[Aes.BLOCK];
    int lastStart = (blocks - 1) * Aes.BLOCK;
    int lastLength = message.length - lastStart;
    System.arraycopy(message, lastStart, last, 0, lastLength);
    if (complete) {
      xor(last, k1);
    } else {
      last[lastLength] = (byte) 0x80; // padding 10…0
      xor(last, k2);
    }
    byte[] x = new byte[Aes.BLOCK];
    for (int b = 0; b < blocks - 1; b++) {
      for (int i = 0; i < Aes.BLOCK; i++) {
        x[i] ^= message[b * Aes.BLOCK + i];
      }
      x = Aes.encryptBlock(key, x);
    }
    xor(x, last);
    return Aes.encryptBlock(key, x);
  }

  /** The first {@code length} bytes of the MAC, as truncated MACs are sent. */
  public static byte[] mac(byte[] key, byte[] message, int length) {
    return Arrays.copyOf(mac(key, message), length);
  }

  /** Left shift by one bit, XOR with Rb when the top bit was set (RFC 4493 §2.3). */
  private static byte[] doubled(byte[] in) {
    byte[] out = new byte[Aes.BLOCK];
    for (int i = 0; i < Aes.BLOCK; i++) {
      int next = i + 1 < Aes.BLOCK ? (in[i + 1] & 0xFF) >>> 7 : 0;
      out[i] = (byte) ((in[i] << 1) | next);
    }
    if ((in[0] & 0x80) != 0) {
      out[Aes.BLOCK - 1] ^= (byte) RB;
    }
    return out;
  }

  private static void xor(byte[] target, byte[] with) {
    for (int i = 0; i < Aes.BLOCK; i++) {
      target[i] ^= with[i];
    }
  }
}
