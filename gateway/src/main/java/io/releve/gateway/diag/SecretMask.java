package io.releve.gateway.diag;

import java.util.regex.Pattern;

/**
 * Masks what looks like a secret in a line of text before it is kept or shown: a radio meter's
 * AES-128 key (32 hex digits standing alone) and the value after {@code password=}, {@code token=}
 * or {@code secret=} (also with {@code :} and spaces).
 */
public final class SecretMask {

  /** What a masked AES key becomes. */
  public static final String MASKED_KEY = "[key masked]";

  /** What a masked password or token value becomes. */
  public static final String MASKED_VALUE = "***";

  /** 32 hex digits, not part of a longer run of hex digits (a telegram's hex is not a key). */
  private static final Pattern AES_KEY =
      Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{32}(?![0-9A-Fa-f])");

  /** {@code password=x}, {@code token: "x y"}, {@code mqtt.password = x}, {@code secret='x'}. */
  private static final Pattern NAMED =
      Pattern.compile(
          "(?i)((?:password|passwd|passphrase|token|secret)\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&]+)");

  private SecretMask() {}

  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = AES_KEY.matcher(text).replaceAll(MASKED_KEY);
    return NAMED.matcher(masked).replaceAll("$1" + MASKED_VALUE);
  }
}
