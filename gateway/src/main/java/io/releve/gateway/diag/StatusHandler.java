package io.releve.gateway.diag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.daemon.BusStatistics;
import io.releve.gateway.daemon.CycleReport;
import io.releve.gateway.daemon.Daemon;
import io.releve.gateway.daemon.LinkTotals;
import io.releve.gateway.daemon.ReceiverStatistics;
import io.releve.gateway.store.Alerts;
import io.releve.gateway.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code status}: the gateway, its buses and radio receivers, its open alerts, and the extra parts
 * registered by name (the uplink adds its outbox figures). A part or a figure that cannot be had
 * right now (the database busy) says so in its place instead of failing the whole answer.
 */
public final class StatusHandler implements CommandHandler {

  private static final Logger LOG = LoggerFactory.getLogger(StatusHandler.class);

  /** The silent meters of a bus's last cycle named in the answer; the others are counted. */
  static final int MAX_SILENT_LISTED = 10;

  private static final Set<String> OWN_FIELDS =
      Set.of(
          "gateway",
          "software",
          "now",
          "started_at",
          "uptime_s",
          "epoch",
          "buses",
          "receivers",
          "active_alerts");

  private final GatewayConfig config;
  private final Database database;
  private final Daemon daemon;
  private final Clock clock;
  private final String software;
  private final Map<String, Supplier<JsonNode>> parts;

  /**
   * @param parts more fields of the answer, by name, each computed at every request
   * @throws IllegalArgumentException when a part's name is one of the answer's own fields
   */
  public StatusHandler(
      GatewayConfig config,
      Database database,
      Daemon daemon,
      Clock clock,
      String software,
      Map<String, Supplier<JsonNode>> parts) {
    this.config = Objects.requireNonNull(config, "config");
    this.database = Objects.requireNonNull(database, "database");
    this.daemon = Objects.requireNonNull(daemon, "daemon");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.software = Objects.requireNonNull(software, "software");
    this.parts = new LinkedHashMap<>(parts);
    for (String name : this.parts.keySet()) {
      if (OWN_FIELDS.contains(name)) {
        throw new IllegalArgumentException(
            "Status part [" + name + "] would hide the status's own field of that name.");
      }
    }
  }

  @Override
  public CommandResponse answer(CommandRequest request) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("gateway", config.gatewayId());
    body.put("software", software);
    body.put("now", clock.instant().toString());
    body.put("started_at", daemon.startedAt().toString());
    body.put("uptime_s", daemon.uptime().toSeconds());
    body.put("epoch", database.epoch().toString());
    ArrayNode buses = body.putArray("buses");
    daemon.busStatistics().forEach(bus -> buses.add(bus(bus)));
    ArrayNode receivers = body.putArray("receivers");
    daemon.receiverStatistics().forEach(receiver -> receivers.add(receiver(receiver)));
    try {
      body.put("active_alerts", Alerts.list(database, true).size());
    } catch (RuntimeException e) {
      LOG.warn("status: cannot count the active alerts: {}", e.getMessage());
      body.put("active_alerts", "unknown: " + e.getMessage());
    }
    for (Map.Entry<String, Supplier<JsonNode>> part : parts.entrySet()) {
      try {
        body.set(part.getKey(), part.getValue().get());
      } catch (RuntimeException e) {
        LOG.warn("status: part {} failed: {}", part.getKey(), e.toString());
        body.putObject(part.getKey()).put("error", e.toString());
      }
    }
    return CommandDesk.ok(body);
  }

  private static ObjectNode bus(BusStatistics statistics) {
    ObjectNode bus = JsonNodeFactory.instance.objectNode();
    bus.put("bus", statistics.bus());
    bus.put("polling", statistics.polling());
    bus.put("connected", statistics.connected());
    bus.put("cycles", statistics.cycles());
    bus.put("consecutive_failures", statistics.consecutiveFailures());
    bus.put("frames_total", statistics.framesTotal());
    CycleReport last = statistics.lastCycle();
    if (last == null) {
      bus.putNull("last_cycle");
    } else {
      ObjectNode cycle = bus.putObject("last_cycle");
      cycle.put("number", last.number());
      cycle.put("started", last.started().toString());
      cycle.put("elapsed_ms", last.elapsed().toMillis());
      cycle.put("meters", last.meters());
      cycle.put("read", last.answered());
      cycle.put("failed", last.silent().size());
      cycle.put("frames", last.frames());
      cycle.put("readings", last.readings());
      cycle.put("quarantined", last.rejected());
      cycle.put("capped", last.capped());
      cycle.put("failure", last.failure());
      ArrayNode silent = cycle.putArray("silent");
      last.silent().stream().limit(MAX_SILENT_LISTED).forEach(silent::add);
    }
    LinkTotals totals = statistics.link();
    ObjectNode link = bus.putObject("link");
    link.put("requests", totals.requests());
    link.put("retries", totals.retries());
    link.put("timeouts", totals.timeouts());
    link.put("bad_frames", totals.badFrames());
    link.put("wrong_addresses", totals.wrongAddresses());
    link.put("collisions", totals.collisions());
    return bus;
  }

  private static ObjectNode receiver(ReceiverStatistics statistics) {
    ObjectNode receiver = JsonNodeFactory.instance.objectNode();
    receiver.put("receiver", statistics.receiver());
    receiver.put("state", statistics.state());
    receiver.put("lost_reason", statistics.lostReason());
    receiver.put("telegrams", statistics.telegrams());
    receiver.put("duplicates", statistics.duplicates());
    receiver.put("bad_frames", statistics.badFrames());
    Instant last = statistics.lastTelegram();
    receiver.put("last_telegram", last == null ? null : last.toString());
    return receiver;
  }
}
