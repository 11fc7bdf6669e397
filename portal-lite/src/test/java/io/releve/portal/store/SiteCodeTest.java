package io.releve.portal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteCodeTest {

  @Test
  void parse_lowerCaseWithSpaces_isTrimmedAndUpperCased() {
    assertEquals(new SiteCode("LY003"), SiteCode.parse(" ly003 ").orElseThrow());
  }

  @Test
  void parse_wrongShape_isEmpty() {
    assertEquals(Optional.empty(), SiteCode.parse("LY03"));
    assertEquals(Optional.empty(), SiteCode.parse("L1003"));
    assertEquals(Optional.empty(), SiteCode.parse("LY0033"));
  }

  @Test
  void constructor_wrongShape_saysWhatIsExpected() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> new SiteCode("ly003"));
    assertEquals(
        "Site code [ly003] must be two letters and three digits, such as AB123.",
        refused.getMessage());
  }
}
