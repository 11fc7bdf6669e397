package io.releve.portal.store;

import static io.releve.portal.store.StoreFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.store.StoreSettings.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(120)
class ResidenciesTest {

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void validate_pendingTakeover_endsThePreviousOccupantsOnTheNewMoveIn(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long a01 = store.dwelling("A01", "101");
      long manager = store.manager("gestion@example.org");
      long previous = store.resident("paul@example.org");
      long previousResidency =
          store.residency(previous, a01, Method.CLIENT_REF, "2023-01-01", ResidencyState.ACTIVE);
      long occupancy =
          store.write(
              c ->
                  store.landlord.upsertOccupancy(
                      c, a01, "Durand", "Paul", null, LocalDate.parse("2023-01-01"), null, NOW));
      long claire = store.resident("claire@example.org");
      long pending =
          store.residency(claire, a01, Method.SERIAL, "2026-11-01", ResidencyState.PENDING);

      assertTrue(store.changed(c -> store.residencies.validate(c, pending, manager, NOW)));

      Residency validated = store.read(c -> store.residencies.byId(c, pending)).orElseThrow();
      assertEquals(ResidencyState.ACTIVE, validated.state());
      assertEquals(manager, validated.decidedBy());
      assertEquals(NOW, validated.decidedAt());
      Residency ended = store.read(c -> store.residencies.byId(c, previousResidency)).orElseThrow();
      assertEquals(ResidencyState.ENDED, ended.state());
      assertEquals(LocalDate.parse("2026-11-01"), ended.moveOut());
      assertEquals(
          LocalDate.parse("2026-11-01"),
          store.read(c -> store.landlord.occupancy(c, occupancy)).orElseThrow().moveOut());
      assertEquals(
          List.of(claire),
          store.read(c -> store.landlord.activeOccupants(c, a01)).stream()
              .map(Occupant::account)
              .toList());
      assertFalse(
          store.changed(c -> store.residencies.validate(c, pending, manager, NOW)),
          "a decision is taken once");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void lapse_pendingOlderThan14Days_lapsesAndKeepsYoungerOnes(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long a01 = store.dwelling("A01", "101");
      long old = store.resident("old@example.org");
      long young = store.resident("young@example.org");
      long oldPending =
          store.residency(
              old,
              a01,
              Method.LOT,
              "2026-10-01",
              ResidencyState.PENDING,
              NOW.minus(Duration.ofDays(14)).minusMillis(1));
      long youngPending =
          store.residency(
              young,
              a01,
              Method.LOT,
              "2026-10-01",
              ResidencyState.PENDING,
              NOW.minus(Duration.ofDays(14)));

      assertEquals(1, store.residencies.lapse());

      assertEquals(
          ResidencyState.LAPSED,
          store.read(c -> store.residencies.byId(c, oldPending)).orElseThrow().state());
      assertEquals(
          ResidencyState.PENDING,
          store.read(c -> store.residencies.byId(c, youngPending)).orElseThrow().state());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void pendingForManager_listsActivatedEnrolmentsOfTheirSitesOnly(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long a01 = store.dwelling("A01", "101");
      long manager = store.manager("gestion@example.org");
      long stranger =
          store.write(
              c ->
                  store.accounts.create(
                      c,
                      "autre@example.org",
                      AccountKind.MANAGER,
                      "Autre",
                      "Gestion",
                      Lang.FR,
                      NOW));
      long claire = store.resident("claire@example.org");
      long unproven = store.unprovenResident("unproven@example.org");
      store.write(c -> store.accounts.activate(c, claire, NOW));
      long pending = store.residency(claire, a01, Method.LOT, "2026-11-01", ResidencyState.PENDING);
      store.residency(unproven, a01, Method.LOT, "2026-11-01", ResidencyState.PENDING);

      List<PendingEnrolment> mine =
          store.read(c -> store.residencies.pendingForManager(c, manager));

      assertEquals(List.of(pending), mine.stream().map(p -> p.residency().id()).toList());
      assertEquals("claire@example.org", mine.get(0).email());
      assertEquals("A01", mine.get(0).dwelling().label());
      assertEquals(List.of(), store.read(c -> store.residencies.pendingForManager(c, stranger)));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void activeWindow_isTheActiveResidency_andEndsWithIt(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long a01 = store.dwelling("A01", "101");
      long claire = store.resident("claire@example.org");
      long id =
          store.residency(claire, a01, Method.CLIENT_REF, "2026-01-15", ResidencyState.ACTIVE);

      Residency window = store.residencies.activeWindow(claire).orElseThrow();
      assertTrue(window.covers(LocalDate.parse("2026-01-15")));
      assertFalse(window.covers(LocalDate.parse("2026-01-14")));

      assertTrue(store.changed(c -> store.residencies.end(c, id, LocalDate.parse("2026-06-30"))));
      assertTrue(store.residencies.activeWindow(claire).isEmpty());
    }
  }
}
