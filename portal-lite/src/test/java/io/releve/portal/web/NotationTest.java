package io.releve.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReadableTest {

  @Test
  void number_inFrench_usesACommaAndKeepsEveryDecimal() {
    assertEquals("123,250", Notation.number("123.250", Locale.FRENCH));
  }

  @Test
  void number_inEnglish_usesAPointAndGroupsThousands() {
    assertEquals("12,345.5", Notation.number("12345.5", Locale.ENGLISH));
  }

  @Test
  void number_notANumber_isShownAsItIs() {
    assertEquals("E-12", Notation.number("E-12", Locale.FRENCH));
  }

  @Test
  void unit_cubicMetres_printsWithASuperscript() {
    assertEquals("m³", Notation.unit("m3"));
    assertEquals("kWh", Notation.unit("kWh"));
  }
}
