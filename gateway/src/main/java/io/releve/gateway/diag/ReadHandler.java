package io.releve.gateway.diag;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.gateway.config.BusConfig;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.daemon.Daemon;
import io.releve.gateway.daemon.MeterReadout;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.link.LinkException;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code read}: reads a wired meter now, through its bus's own thread (between two meters of a
 * cycle, or between cycles), stores its readings as a cycle does, and answers with them. Arguments:
 * {@code meter}, a device key or a printed serial; {@code bus} when the meter was found on several.
 * A radio meter cannot be asked: the answer says when it was last heard.
 */
public final class ReadHandler implements LongCommand {

  /**
   * How long a read may take, waiting for the bus included: one meter's readout is a few seconds
   * even at 300 baud with retries, and the bus thread gets to the read after the meter it is
   * reading.
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** Readings in an answer; a meter sending more (64 telegrams of records) has the rest counted. */
  static final int MAX_READINGS = 200;

  private final GatewayConfig config;
  private final Database database;
  private final Daemon daemon;
  private final Duration timeout;
  private final MeterLookup lookup;

  public ReadHandler(GatewayConfig config, Database database, Daemon daemon, Duration timeout) {
    this.config = Objects.requireNonNull(config, "config");
    this.database = Objects.requireNonNull(database, "database");
    this.daemon = Objects.requireNonNull(daemon, "daemon");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.lookup = new MeterLookup(database);
  }

  @Override
  public Set<String> arguments() {
    return Set.of("meter", "bus");
  }

  @Override
  public String describe(CommandRequest request) throws CommandException {
    String bus = Args.optional(request, "bus");
    if (bus != null) {
      Buses.named(config, bus);
    }
    return "read of meter "
        + Args.required(request, "meter")
        + (bus == null ? "" : " on bus " + bus);
  }

  @Override
  public CommandResponse answer(CommandRequest request) throws Exception {
    DeviceIdentity meter = lookup.identity(Args.required(request, "meter"));
    String busName = Args.optional(request, "bus");
    BusMeter target = onBus(meter, busName == null ? null : Buses.named(config, busName));
    if (!daemon.polling(target.bus())) {
      throw CommandException.unavailable("Bus " + target.bus() + " is not polling right now.");
    }
    CompletableFuture<MeterReadout> read = daemon.readNow(target.bus(), target);
    MeterReadout readout;
    try {
      readout = read.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      read.cancel(false);
      throw CommandException.unavailable(
          "Meter "
              + meter.key()
              + " was not read within "
              + timeout.toSeconds()
              + " s: bus "
              + target.bus()
              + " is busy.");
    } catch (ExecutionException e) {
      throw failure(meter, target.bus(), e.getCause());
    }
    return CommandDesk.ok(body(meter, readout));
  }

  /** The meter as saved on a bus: on {@code bus} when given, else on the only bus it was found. */
  private BusMeter onBus(DeviceIdentity meter, BusConfig bus) throws CommandException {
    List<BusMeter> found =
        new BusMeters(database)
            .all().stream()
                .filter(m -> m.identity().equals(meter))
                .filter(m -> config.buses().stream().anyMatch(b -> b.name().equals(m.bus())))
                .toList();
    if (bus != null) {
      Optional<BusMeter> there = found.stream().filter(m -> m.bus().equals(bus.name())).findFirst();
      if (there.isPresent()) {
        return there.get();
      }
      throw CommandException.notFound(
          "Meter "
              + meter.key()
              + " is not on bus "
              + bus.name()
              + (found.isEmpty() ? "." : " (it is on bus " + busNames(found) + ")."));
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.size() > 1) {
      throw CommandException.badRequest(
          "Meter "
              + meter.key()
              + " was found on buses "
              + busNames(found)
              + ": give argument [bus].");
    }
    Optional<MeterLookup.LastHeard> heard = lookup.lastHeard(meter);
    if (heard.isPresent()) {
      throw CommandException.badRequest(
          "Meter "
              + meter.key()
              + " is a radio meter: it cannot be read on demand. Last telegram at "
              + heard.get().at()
              + " from "
              + heard.get().source()
              + ".");
    }
    throw CommandException.notFound(
        "No meter " + meter.key() + " on this gateway's buses, and none heard by radio.");
  }

  private static String busNames(List<BusMeter> meters) {
    return String.join(", ", meters.stream().map(BusMeter::bus).toList());
  }

  private static CommandException failure(DeviceIdentity meter, String bus, Throwable cause) {
    if (cause instanceof LinkException) {
      return CommandException.failed(
          "Meter " + meter.key() + " on bus " + bus + ": " + cause.getMessage());
    }
    if (cause instanceof IOException) {
      return CommandException.unavailable("Bus " + bus + ": " + cause.getMessage());
    }
    if (cause instanceof IllegalStateException) {
      return CommandException.unavailable(cause.getMessage() + ".");
    }
    return CommandException.failed("Meter " + meter.key() + " on bus " + bus + ": " + cause);
  }

  private ObjectNode body(DeviceIdentity meter, MeterReadout readout) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("device", meter.key());
    body.put("bus", readout.bus());
    body.put("received_at", readout.receivedAt().toString());
    body.put("telegrams", readout.readout().telegrams().size());
    body.put("capped", readout.readout().capped());
    if (readout.stored() != null) {
      body.put("stored", readout.stored().readingsStored());
    } else {
      body.putNull("stored");
      body.put("store_failure", readout.storeFailure());
    }
    List<Reading> readings = new ArrayList<>();
    ArrayNode rejected = JsonNodeFactory.instance.arrayNode();
    WiredFrameDecoder decoder = new WiredFrameDecoder();
    for (byte[] telegram : readout.readout().telegrams()) {
      try {
        readings.addAll(
            decoder
                .decode(telegram)
                .toReadings(
                    readout.receivedAt(),
                    ClockState.SYNCHRONISED,
                    readout.bus(),
                    config.meterZone()));
      } catch (FrameRejectedException e) {
        rejected.add(e.getMessage());
      }
    }
    ArrayNode list = body.putArray("readings");
    for (Reading reading : readings.subList(0, Math.min(MAX_READINGS, readings.size()))) {
      ObjectNode entry = list.addObject();
      entry.put("quantity", reading.quantity().label());
      entry.put("value", reading.value().text());
      entry.put("unit", reading.unit().symbol());
      entry.put("storage", reading.storage());
      entry.put("tariff", reading.tariff());
      entry.put("subunit", reading.subunit());
      entry.put("function", reading.function().label());
      entry.put("meter_time", reading.meterTime() == null ? null : reading.meterTime().toString());
    }
    body.put("readings_left_out", Math.max(0, readings.size() - MAX_READINGS));
    body.set("rejected", rejected);
    return body;
  }
}
