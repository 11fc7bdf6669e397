package io.releve.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JSON and topic names of the contract's closed vocabularies: an enum constant's name in lower
 * case, underscores written as hyphens ({@code LOG_TAIL} is {@code log-tail}).
 */
final class Wire {

  private Wire() {}

  static String name(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The constant whose wire name is {@code text}.
   *
   * @param what what the text names, for the message ({@code Clock state})
   * @throws ContractException naming the text and the names allowed
   */
  static <E extends Enum<E>> E parse(String what, String text, E[] constants) {
    for (E constant : constants) {
      if (name(constant).equals(text)) {
        return constant;
      }
    }
    throw new ContractException(what + " [" + text + "] must be one of " + names(constants) + ".");
  }

  static String names(Enum<?>[] constants) {
    return Arrays.stream(constants).map(Wire::name).collect(Collectors.joining(", ", "[", "]"));
  }
}
