package io.releve.gateway.decode.radio;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 through javax.crypto: the block cipher, CBC decryption and CTR. Every JDK ships these
 * algorithms, so a {@link GeneralSecurityException} here is a broken runtime and becomes an {@link
 * IllegalStateException}. Key bytes never reach a message.
 */
public final class Aes {
  public static final int BLOCK = 16;
  static final int KEY_LENGTH = 16;

  private Aes() {}

  /** Encrypts one 16-byte block. */
  public static byte[] encryptBlock(byte[] key, byte[] block) {
    return run("AES/ECB/NoPadding", Cipher.ENCRYPT_MODE, key, null, block, 0, BLOCK);
  }

  /** Decrypts whole 16-byte blocks in CBC mode. */
  static byte[] decryptCbc(byte[] key, byte[] iv, byte[] data, int offset, int length) {
    return run("AES/CBC/NoPadding", Cipher.DECRYPT_MODE, key, iv, data, offset, length);
  }

  /** Encrypts or decrypts (the same operation) in CTR mode from the initial counter block. */
  static byte[] ctr(byte[] key, byte[] counter, byte[] data, int offset, int length) {
    return run("AES/CTR/NoPadding", Cipher.DECRYPT_MODE, key, counter, data, offset, length);
  }

  private static byte[] run(
      String transformation, int mode, byte[] key, byte[] iv, byte[] data, int offset, int length) {
    try {
      Cipher cipher = Cipher.getInstance(transformation);
      SecretKeySpec spec = new SecretKeySpec(key, "AES");
      if (iv == null) {
        cipher.init(mode, spec);
      } else {
        cipher.init(mode, spec, new IvParameterSpec(iv));
      }
      return cipher.doFinal(data, offset, length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES (" + transformation + ") is not available", e);
    }
  }
}
