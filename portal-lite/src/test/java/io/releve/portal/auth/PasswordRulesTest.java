package io.releve.portal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordRulesTest {

  private static final String EMAIL = "Claire.Martin@exemple.fr";

  /** Each row: a password, then the rule it breaks, or "ok". */
  @ParameterizedTest(name = "[{0}] → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // short passwords, whatever their classes
        "''|password.too_short",
        "Ab1!|password.too_short",
        "Ab1!xyz|password.too_short",
        // 8 to 14 characters: all four classes needed, checked in order
        "Ab1!xyzw|ok",
        "ab1!xyzw|password.needs_upper",
        "AB1!XYZW|password.needs_lower",
        "Abc!xyzw|password.needs_digit",
        "Ab1cxyzw|password.needs_special",
        "abcdefgh|password.needs_upper",
        "12345678|password.needs_upper",
        "Élève-2026|ok",
        "élève-2026|password.needs_upper",
        "Ab1 xyzw|ok",
        "Abcdefghijklm1|password.needs_special",
        // 15 characters or more: a passphrase, no class rule
        "abcdefghijklmno|ok",
        "le chat dort là|ok",
        "aaaaaaaaaaaaaaa|ok",
        "123456789012345|ok",
        // the e-mail itself, in any case, is refused even when long enough
        "Claire.Martin@exemple.fr|password.same_as_email",
        "claire.martin@exemple.fr|password.same_as_email",
        " CLAIRE.MARTIN@EXEMPLE.FR |password.same_as_email",
        "Claire.Martin@exemple.fr1|ok",
      })
  void check_password_breaksTheExpectedRule(String password, String expected) {
    Optional<String> problem = PasswordRules.check(password, EMAIL);

    assertEquals(expected, problem.orElse("ok"));
  }

  @ParameterizedTest(name = "{0} code points → {1}")
  @CsvSource({
    "7,password.too_short",
    "8,password.needs_upper",
    "14,password.needs_upper",
    "15,ok",
    "128,ok",
    "129,password.too_long",
    "1000,password.too_long"
  })
  void check_lengthBoundaries_areCountedInCodePoints(int length, String expected) {
    // "😀" is two chars in Java but one code point: the limits count what a person typed
    String emoji = "a😀".repeat(length / 2) + (length % 2 == 1 ? "a" : "");

    assertEquals(expected, PasswordRules.check("a".repeat(length), null).orElse("ok"));
    assertEquals(expected, PasswordRules.check(emoji, null).orElse("ok"));
  }
}
