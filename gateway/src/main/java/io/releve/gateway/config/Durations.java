package io.releve.gateway.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the configuration's way, a whole number and a unit ({@code 90s}, {@code 15m},
 * {@code 1h}), for the files and for the command-line options that take the same form.
 */
public final class Durations {

  static final Pattern FORM = Pattern.compile("([0-9]{1,6})(s|m|h)");

  private Durations() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the text and the form expected
   */
  public static Duration parse(String text) {
    Matcher matcher = FORM.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "[" + text + "] is not a duration: write a whole number and s, m or h (90s, 15m, 1h).");
    }
    return of(matcher);
  }

  static Duration of(Matcher matcher) {
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** {@code 15m}, {@code 90s}, {@code 24h}: the largest unit that writes it whole. */
  public static String describe(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
