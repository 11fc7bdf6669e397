package io.releve.gateway.diag;

import io.releve.contract.CommandRequest;
import java.util.List;
import java.util.Locale;

/** Reads a request's argument values, refusing bad ones with a message naming them. */
final class Args {

  private Args() {}

  /** The value of {@code name}, or null when absent. */
  static String optional(CommandRequest request, String name) {
    String value = request.args().get(name);
    return value == null ? null : value.strip();
  }

  static String required(CommandRequest request, String name) throws CommandException {
    String value = optional(request, name);
    if (value == null || value.isEmpty()) {
      throw CommandException.badRequest("Argument [" + name + "] is required.");
    }
    return value;
  }

  /** A whole number between {@code min} and {@code max}, or {@code fallback} when absent. */
  static int integer(CommandRequest request, String name, int fallback, int min, int max)
      throws CommandException {
    String value = optional(request, name);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // the message below says what was expected
    }
    throw CommandException.badRequest(
        "Argument ["
            + name
            + "] must be a whole number between "
            + min
            + " and "
            + max
            + ", found ["
            + value
            + "].");
  }

  /** One of {@code choices} (case ignored), or {@code fallback} when absent. */
  static String choice(CommandRequest request, String name, String fallback, List<String> choices)
      throws CommandException {
    String value = optional(request, name);
    if (value == null) {
      return fallback;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!choices.contains(lower)) {
      throw CommandException.badRequest(
          "Argument ["
              + name
              + "] must be one of "
              + String.join(", ", choices)
              + ", found ["
              + value
              + "].");
    }
    return lower;
  }
}
