package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.common.text.TextTable;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.Hex;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.ingest.IngestResult;
import io.releve.gateway.ingest.ReceivedFrame;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.Inventory;
import io.releve.gateway.store.Quarantine;
import io.releve.gateway.store.ReadingFilter;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.StoredBatch;
import io.releve.gateway.store.StoredReading;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code releve demo frames}: the example building's recorded frames end to end, without a bus.
 * Installs its meters (those not yet installed), decodes its frames, stores the readings in one
 * batch, quarantines the damaged frame, and shows what was stored. Running it again adds a new poll
 * cycle.
 */
@Command(
    name = "frames",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes and stores the example building's recorded frames, then shows what was stored.",
      "The building is a folder with meters.csv (as for 'meters import') and frames.txt",
      "(one hex frame per line, # comments)."
    })
public final class DemoFramesCommand implements Callable<Integer> {

  static final String SOURCE = "example-building";

  @Option(
      names = "--building",
      paramLabel = "DIR",
      description =
          "The building folder (default: config/example-building of $RELEVE_HOME, else of the"
              + " working directory).")
  Path building;

  @Mixin DatabaseOption database;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private final Clock clock;

  public DemoFramesCommand() {
    this(Clock.systemUTC());
  }

  DemoFramesCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    Path folder = building == null ? defaultBuilding() : building;
    String metersText = read(folder.resolve("meters.csv"));
    Instant receivedAt = clock.instant();
    List<ReceivedFrame> frames = frames(folder.resolve("frames.txt"), receivedAt);
    InventoryCsv.Parsed parsed =
        InventoryCsv.parse(metersText, folder.resolve("meters.csv").toString());
    if (!parsed.errors().isEmpty()) {
      throw new CliException(ExitCodes.DATA_ERROR, String.join("\n", parsed.errors()));
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Database db = database.open()) {
      Inventory inventory = new Inventory(db);
      List<InstalledDevice> missing = new ArrayList<>();
      for (InstalledDevice device : parsed.devices()) {
        if (inventory.find(device.identity()).isEmpty()) {
          missing.add(device);
        }
      }
      inventory.importAll(missing);
      out.printf("database   %s (epoch %s)%n", db.file().toAbsolutePath().normalize(), db.epoch());
      out.printf(
          "meters     %d in the building, %d newly installed%n",
          parsed.devices().size(), missing.size());

      ReadingStore store = new ReadingStore(db);
      FrameIngest ingest =
          new FrameIngest(new WiredFrameDecoder(), store, new Quarantine(db), database.meterZone());
      IngestResult result = ingest.ingest(frames, ClockState.SYNCHRONISED);
      out.printf(
          "frames     %d read, %d decoded, %d quarantined%n",
          frames.size(), result.framesDecoded(), result.rejections().size());
      result
          .batch()
          .ifPresent(
              batch ->
                  out.printf(
                      "readings   %d stored in one transaction, outbox sequence %d to %d%n",
                      batch.count(), batch.firstSeq(), batch.lastSeq()));
      for (IngestResult.Rejection rejection : result.rejections()) {
        out.printf(
            "quarantine #%d %s: %s%n",
            rejection.quarantineId(), rejection.reason(), rejection.message());
      }
      out.println();
      printIndexes(out, parsed.devices(), store, result, receivedAt);
    }
    out.println();
    out.println("Next: ./releve readings --site RL042 --dwelling A01");
    out.println("      ./releve meters list");
    out.println("      ./releve decode - < config/example-building/frames.txt");
    out.flush();
    return ExitCodes.OK;
  }

  /** The current (storage 0) values of this cycle, one line per device and quantity. */
  private static void printIndexes(
      PrintWriter out,
      List<InstalledDevice> devices,
      ReadingStore store,
      IngestResult result,
      Instant receivedAt) {
    TextTable table = new TextTable("DWELLING", "ROOM", "MEDIUM", "SERIAL", "QUANTITY", "VALUE");
    long first = result.batch().map(StoredBatch::firstSeq).orElse(Long.MAX_VALUE);
    long last = result.batch().map(StoredBatch::lastSeq).orElse(0L);
    Map<DeviceIdentity, List<Reading>> cycle = new HashMap<>();
    // this cycle's frames were all received at one instant: read just that, not the history
    for (StoredReading stored :
        store.find(ReadingFilter.all().between(receivedAt, receivedAt.plusMillis(1)))) {
      if (stored.seq() >= first && stored.seq() <= last && stored.reading().storage() == 0) {
        cycle
            .computeIfAbsent(stored.reading().device(), d -> new ArrayList<>())
            .add(stored.reading());
      }
    }
    for (InstalledDevice device : devices) {
      for (Reading reading : cycle.getOrDefault(device.identity(), List.of())) {
        table.add(
            device.site() + "/" + device.dwelling().label(),
            device.room(),
            device.medium().label(),
            device.printedSerial(),
            reading.quantity().label(),
            reading.value().text() + " " + reading.unit().symbol());
      }
    }
    table.print(out);
  }

  private static Path defaultBuilding() {
    String home = System.getenv("RELEVE_HOME");
    Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
    return base.resolve("config").resolve("example-building");
  }

  private static String read(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.NO_INPUT, file + ": no such file.", e);
    }
  }

  static List<ReceivedFrame> frames(Path file, Instant receivedAt) throws IOException {
    List<ReceivedFrame> frames = new ArrayList<>();
    String[] lines = read(file).split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        frames.add(new ReceivedFrame(Hex.parse(line), receivedAt, SOURCE));
      } catch (FrameRejectedException e) {
        throw new CliException(
            ExitCodes.DATA_ERROR, file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return frames;
  }
}
