package io.releve.gateway.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.releve.common.cli.CliException;
import io.releve.contract.Command;
import io.releve.contract.GatewayId;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.daemon.Daemon;
import io.releve.gateway.diag.CommandDesk;
import io.releve.gateway.diag.CommandException;
import io.releve.gateway.diag.CommandHandler;
import io.releve.gateway.diag.Diagnostics;
import io.releve.gateway.diag.LogRing;
import io.releve.gateway.diag.Software;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Outbox;
import io.releve.gateway.uplink.DaemonHealth;
import io.releve.gateway.uplink.HealthReporter;
import io.releve.gateway.uplink.QueueHandler;
import io.releve.gateway.uplink.Uplink;
import io.releve.gateway.uplink.UplinkException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The daemon's uplink, when the configuration has one ({@code mqtt.uri}): the outbox delivered to
 * the bridge, health reports, technicians' commands (the desk of {@link Diagnostics} with the
 * uplink's own {@code queue} command and {@code uplink} part of {@code status}). Without one the
 * outbox is released, so that retention deletes old readings as for any table.
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
      GatewayConfig config, Database db, Clock clock, Clock runClock, Daemon daemon)
      throws CliException {
    if (config.uplink() == null) {
      new Outbox(db).release();
      return new Delivery(null, null, null);
    }
    // the desk is made before the uplink subscribes to commands; the queue handler and the status
    // part reach the uplink through this holder once it runs
    AtomicReference<Uplink> running = new AtomicReference<>();
    CommandHandler queue =
        request -> {
          Uplink u = running.get();
          if (u == null) {
            throw CommandException.unavailable("the uplink is starting");
          }
          return new QueueHandler(u, clock).answer(request);
        };
    CommandDesk desk =
        Diagnostics.desk(
            config,
            db,
            daemon,
            LogRing.installed(),
            Map.of(Command.QUEUE, queue),
            Map.of(
                "uplink",
                () ->
                    running.get() == null
                        ? JsonNodeFactory.instance.nullNode()
                        : QueueHandler.statusPart(running.get(), clock)));
    Uplink uplink;
    try {
      uplink =
          Uplink.start(
              config.uplink(),
              GatewayId.of(config.gatewayId()),
              db,
              clock,
              Software.version(),
              desk::answer);
    } catch (UplinkException e) {
      throw new CliException(ExitCodes.CONFIG, config.file() + ": " + e.getMessage());
    }
    running.set(uplink);
    HealthReporter health =
        HealthReporter.start(
            db,
            runClock,
            config.uplink().healthInterval(),
            uplink,
            () -> DaemonHealth.parts(daemon));
    return new Delivery(uplink, health, config.uplink().uri());
  }

  /** Whether an uplink is configured and not connected to its broker, for the status LED. */
  boolean uplinkDown() {
    return uplink != null && !uplink.connected();
  }

  /** Publishes the birth status again (the service button); nothing without an uplink. */
  void reannounce() {
    if (uplink != null) {
      uplink.reannounce();
    }
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
