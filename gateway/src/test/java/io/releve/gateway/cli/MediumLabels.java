package io.releve.gateway.cli;

import io.releve.gateway.device.Medium;

/** The list of medium labels as {@link Medium#fromLabel} prints it in its message. */
final class MediumLabels {
  static final String ALL = all();

  private static String all() {
    try {
      Medium.fromLabel("?");
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      return message.substring(
          message.indexOf("use one of ") + "use one of ".length(), message.length() - 1);
    }
    throw new AssertionError("? is not a medium");
  }

  private MediumLabels() {}
}
