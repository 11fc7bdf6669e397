package io.releve.gateway.diag;

import com.fasterxml.jackson.databind.JsonNode;
import io.releve.contract.Command;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.daemon.Daemon;
import io.releve.gateway.store.Database;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/** Makes the daemon's {@link CommandDesk}: the one place where its handlers are registered. */
public final class Diagnostics {

  private Diagnostics() {}

  /**
   * The desk of a running daemon: {@code ping}, {@code status}, {@code read}, {@code scan}, {@code
   * log-tail} and {@code config-get} answered here, then {@code extra} (the uplink's {@code queue},
   * or a replacement of any of those).
   *
   * @param ring the daemon's log lines, {@link LogRing#installed()}; null answers {@code log-tail}
   *     with 503
   * @param extra more handlers, by command; they replace the standard ones of the same command
   * @param statusParts more fields of {@code status}, by name, computed at every request
   * @throws IllegalArgumentException when a status part would hide one of its own fields
   */
  public static CommandDesk desk(
      GatewayConfig config,
      Database database,
      Daemon daemon,
      LogRing ring,
      Map<Command, CommandHandler> extra,
      Map<String, Supplier<JsonNode>> statusParts) {
    Clock clock = Clock.systemUTC();
    String software = Software.version();
    return CommandDesk.builder()
        .clock(clock)
        .handle(Command.PING, new PingHandler(clock, software))
        .handle(
            Command.STATUS,
            new StatusHandler(config, database, daemon, clock, software, statusParts))
        .handle(
            Command.READ, new ReadHandler(config, database, daemon, ReadHandler.DEFAULT_TIMEOUT))
        .handle(Command.SCAN, new ScanHandler(config, database, daemon, clock))
        .handle(Command.LOG_TAIL, new LogTailHandler(ring))
        .handle(Command.CONFIG_GET, new ConfigGetHandler(config))
        .handleAll(extra)
        .build();
  }
}
