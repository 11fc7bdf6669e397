package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.daemon.SimulatedWiredBus;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.ReadingFilter;
import io.releve.gateway.store.ReadingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code releve read} against a simulated bus behind a TCP serial server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReadCommandTest {

  @TempDir Path folder;

  private SimulatedWiredBus bus;
  private Path config;

  @BeforeEach
  void startBus() throws Exception {
    bus = SimulatedWiredBus.ofWaterMeters("stairwell-a", Clock.systemUTC(), 33_000_000, 3);
    config = GatewayFiles.config(folder, bus.configBlock("15m"));
  }

  @AfterEach
  void stopBus() throws Exception {
    bus.close();
  }

  private CliRun read(String address) {
    return CliRun.of("read", "--config", config.toString(), address);
  }

  private void assertReadOneTelegramOf(String id, String address, CliRun run) {
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(1, lines.size(), run.out());
    String json = lines.get(0);
    assertTrue(json.startsWith("{") && json.endsWith("}"), json);
    assertTrue(
        json.startsWith("{\"manufacturer\":\"LUG\",\"id\":\"" + id + "\",\"version\":10,"), json);
    assertTrue(json.contains("{\"quantity\":\"volume\","), json);
    assertTrue(
        run.err().matches("1 telegrams from " + address + " on bus stairwell-a in \\d+ ms\\.\n"),
        run.err());
  }

  @Test
  void read_primaryAddress_printsTheTelegramDecodedAndStoresNothing() {
    CliRun run = read("2");

    assertReadOneTelegramOf("33000002", "2", run);
    assertFalse(Files.exists(folder.resolve("releve.db")), "read opened the database");
  }

  @Test
  void read_idOfAMeterSavedOnTheBus_readsItBySecondaryAddress() {
    try (Database db = Database.open(folder.resolve("releve.db"), Clock.systemUTC())) {
      new BusMeters(db)
          .save(
              List.of(
                  new BusMeter(
                      "stairwell-a",
                      SimulatedWiredBus.identity("33000003"),
                      BusMeter.Addressing.SECONDARY,
                      3,
                      Instant.now())));
    }

    CliRun run = read("33000003");

    assertReadOneTelegramOf("33000003", "33000003", run);
    try (Database db = Database.open(folder.resolve("releve.db"), Clock.systemUTC())) {
      assertEquals(List.of(), new ReadingStore(db).find(ReadingFilter.all()), "read stored");
    }
  }

  @Test
  void read_wholeSecondaryAddressInAnyCase_selectsThatMeter() {
    CliRun run = read("33000001.lug.0a.16");

    assertReadOneTelegramOf("33000001", "33000001.lug.0a.16", run);
  }

  @Test
  void read_silentMeter_exits74AndSaysWhichMeter() {
    bus.slave(1).faults().silent(true);

    CliRun run = read("1");

    assertEquals(
        new CliRun(
            74,
            "",
            "releve: SND_NKE to address 1 (0x01) on 127.0.0.1:"
                + bus.port()
                + " failed after 3 attempts: no reply, an E5 was expected.\n"),
        run);
  }

  @Test
  void read_primaryAddressAbove250_isAUsageError() {
    assertEquals(
        new CliRun(64, "", "releve: Address [251]: a primary address lies between 0 and 250.\n"),
        read("251"));
  }

  @Test
  void read_neitherAddressNorId_isAUsageErrorThatShowsTheForms() {
    assertEquals(
        new CliRun(
            64,
            "",
            "releve: Address [stairs-3]: expected a primary address (0-250), a secondary address"
                + " such as 12345678.SEN.68.07, or an 8-digit id.\n"),
        read("stairs-3"));
  }

  @Test
  void read_idNotSavedOnTheBus_isAUsageErrorThatSuggestsAScan() {
    assertEquals(
        new CliRun(
            64,
            "",
            "releve: Address [44444444]: no meter with this id was saved on bus stairwell-a (run"
                + " releve scan, or give the whole secondary address).\n"),
        read("44444444"));
  }
}
