package io.releve.portal.auth;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>},
 * salt and hash in base64 without padding), as the reference implementation and libsodium write it.
 */
record PhcHash(Argon2Params params, byte[] salt, byte[] hash) {

  /** Argon2 version 1.3 (0x13 = 19), the one RFC 9106 specifies. */
  static final int VERSION = 19;

  /** The PHC format's "B64": the standard alphabet without padding. */
  private static final Pattern FORMAT =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=([0-9]{1,9}),t=([0-9]{1,9}),p=([0-9]{1,9})"
              + "\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");

  /**
   * RFC 9106 §3.1 recommends at least 16 bytes of salt; 8 is the reference implementation's floor.
   */
  private static final int MIN_SALT_BYTES = 8;

  /**
   * Parses a stored hash.
   *
   * @throws IllegalArgumentException when it is not an Argon2id v19 PHC string with sane
   *     parameters; the message does not repeat the string
   */
  static PhcHash parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "the stored password hash is not an Argon2id v=19 PHC string ($argon2id$v=19$m=…)");
    }
    Argon2Params params =
        new Argon2Params(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
    Base64.Decoder decoder = Base64.getDecoder();
    byte[] salt = decoder.decode(m.group(4));
    byte[] hash = decoder.decode(m.group(5));
    if (salt.length < MIN_SALT_BYTES) {
      throw new IllegalArgumentException(
          "the stored password hash has a salt of " + salt.length + " bytes, fewer than 8");
    }
    return new PhcHash(params, salt, hash);
  }

  String format() {
    Base64.Encoder encoder = Base64.getEncoder().withoutPadding();
    return "$argon2id$v="
        + VERSION
        + "$"
        + params.phc()
        + "$"
        + encoder.encodeToString(salt)
        + "$"
        + encoder.encodeToString(hash);
  }
}
