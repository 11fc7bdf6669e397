package io.releve.gateway.store;

/** Checks for the short free-text labels an installer types: dwelling, lot, room. */
final class Labels {

  /** Long enough for "Bâtiment B, 3e étage gauche", short enough for a table column. */
  static final int MAX_LENGTH = 64;

  /** Strips the text and checks it: 1 to 64 characters, no control characters. */
  static String require(String what, String text) {
    String stripped = text.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          what + " [" + text + "] must have 1 to " + MAX_LENGTH + " characters.");
    }
    if (stripped.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          what + " [" + text + "] must not contain control characters.");
    }
    return stripped;
  }

  /** Like {@link #require}, but null or blank text means "none" and gives null. */
  static String optional(String what, String text) {
    return text == null || text.isBlank() ? null : require(what, text);
  }

  private Labels() {}
}
