package io.releve.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneTest {

  @ParameterizedTest
  @CsvSource({
    "06 12 34 56 78, +33612345678",
    "0612345678, +33612345678",
    "01.23.45.67.89, +33123456789",
    "+33 6 12 34 56 78, +33612345678",
    "+4915112345678, +4915112345678"
  })
  void normalize_frenchOrE164_givesE164(String input, String expected) {
    assertEquals(Optional.of(expected), Phone.normalize(input));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"612345678", "00 12 34 56 78", "+0612345678", "06 12 34 56", "abc", "+33"})
  void normalize_otherText_isRefused(String input) {
    assertEquals(Optional.empty(), Phone.normalize(input));
  }
}
