package io.releve.portal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientRefTest {

  @Test
  void parse_prefixSpacesAndLowerCase_normalizesToTheLandlordsForm() {
    assertEquals("12345-B", ClientRef.parse("l/ 12 345-b").orElseThrow().value());
    assertEquals("12345-B", ClientRef.parse("L/12345-B").orElseThrow().value());
    assertEquals("12345-B", ClientRef.parse("  12345-b\t").orElseThrow().value());
  }

  @Test
  void parse_anLOnlyInsideTheReference_keepsIt() {
    assertEquals("A12L/3", ClientRef.parse("a12l/3").orElseThrow().value());
  }

  @Test
  void parse_blankOrPrefixOnly_isEmpty() {
    assertEquals(Optional.empty(), ClientRef.parse("  "));
    assertEquals(Optional.empty(), ClientRef.parse("L/ "));
    assertEquals(Optional.empty(), ClientRef.parse(null));
  }

  @Test
  void constructor_unnormalizedValue_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ClientRef("12 345"));
    assertThrows(IllegalArgumentException.class, () -> new ClientRef("12345-b"));
  }
}
