package io.releve.gateway.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration on the command line, written as in the configuration: a whole number and a unit,
 * {@code 30s}, {@code 15m}, {@code 1h} or {@code 7d}.
 */
final class DurationArgument implements ITypeConverter<Duration> {

  private static final Pattern FORM = Pattern.compile("([0-9]{1,9})([smhd])");

  @Override
  public Duration convert(String text) {
    Matcher matcher = FORM.matcher(text.strip());
    if (!matcher.matches()) {
      throw new TypeConversionException(
          "["
              + text
              + "] is not a duration: write a whole number and s, m, h or d (90s, 15m, 1h).");
    }
    long amount = Long.parseLong(matcher.group(1));
    Duration duration =
        switch (matcher.group(2)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
    if (duration.isZero()) {
      throw new TypeConversionException("[" + text + "] is not a duration: it must not be zero.");
    }
    return duration;
  }

  /** {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}: the largest whole unit. */
  static String describe(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
