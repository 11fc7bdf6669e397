package io.releve.portal.account;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number for SMS alerts, stored in E.164 ({@code +33612345678}). Accepted as typed in
 * France ({@code 06 12 34 56 78}, with spaces, dots or dashes) or in E.164.
 */
final class Phone {

  // ten digits, the first a 0 and the second not: the French national format
  private static final Pattern FRENCH = Pattern.compile("0[1-9][0-9]{8}");
  // E.164: a + and at most 15 digits, the first not 0; 8 is the shortest number in use
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

  private Phone() {}

  /** The number in E.164, or empty when {@code input} is neither format. */
  static Optional<String> normalize(String input) {
    String compact = SEPARATORS.matcher(input.strip()).replaceAll("");
    if (FRENCH.matcher(compact).matches()) {
      return Optional.of("+33" + compact.substring(1));
    }
    if (E164.matcher(compact).matches()) {
      return Optional.of(compact);
    }
    return Optional.empty();
  }
}
