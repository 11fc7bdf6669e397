package io.releve.portal.store;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A dwelling's client reference from the landlord's rent notice, normalized: residents copy it with
 * or without the tenant portals' {@code L/} prefix, with spaces, in any case, so {@code "l/ 12
 * 345-b"} and {@code "12345-B"} are the same reference.
 */
public record ClientRef(String value) {

  private static final Pattern PREFIX = Pattern.compile("^[lL]/");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** Longer than any landlord's reference: a bound on what a form may store. */
  public static final int MAX_LENGTH = 64;

  /**
   * @throws IllegalArgumentException when {@code value} is empty, too long, or not normalized (has
   *     whitespace or lower case)
   */
  public ClientRef {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()
        || value.length() > MAX_LENGTH
        || WHITESPACE.matcher(value).find()
        || !value.toUpperCase(Locale.ROOT).equals(value)) {
      throw new IllegalArgumentException(
          "Client reference [" + value + "] must be normalized (see ClientRef.parse).");
    }
  }

  /**
   * Removes all whitespace and a leading {@code L/} (any case), then upper-cases; empty when
   * nothing is left or it is longer than {@link #MAX_LENGTH}.
   */
  public static Optional<ClientRef> parse(String input) {
    if (input == null) {
      return Optional.empty();
    }
    String ref = normalize(input);
    return ref.isEmpty() || ref.length() > MAX_LENGTH
        ? Optional.empty()
        : Optional.of(new ClientRef(ref));
  }

  private static String normalize(String input) {
    String compact = WHITESPACE.matcher(input).replaceAll("");
    return PREFIX.matcher(compact).replaceFirst("").toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
