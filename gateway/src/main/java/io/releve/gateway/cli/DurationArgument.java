package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.config.Durations;
import io.releve.gateway.config.GatewayConfig;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration on the command line, written as in the configuration: a whole number and a unit,
 * {@code 30s}, {@code 15m} or {@code 1h}.
 */
final class DurationArgument implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String text) {
    Duration duration;
    try {
      duration = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
    if (duration.isZero()) {
      throw new TypeConversionException("[" + text + "] is not a duration: it must not be zero.");
    }
    return duration;
  }

  /** Refuses a poll interval the gateway's configuration would refuse (usage error). */
  static void checkPollInterval(Duration interval) {
    if (interval.compareTo(GatewayConfig.MIN_POLL) < 0
        || interval.compareTo(GatewayConfig.MAX_POLL) > 0) {
      throw new CliException(
          ExitCodes.USAGE,
          "--poll-interval must lie between "
              + Durations.describe(GatewayConfig.MIN_POLL)
              + " and "
              + Durations.describe(GatewayConfig.MAX_POLL)
              + ", not "
              + Durations.describe(interval)
              + ".");
    }
  }
}
