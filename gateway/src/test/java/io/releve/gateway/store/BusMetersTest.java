package io.releve.gateway.store;

import static io.releve.gateway.store.TestReadings.CLOCK;
import static io.releve.gateway.store.TestReadings.HCA;
import static io.releve.gateway.store.TestReadings.T0;
import static io.releve.gateway.store.TestReadings.WATER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.store.BusMeter.Addressing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusMetersTest {

  @TempDir Path folder;
  private Database database;
  private BusMeters meters;

  @BeforeEach
  void open() {
    database = Database.open(folder.resolve("releve.db"), CLOCK);
    meters = new BusMeters(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void save_newMeters_areListedPerBusInPrimaryAddressOrder() {
    BusMeter water = new BusMeter("east", WATER, Addressing.SECONDARY, 7, T0);
    BusMeter allocator = new BusMeter("east", HCA, Addressing.PRIMARY, 3, T0);
    BusMeter elsewhere = new BusMeter("west", WATER, Addressing.PRIMARY, 1, T0);

    assertEquals(3, meters.save(List.of(water, allocator, elsewhere)));

    assertEquals(List.of(allocator, water), meters.onBus("east"));
    assertEquals(List.of(allocator, water, elsewhere), meters.all());
  }

  @Test
  void save_meterFoundAgain_updatesItsAddressAndTimeWithoutCountingItAsNew() {
    meters.save(List.of(new BusMeter("east", WATER, Addressing.PRIMARY, 7, T0)));
    BusMeter again =
        new BusMeter("east", WATER, Addressing.SECONDARY, 0, T0.plus(Duration.ofDays(1)));

    assertEquals(0, meters.save(List.of(again)));

    assertEquals(List.of(again), meters.onBus("east"));
  }

  @Test
  void remove_forgetsTheMeterOnThatBusOnly() {
    meters.save(
        List.of(
            new BusMeter("east", WATER, Addressing.PRIMARY, 7, T0),
            new BusMeter("west", WATER, Addressing.PRIMARY, 7, T0)));

    assertTrue(meters.remove("east", WATER));
    assertFalse(meters.remove("east", WATER));

    assertEquals(List.of(), meters.onBus("east"));
    assertEquals(1, meters.onBus("west").size());
  }
}
