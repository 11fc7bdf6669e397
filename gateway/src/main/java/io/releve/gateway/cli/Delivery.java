package io.releve.gateway.cli;

import io.releve.contract.GatewayId;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.daemon.Daemon;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Outbox;
import io.releve.gateway.uplink.HealthReporter;
import io.releve.gateway.uplink.Uplink;
import io.releve.gateway.uplink.UplinkException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * The daemon's uplink, when the configuration has one ({@code mqtt.uri}): the outbox delivered to
 * the bridge, health reports, technicians' commands. Without one the outbox is released, so that
 * retention deletes old readings as for any table.
 */
final class Delivery implements AutoCloseable {

  private final Uplink uplink;
  private final HealthReporter health;
  private final String uri;

  private Delivery(Uplink uplink, HealthReporter health, String uri) {
    this.uplink = uplink;
    this.health = health;
    this.uri = uri;
  }

  /**
   * @param clock the real clock, for the status messages
   * @param runClock the daemon's clock, for the health reports' times
   * @throws CliException exit 78 when a password or certificate file cannot be read
   */
  static Delivery start(
      GatewayConfig config,
      Database db,
      Clock clock,
      Clock runClock,
      Daemon daemon,
      PrintWriter err)
      throws CliException {
    if (config.uplink() == null) {
      new Outbox(db).release();
      return new Delivery(null, null, null);
    }
    Uplink uplink;
    try {
      uplink =
          Uplink.start(
              config.uplink(),
              GatewayId.of(config.gatewayId()),
              db,
              clock,
              VersionProvider.software(),
              null);
    } catch (UplinkException e) {
      throw new CliException(ExitCodes.CONFIG, config.file() + ": " + e.getMessage());
    }
    HealthReporter health =
        HealthReporter.start(
            db, runClock, config.uplink().healthInterval(), uplink, () -> Map.of());
    return new Delivery(uplink, health, config.uplink().uri());
  }

  /** For the start line: where the outbox goes. */
  String describe() {
    return uri == null ? "" : ", delivering to " + uri;
  }

  @Override
  public void close() {
    if (health != null) {
      health.close();
    }
    if (uplink != null) {
      uplink.close();
    }
  }
}
