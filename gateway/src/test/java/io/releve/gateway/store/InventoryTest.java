package io.releve.gateway.store;

import static io.releve.gateway.store.TestReadings.CLOCK;
import static io.releve.gateway.store.TestReadings.HCA;
import static io.releve.gateway.store.TestReadings.HEAT;
import static io.releve.gateway.store.TestReadings.T0;
import static io.releve.gateway.store.TestReadings.WATER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.device.Medium;
import io.releve.gateway.device.PrintedSerial;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTest {

  private static final Dwelling A12 = new Dwelling(SiteCode.of("AB123"), "A12", "7");
  private static final InstalledDevice COLD_WATER =
      new InstalledDevice(WATER, Medium.COLD_WATER, PrintedSerial.of("H8CA029620"), A12, null);
  private static final InstalledDevice ALLOCATOR =
      new InstalledDevice(HCA, Medium.HEAT_COST_ALLOCATOR, null, A12, "Séjour");

  @TempDir Path folder;
  private Database database;
  private Inventory inventory;

  @BeforeEach
  void open() {
    database = Database.open(folder.resolve("releve.db"), CLOCK);
    inventory = new Inventory(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void add_thenFind_returnsTheDeviceByIdentityAndByPrintedSerial() {
    inventory.add(COLD_WATER);

    assertEquals(Optional.of(COLD_WATER), inventory.find(WATER));
    assertEquals(
        Optional.of(COLD_WATER), inventory.findByPrintedSerial(PrintedSerial.of("h8ca-029 620")));
    assertEquals(Optional.empty(), inventory.find(HEAT));
  }

  @Test
  void add_sameIdentityTwice_isRefusedNamingTheDwelling() {
    inventory.add(COLD_WATER);
    InstalledDevice elsewhere =
        new InstalledDevice(
            WATER, Medium.WATER, null, new Dwelling(SiteCode.of("AB123"), "B3", null), null);

    InventoryException refused =
        assertThrows(InventoryException.class, () -> inventory.add(elsewhere));

    assertEquals(
        "Meter [LUG-12345678-0A-07] is already installed in AB123/A12.", refused.getMessage());
    assertEquals(Optional.of(COLD_WATER), inventory.find(WATER));
  }

  @Test
  void add_printedSerialOfAnotherDevice_isRefused() {
    inventory.add(COLD_WATER);
    InstalledDevice sameSerial =
        new InstalledDevice(HEAT, Medium.HEAT_OUTLET, PrintedSerial.of("H8CA029620"), A12, null);

    InventoryException refused =
        assertThrows(InventoryException.class, () -> inventory.add(sameSerial));

    assertEquals(
        "Printed serial [H8CA029620] already belongs to meter LUG-12345678-0A-07.",
        refused.getMessage());
  }

  @Test
  void add_dwellingWithAnotherLot_isRefused() {
    inventory.add(COLD_WATER);
    InstalledDevice otherLot =
        new InstalledDevice(
            HEAT, Medium.HEAT_OUTLET, null, new Dwelling(SiteCode.of("AB123"), "A12", "8"), null);

    InventoryException refused =
        assertThrows(InventoryException.class, () -> inventory.add(otherLot));

    assertEquals("Dwelling [AB123/A12] has lot [7], not [8].", refused.getMessage());
  }

  @Test
  void add_deviceAlreadyHeard_attachesItAndKeepsItsReadings() {
    new ReadingStore(database).storeBatch(List.of(TestReadings.volume(WATER, "1", T0)), List.of());

    inventory.add(COLD_WATER);

    assertEquals(Optional.of(COLD_WATER), inventory.find(WATER));
    assertEquals(
        1,
        new ReadingStore(database)
            .find(ReadingFilter.all().dwelling(SiteCode.of("AB123"), "A12"))
            .size());
  }

  @Test
  void remove_detachesTheDeviceButKeepsItsReadings() {
    inventory.add(COLD_WATER);
    new ReadingStore(database).storeBatch(List.of(TestReadings.volume(WATER, "1", T0)), List.of());

    assertTrue(inventory.remove(WATER));
    assertFalse(inventory.remove(WATER));

    assertEquals(Optional.empty(), inventory.find(WATER));
    assertEquals(1, new ReadingStore(database).find(ReadingFilter.all().device(WATER)).size());
    // Its printed serial is free again.
    inventory.add(
        new InstalledDevice(HEAT, Medium.HEAT_OUTLET, PrintedSerial.of("H8CA029620"), A12, null));
  }

  @Test
  void list_returnsDevicesBySiteDwellingAndIdentity() {
    InstalledDevice heat =
        new InstalledDevice(
            HEAT, Medium.HEAT_OUTLET, null, new Dwelling(SiteCode.of("AA001"), "Z1", null), null);
    inventory.add(COLD_WATER);
    inventory.add(ALLOCATOR);
    inventory.add(heat);

    assertEquals(List.of(heat, COLD_WATER, ALLOCATOR), inventory.list());
  }

  @Test
  void importAll_withOneBadDevice_storesNothingAndReportsEachConflictWithItsIndex() {
    inventory.add(COLD_WATER);
    InstalledDevice heat = new InstalledDevice(HEAT, Medium.HEAT_OUTLET, null, A12, null);

    InventoryException refused =
        assertThrows(
            InventoryException.class,
            () -> inventory.importAll(List.of(ALLOCATOR, heat, COLD_WATER, heat)));

    assertEquals(
        List.of(
            new InventoryException.Conflict(
                2,
                "id",
                "12345678",
                "Meter [LUG-12345678-0A-07] is already installed in AB123/A12."),
            new InventoryException.Conflict(
                3, "id", "87654321", "Meter [KAM-87654321-01-04] is also at index 1 of the list.")),
        refused.conflicts());
    assertEquals(List.of(COLD_WATER), inventory.list());
  }

  @Test
  void importAll_goodList_storesAll() {
    assertEquals(2, inventory.importAll(List.of(COLD_WATER, ALLOCATOR)));
    assertEquals(List.of(COLD_WATER, ALLOCATOR), inventory.list());
  }

  @Test
  void siteCode_isNormalisedAndValidated() {
    assertEquals("AB123", SiteCode.of(" ab123 ").value());
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> SiteCode.of("A1234"));
    assertEquals(
        "Site code [A1234] must be two letters and three digits, such as AB123.",
        refused.getMessage());
  }

  @Test
  void dwelling_blankLabel_isRefused() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> new Dwelling(SiteCode.of("AB123"), "  ", null));
    assertEquals("Dwelling [  ] must have 1 to 64 characters.", refused.getMessage());
  }
}
