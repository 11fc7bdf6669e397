package io.releve.portal.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * The portal's password rule: either at least {@value #MIN_LENGTH} characters with an upper-case
 * letter, a lower-case letter, a digit and a special character (CNIL deliberation 2022-100, the
 * rule for an account with throttling), or a passphrase of at least {@value #MIN_PASSPHRASE}
 * characters without class rules; at most {@value #MAX_LENGTH}; never the account's e-mail. Lengths
 * count Unicode code points, so "é" or an emoji is one character. Pure.
 */
public final class PasswordRules {

  public static final int MIN_LENGTH = 8;
  public static final int MIN_PASSPHRASE = 15;

  /** Long enough for any passphrase; bounds the work a form can ask of the hash. */
  public static final int MAX_LENGTH = 128;

  public static final String TOO_SHORT = "password.too_short";
  public static final String TOO_LONG = "password.too_long";
  public static final String SAME_AS_EMAIL = "password.same_as_email";
  public static final String NEEDS_UPPER = "password.needs_upper";
  public static final String NEEDS_LOWER = "password.needs_lower";
  public static final String NEEDS_DIGIT = "password.needs_digit";
  public static final String NEEDS_SPECIAL = "password.needs_special";

  private PasswordRules() {}

  /**
   * The message key of the first rule {@code password} breaks, or empty when it is acceptable. The
   * order is: too long, too short, the e-mail, then (below {@value #MIN_PASSPHRASE} characters)
   * upper case, lower case, digit, special character.
   *
   * @param email the account's e-mail, or null when not known yet
   */
  public static Optional<String> check(CharSequence password, String email) {
    int length = Character.codePointCount(password, 0, password.length());
    if (length > MAX_LENGTH) {
      return Optional.of(TOO_LONG);
    }
    if (length < MIN_LENGTH) {
      return Optional.of(TOO_SHORT);
    }
    if (email != null
        && password
            .toString()
            .strip()
            .toLowerCase(Locale.ROOT)
            .equals(email.strip().toLowerCase(Locale.ROOT))) {
      return Optional.of(SAME_AS_EMAIL);
    }
    if (length >= MIN_PASSPHRASE) {
      return Optional.empty();
    }
    if (password.codePoints().noneMatch(Character::isUpperCase)) {
      return Optional.of(NEEDS_UPPER);
    }
    if (password.codePoints().noneMatch(Character::isLowerCase)) {
      return Optional.of(NEEDS_LOWER);
    }
    if (password.codePoints().noneMatch(Character::isDigit)) {
      return Optional.of(NEEDS_DIGIT);
    }
    if (password.codePoints().allMatch(Character::isLetterOrDigit)) {
      return Optional.of(NEEDS_SPECIAL);
    }
    return Optional.empty();
  }
}
