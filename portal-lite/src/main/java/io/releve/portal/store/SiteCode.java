package io.releve.portal.store;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A site's code: two letters and three digits, such as {@code AB123} (DESIGN §5). */
public record SiteCode(String value) {

  private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}[0-9]{3}");

  /**
   * @throws IllegalArgumentException when {@code value} is not two upper-case letters and three
   *     digits; use {@link #parse} for what people type
   */
  public SiteCode {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "Site code [" + value + "] must be two letters and three digits, such as AB123.");
    }
  }

  /** What a person typed, trimmed and upper-cased; empty when it is not a site code. */
  public static Optional<SiteCode> parse(String input) {
    if (input == null) {
      return Optional.empty();
    }
    String code = input.strip().toUpperCase(Locale.ROOT);
    return FORMAT.matcher(code).matches() ? Optional.of(new SiteCode(code)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
