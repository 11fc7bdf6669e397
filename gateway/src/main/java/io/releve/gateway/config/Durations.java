package io.releve.gateway.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the configuration's way, a whole number and a unit ({@code 90s}, {@code 15m},
 * {@code 1h}, {@code 3d}), for the files and for the command-line options that take the same form.
 * A day is 24 hours here, whatever the clocks do.
 */
public final class Durations {

  static final Pattern FORM = Pattern.compile("([0-9]{1,6})(s|m|h|d)");

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
          "["
              + text
              + "] is not a duration: write a whole number and s, m, h or d (90s, 15m, 1h,"
              + " 3d).");
    }
    return of(matcher);
  }

  static Duration of(Matcher matcher) {
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /**
   * {@code 15m}, {@code 90s}, {@code 24h}, {@code 3d}: the largest unit that writes it whole, days
   * only from two on ({@code 24h} reads better than {@code 1d} next to poll intervals).
   */
  public static String describe(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds >= 2 * 86_400 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
