package io.releve.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayIdTest {

  /** The rule as DESIGN and the gateway's configuration state it. */
  private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rl042-gw1",
        "demo-gateway",
        "0",
        "a-",
        "abcdefghijklmnopqrstuvwxyz-abcdefghijklmnopqrstuvwxyz-012345678"
      })
  void aGatewayIdOfLowerCaseLettersDigitsAndHyphensIsAccepted(String text) {
    assertEquals(text, GatewayId.of(text).value());
    assertEquals(text, GatewayId.of(text).toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Abc | Gateway id [Abc] must start with a lower-case letter or a digit, found [A] at index"
            + " 0.",
        "-abc | Gateway id [-abc] must start with a lower-case letter or a digit, found [-] at"
            + " index 0.",
        "rl042_gw1 | Gateway id [rl042_gw1] must contain only lower-case letters, digits and"
            + " hyphens, found [_] at index 5.",
        "rl042/gw1 | Gateway id [rl042/gw1] must contain only lower-case letters, digits and"
            + " hyphens, found [/] at index 5.",
        "gw+ | Gateway id [gw+] must contain only lower-case letters, digits and hyphens, found [+]"
            + " at index 2.",
        "gwÉ | Gateway id [gwÉ] must contain only lower-case letters, digits and hyphens, found [É]"
            + " at index 2.",
        "'' | Gateway id [] must have 1 to 63 characters, found 0.",
      })
  void aBadGatewayIdIsRefusedNamingItsFirstBadCharacter(String text, String message) {
    ContractException e = assertThrows(ContractException.class, () -> GatewayId.of(text));

    assertEquals(message, e.getMessage());
  }

  @Test
  void aGatewayIdOf64CharactersIsTooLong() {
    String text = "a".repeat(64);

    ContractException e = assertThrows(ContractException.class, () -> GatewayId.of(text));

    assertEquals(
        "Gateway id [" + text + "] must have 1 to 63 characters, found 64.", e.getMessage());
  }

  @Property
  void aGatewayIdIsAcceptedExactlyWhenItFollowsTheRule(@ForAll("candidates") String text) {
    boolean accepted;
    try {
      GatewayId.of(text);
      accepted = true;
    } catch (ContractException e) {
      accepted = false;
    }
    assertEquals(RULE.matcher(text).matches(), accepted, text);
  }

  @Provide
  Arbitrary<String> candidates() {
    return Arbitraries.strings().withChars("ab09-_A/+# é").ofMinLength(0).ofMaxLength(70);
  }
}
