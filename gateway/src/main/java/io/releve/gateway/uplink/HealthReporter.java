package io.releve.gateway.uplink;

import io.releve.common.concurrent.Tickers;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.GatewayEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link HealthReport} in the outbox every interval, the first one at start: it travels to
 * the cloud with the readings, in order, and waits there like them when the uplink is down.
 */
public final class HealthReporter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HealthReporter.class);

  private final ScheduledExecutorService timer;

  private HealthReporter(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /**
   * @param parts the daemon's pairs (buses, receivers), asked for at each report
   */
  public static HealthReporter start(
      Database database,
      Clock clock,
      Duration interval,
      Uplink uplink,
      Supplier<Map<String, String>> parts) {
    Objects.requireNonNull(parts, "parts");
    GatewayEvents events = new GatewayEvents(database);
    ScheduledExecutorService timer = Tickers.daemon("health");
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            String detail =
                HealthReport.describe(
                    clock.instant(),
                    uplink.report(),
                    database.file(),
                    HealthReport.cpuCelsius(HealthReport.CPU_TEMPERATURE),
                    parts.get());
            events.record(clock.instant(), HealthReport.TYPE, detail);
            LOG.info("health: {}", detail);
          } catch (RuntimeException e) {
            LOG.warn("health: could not store a report: {}", e.getMessage());
          }
        },
        0,
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return new HealthReporter(timer);
  }

  @Override
  public void close() {
    Tickers.stop(timer, Duration.ofSeconds(5));
  }
}
