package io.releve.portal.store;

import static io.releve.portal.store.StoreFixture.NOW;
import static io.releve.portal.store.StoreFixture.SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.store.StoreSettings.Engine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(120)
class LandlordTest {

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void findDwelling_bySerialLotOrClientRef_findsTheSameDwelling(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long a01 = store.dwelling("A01", "101");
      long a02 = store.dwelling("A02", "102");
      store.device(a01, "KAM-00000001-01-16", "00000001");
      store.device(a02, "KAM-00000002-01-16", " 71234567 ");
      store.write(
          c ->
              store.landlord.upsertDwelling(
                  c, SITE, "A02", null, ClientRef.parse("L/ 5501-b").orElseThrow(), NOW));

      DwellingRef bySerial =
          store.read(c -> store.landlord.dwellingBySerial(c, SITE, "7123 4567")).orElseThrow();
      DwellingRef byLot =
          store.read(c -> store.landlord.dwellingByLot(c, SITE, " 102 ")).orElseThrow();
      DwellingRef byRef =
          store
              .read(
                  c ->
                      store.landlord.dwellingByClientRef(
                          c, SITE, ClientRef.parse("5501-b").orElseThrow()))
              .orElseThrow();

      assertEquals(new DwellingRef(a02, SITE, "A02", "102", "5501-B"), bySerial);
      assertEquals(bySerial, byLot);
      assertEquals(bySerial, byRef);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void findDwelling_ofAnotherSiteOrUnknown_findsNothing(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long a01 = store.dwelling("A01", "101");
      store.device(a01, "KAM-00000001-01-16", "00000001");
      SiteCode other = new SiteCode("PA001");
      store.write(c -> store.landlord.upsertDwelling(c, other, "B01", "101", null, NOW));

      assertEquals(
          Optional.empty(), store.read(c -> store.landlord.dwellingBySerial(c, other, "00000001")));
      assertEquals(
          Optional.empty(), store.read(c -> store.landlord.dwellingBySerial(c, SITE, "9999")));
      assertEquals(
          "B01",
          store.read(c -> store.landlord.dwellingByLot(c, other, "101")).orElseThrow().label());
      assertEquals(
          Optional.empty(),
          store.read(
              c ->
                  store.landlord.dwellingByClientRef(
                      c, SITE, ClientRef.parse("NOPE").orElseThrow())));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void searchAddresses_ignoresCaseAndAccents(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      store.write(
          c -> {
            store.landlord.upsertAddress(
                c, new SiteAddress(SITE, "12 rue Hélène-Boucher", "69003", "Lyon"), NOW);
            store.landlord.upsertAddress(
                c,
                new SiteAddress(new SiteCode("PA001"), "3 allée des Érables", "75012", "Paris"),
                NOW);
            return null;
          });

      List<SiteAddress> helene = store.landlord.searchAddresses("HELENE boucher");
      List<SiteAddress> erables = store.landlord.searchAddresses("allee des erables 75012");

      assertEquals(List.of(SITE), helene.stream().map(SiteAddress::site).toList());
      assertEquals(
          List.of(new SiteCode("PA001")), erables.stream().map(SiteAddress::site).toList());
      assertEquals(List.of(), store.landlord.searchAddresses("Marseille"));
      assertTrue(store.landlord.siteExists(new SiteCode("PA001")), "the import made the site");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void lastMoveIn_isTheLatestOfOccupanciesAndActiveOrEndedResidencies(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long a01 = store.dwelling("A01", "101");
      assertEquals(Optional.empty(), store.read(c -> store.landlord.lastMoveIn(c, a01)));
      store.write(
          c ->
              store.landlord.upsertOccupancy(
                  c,
                  a01,
                  "Durand",
                  "Paul",
                  null,
                  LocalDate.parse("2024-03-01"),
                  LocalDate.parse("2025-06-30"),
                  NOW));
      long claire = store.resident("claire@example.org");
      store.residency(claire, a01, Method.CLIENT_REF, "2025-07-01", ResidencyState.ACTIVE);
      long late = store.resident("late@example.org");
      store.residency(late, a01, Method.LOT, "2026-01-01", ResidencyState.PENDING);

      assertEquals(
          LocalDate.parse("2025-07-01"),
          store.read(c -> store.landlord.lastMoveIn(c, a01)).orElseThrow(),
          "a pending enrolment records nothing");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void activeOccupants_areResidentsAndOccupanciesWithoutMoveOut(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long a01 = store.dwelling("A01", "101");
      long gone =
          store.write(
              c ->
                  store.landlord.upsertOccupancy(
                      c,
                      a01,
                      "Durand",
                      "Paul",
                      "paul@example.org",
                      LocalDate.parse("2020-01-01"),
                      null,
                      NOW));
      store.write(c -> store.landlord.endOccupancy(c, gone, LocalDate.parse("2025-06-30")));
      store.write(
          c ->
              store.landlord.upsertOccupancy(
                  c,
                  a01,
                  "Petit",
                  "Anne",
                  "anne@example.org",
                  LocalDate.parse("2025-07-01"),
                  null,
                  NOW));
      long claire = store.resident("Claire@Example.org");
      store.residency(claire, a01, Method.CLIENT_REF, "2025-07-01", ResidencyState.ACTIVE);

      List<Occupant> occupants = store.read(c -> store.landlord.activeOccupants(c, a01));

      assertEquals(
          List.of("claire@example.org", "anne@example.org"),
          occupants.stream().map(Occupant::email).toList());
      assertEquals(Occupant.Source.RESIDENCY, occupants.get(0).source());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void upsertOccupancy_sameLineTwice_keepsOneRow(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long a01 = store.dwelling("A01", "101");
      LocalDate moveIn = LocalDate.parse("2025-07-01");
      long first =
          store.write(
              c ->
                  store.landlord.upsertOccupancy(c, a01, "Petit", "Anne", null, moveIn, null, NOW));
      long again =
          store.write(
              c ->
                  store.landlord.upsertOccupancy(
                      c, a01, "Petit", "Anne", "anne@example.org", moveIn, null, NOW));

      assertEquals(first, again);
      List<Occupancy> rows = store.read(c -> store.landlord.occupancies(c, a01));
      assertEquals(1, rows.size());
      assertEquals("anne@example.org", rows.get(0).email());
    }
  }
}
