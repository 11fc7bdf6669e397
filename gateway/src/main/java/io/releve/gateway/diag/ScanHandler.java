package io.releve.gateway.diag;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.gateway.config.BusConfig;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.daemon.Daemon;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.link.FoundMeter;
import io.releve.gateway.link.LinkException;
import io.releve.gateway.link.MBusMaster;
import io.releve.gateway.link.ScanListener;
import io.releve.gateway.link.SecondaryAddressMask;
import io.releve.gateway.link.SecondaryScan;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code scan}: finds the meters of a bus on the bus's own thread (the link layer's scans, as
 * {@code releve scan} runs them) and saves them for polling as {@code releve scan} does. Arguments:
 * {@code bus} (needed when there are several), {@code mode} {@code secondary} (the default) or
 * {@code primary} (addresses 0-250), {@code timeout} in seconds. The bus is not polled meanwhile. A
 * scan that reaches its timeout stops at its next step and answers what it found, marked
 * incomplete.
 */
public final class ScanHandler implements LongCommand {

  public static final int DEFAULT_TIMEOUT_SECONDS = 600;

  /**
   * The longest a scan may be given: a secondary scan of a full bus of 250 meters with crowded id
   * prefixes is about a quarter of an hour at 2400 baud.
   */
  public static final int MAX_TIMEOUT_SECONDS = 1800;

  /**
   * How long a scan past its timeout has to stop at its next step (one select or one readout), and
   * a bus in the middle of a cycle to get to it, before the answer gives up.
   */
  static final Duration STOP_GRACE = Duration.ofSeconds(30);

  /** The deselect address of EN 13757-2: SND_NKE to it ends a selection. */
  private static final int SELECTED = 0xFD;

  private final GatewayConfig config;
  private final Database database;
  private final Daemon daemon;
  private final Clock clock;

  public ScanHandler(GatewayConfig config, Database database, Daemon daemon, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.database = Objects.requireNonNull(database, "database");
    this.daemon = Objects.requireNonNull(daemon, "daemon");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Set<String> arguments() {
    return Set.of("bus", "mode", "timeout");
  }

  @Override
  public String describe(CommandRequest request) throws CommandException {
    String mode = mode(request);
    timeout(request);
    return mode + " scan of bus " + Buses.select(config, request).name();
  }

  private static String mode(CommandRequest request) throws CommandException {
    return Args.choice(request, "mode", "secondary", List.of("primary", "secondary"));
  }

  private static Duration timeout(CommandRequest request) throws CommandException {
    return Duration.ofSeconds(
        Args.integer(request, "timeout", DEFAULT_TIMEOUT_SECONDS, 1, MAX_TIMEOUT_SECONDS));
  }

  /** Thrown from the scan's progress to stop it at its next step. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("the scan reached its timeout", null, false, false);
    }
  }

  /** What one scan found, whole or up to where it stopped. */
  private record Result(
      List<FoundMeter> meters, List<SecondaryAddressMask> unresolved, boolean complete) {}

  @Override
  public CommandResponse answer(CommandRequest request) throws Exception {
    BusConfig bus = Buses.select(config, request);
    boolean primary = mode(request).equals("primary");
    Duration timeout = timeout(request);
    if (!daemon.polling(bus.name())) {
      throw CommandException.unavailable("Bus " + bus.name() + " is not polling right now.");
    }
    Set<DeviceIdentity> known = new HashSet<>();
    new BusMeters(database).onBus(bus.name()).forEach(m -> known.add(m.identity()));
    List<FoundMeter> found = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    ScanRun run = new ScanRun(found);
    CompletableFuture<Result> scan = daemon.onBus(bus.name(), master -> run.scan(master, primary));
    Result result;
    try {
      result = awaitScan(scan, run, timeout, bus);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException || cause instanceof IllegalStateException) {
        throw CommandException.unavailable(
            "Scan of bus " + bus.name() + " stopped: " + cause.getMessage());
      }
      throw CommandException.failed("Scan of bus " + bus.name() + " failed: " + cause);
    }
    int added = save(bus, result.meters(), primary);
    return CommandDesk.ok(body(bus, primary, result, known, added, System.nanoTime() - start));
  }

  private static Result awaitScan(
      CompletableFuture<Result> scan, ScanRun run, Duration timeout, BusConfig bus)
      throws InterruptedException, ExecutionException, CommandException {
    try {
      return scan.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      run.stop = true;
    }
    try {
      return scan.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      scan.cancel(false);
      throw CommandException.unavailable(
          "Scan of bus "
              + bus.name()
              + " did not end within its timeout of "
              + timeout.toSeconds()
              + " s.");
    }
  }

  /** One scan on the bus's thread, which {@link #stop} ends at its next step. */
  private static final class ScanRun implements ScanListener {
    private final List<FoundMeter> found;
    volatile boolean stop;

    ScanRun(List<FoundMeter> found) {
      this.found = found;
    }

    Result scan(MBusMaster master, boolean primary) throws IOException {
      try {
        if (primary) {
          return new Result(
              master.scanPrimary(0, BusMeter.MAX_PRIMARY_ADDRESS, this), List.of(), true);
        }
        SecondaryScan scan = master.scanSecondary(this);
        return new Result(scan.meters(), scan.unresolved(), true);
      } catch (Stopped e) {
        if (!primary) {
          deselect(master);
        }
        return new Result(List.copyOf(found), List.of(), false);
      }
    }

    /** A secondary scan stopped midway may have left a meter selected. */
    private static void deselect(MBusMaster master) throws IOException {
      try {
        master.sndNke(SELECTED);
      } catch (LinkException e) {
        // silence: no meter was selected
      }
    }

    @Override
    public void progress(int done, int total, String current) {
      if (stop) {
        throw new Stopped();
      }
    }

    @Override
    public void found(FoundMeter meter) {
      found.add(meter);
    }
  }

  /** Saves the meters with a long header, as {@code releve scan} does; returns how many are new. */
  private int save(BusConfig bus, List<FoundMeter> meters, boolean primary) {
    BusMeter.Addressing addressing =
        primary ? BusMeter.Addressing.PRIMARY : BusMeter.Addressing.SECONDARY;
    List<BusMeter> rows = new ArrayList<>();
    for (FoundMeter meter : meters) {
      if (meter.secondary() != null) {
        rows.add(
            new BusMeter(
                bus.name(),
                meter.secondary().identity(),
                addressing,
                meter.primaryAddress(),
                clock.instant()));
      }
    }
    return rows.isEmpty() ? 0 : new BusMeters(database).save(rows);
  }

  private static ObjectNode body(
      BusConfig bus,
      boolean primary,
      Result result,
      Set<DeviceIdentity> known,
      int added,
      long nanos) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("bus", bus.name());
    body.put("mode", primary ? "primary" : "secondary");
    body.put("complete", result.complete());
    body.put("elapsed_ms", TimeUnit.NANOSECONDS.toMillis(nanos));
    body.put("found", result.meters().size());
    body.put("new", added);
    ArrayNode meters = body.putArray("meters");
    ArrayNode withoutHeader = body.putArray("without_header");
    for (FoundMeter meter : result.meters()) {
      if (meter.secondary() == null) {
        // CI 0x78 and 0x79 telegrams carry no identity: such a meter is not saved
        withoutHeader.add(meter.primaryAddress());
        continue;
      }
      DeviceIdentity identity = meter.secondary().identity();
      ObjectNode entry = meters.addObject();
      entry.put("primary", meter.primaryAddress());
      entry.put("secondary", meter.secondary().toString());
      entry.put("device", identity.key());
      entry.put("medium", identity.medium().label());
      entry.put("telegrams", meter.telegrams().size());
      entry.put("status", known.contains(identity) ? "known" : "new");
    }
    ArrayNode unresolved = body.putArray("unresolved");
    result.unresolved().forEach(mask -> unresolved.add(mask.toString()));
    return body;
  }
}
