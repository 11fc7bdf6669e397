package io.releve.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.store.Method;
import io.releve.portal.store.Residency;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static Residency residency(
      long id, long dwelling, Role role, String moveIn, String moveOut, ResidencyState state) {
    return new Residency(
        id,
        7,
        dwelling,
        role,
        Method.CLIENT_REF,
        LocalDate.parse(moveIn),
        moveOut == null ? null : LocalDate.parse(moveOut),
        state,
        Instant.EPOCH,
        null,
        null);
  }

  @Test
  void of_activeResidencyInWinter_startsAtMidnightParisAndHasNoEnd() {
    Window window =
        Access.of(residency(1, 3, Role.OCCUPANT, "2026-01-15", null, ResidencyState.ACTIVE), PARIS)
            .orElseThrow();

    assertEquals(3, window.dwelling());
    assertEquals(Instant.parse("2026-01-14T23:00:00Z"), window.from());
    assertEquals(null, window.until());
    assertEquals(Long.MAX_VALUE, window.untilMillis());
  }

  @Test
  void of_endedResidencyInSummer_endsAtMidnightAfterTheMoveOutDay() {
    Window window =
        Access.of(
                residency(1, 3, Role.OCCUPANT, "2026-06-01", "2026-07-10", ResidencyState.ENDED),
                PARIS)
            .orElseThrow();

    assertEquals(Instant.parse("2026-05-31T22:00:00Z"), window.from());
    assertEquals(Instant.parse("2026-07-10T22:00:00Z"), window.until());
  }

  @Test
  void of_moveOutOnTheDayClocksChange_endsAtTheNextLocalMidnight() {
    Window window =
        Access.of(
                residency(1, 3, Role.OCCUPANT, "2026-03-01", "2026-03-29", ResidencyState.ENDED),
                PARIS)
            .orElseThrow();

    // 29 March 2026 has 23 hours in Paris: the next midnight is 22:00 UTC
    assertEquals(Instant.parse("2026-03-29T22:00:00Z"), window.until());
  }

  @Test
  void contains_edges_moveInMidnightIncludedAndEndExcluded() {
    Window window =
        Access.of(
                residency(1, 3, Role.OCCUPANT, "2026-06-01", "2026-06-30", ResidencyState.ENDED),
                PARIS)
            .orElseThrow();

    assertFalse(window.contains(Instant.parse("2026-05-31T21:59:59.999Z")));
    assertTrue(window.contains(Instant.parse("2026-05-31T22:00:00Z")));
    assertTrue(window.contains(Instant.parse("2026-06-30T21:59:59.999Z")));
    assertFalse(window.contains(Instant.parse("2026-06-30T22:00:00Z")));
  }

  @ParameterizedTest
  @EnumSource(
      value = ResidencyState.class,
      names = {"PENDING", "REJECTED", "LAPSED"})
  void of_residencyThatNeverTookEffect_givesNothing(ResidencyState state) {
    assertEquals(
        Optional.empty(),
        Access.of(residency(1, 3, Role.OCCUPANT, "2026-01-15", null, state), PARIS));
  }

  @ParameterizedTest
  @EnumSource(
      value = ResidencyState.class,
      names = {"ACTIVE", "ENDED"})
  void of_ownerLessor_neverSeesData(ResidencyState state) {
    assertEquals(
        Optional.empty(),
        Access.of(residency(1, 3, Role.OWNER_LESSOR, "2026-01-15", null, state), PARIS));
  }

  @Test
  void of_ownerOccupant_seesLikeAnOccupant() {
    assertTrue(
        Access.of(
                residency(1, 3, Role.OWNER_OCCUPANT, "2026-01-15", null, ResidencyState.ACTIVE),
                PARIS)
            .isPresent());
  }

  @Test
  void of_moveOutBeforeMoveIn_givesNothing() {
    assertEquals(
        Optional.empty(),
        Access.of(
            residency(1, 3, Role.OCCUPANT, "2026-06-10", "2026-06-01", ResidencyState.ENDED),
            PARIS));
  }

  @Test
  void latest_activeAndEnded_prefersTheActiveOne() {
    List<Residency> residencies =
        List.of(
            residency(2, 4, Role.OCCUPANT, "2026-09-01", null, ResidencyState.ACTIVE),
            residency(1, 3, Role.OCCUPANT, "2026-01-01", "2026-08-31", ResidencyState.ENDED));

    assertEquals(4, Access.latest(residencies, PARIS).orElseThrow().dwelling());
  }

  @Test
  void latest_onlyEndedOnes_givesTheLastLeft() {
    List<Residency> residencies =
        List.of(
            residency(2, 4, Role.OCCUPANT, "2026-05-01", "2026-08-31", ResidencyState.ENDED),
            residency(1, 3, Role.OCCUPANT, "2026-01-01", "2026-04-30", ResidencyState.ENDED));

    assertEquals(4, Access.latest(residencies, PARIS).orElseThrow().dwelling());
  }

  @Test
  void latest_pendingTakeoverBesideAnEndedStay_givesTheEndedStayOnly() {
    List<Residency> residencies =
        List.of(
            residency(2, 4, Role.OCCUPANT, "2026-09-01", null, ResidencyState.PENDING),
            residency(1, 3, Role.OCCUPANT, "2026-01-01", "2026-08-31", ResidencyState.ENDED));

    Window window = Access.latest(residencies, PARIS).orElseThrow();

    assertEquals(3, window.dwelling());
    assertEquals(Instant.parse("2026-08-31T22:00:00Z"), window.until());
  }

  @Test
  void latest_noResidency_givesNothing() {
    assertEquals(Optional.empty(), Access.latest(List.of(), PARIS));
  }

  @Test
  void newOccupant_windowStartsAfterThePreviousOccupantsEnds() {
    Window previous =
        Access.of(
                residency(1, 3, Role.OCCUPANT, "2025-01-01", "2026-06-30", ResidencyState.ENDED),
                PARIS)
            .orElseThrow();
    Window next =
        Access.of(residency(2, 3, Role.OCCUPANT, "2026-07-01", null, ResidencyState.ACTIVE), PARIS)
            .orElseThrow();

    assertEquals(previous.until(), next.from());
    assertFalse(next.contains(previous.until().minusMillis(1)));
  }
}
