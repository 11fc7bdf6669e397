package io.releve.portal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets of activation and reset links: {@value #TOKEN_BYTES} random bytes in base64url. Only
 * their SHA-256 is stored, so a copy of the database opens no account; a plain hash is enough
 * because the token has 256 bits of entropy (no dictionary to try, unlike a password).
 */
public final class Tokens {

  /** 256 bits, out of reach of guessing within a link's lifetime. */
  public static final int TOKEN_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** A new token: 43 characters of base64url without padding, safe in a URL as it is. */
  public static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The lower-case hex SHA-256 of the token's UTF-8 text: what the database keeps. */
  public static String sha256Hex(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // every Java platform must provide SHA-256 (MessageDigest's Javadoc)
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
