package io.releve.portal.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.store.Choice;
import io.releve.portal.store.Consent;
import io.releve.portal.store.Method;
import io.releve.portal.store.Recorder;
import io.releve.portal.store.Residency;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The privacy decision per resident, on worked examples: window of 14/10/2026 to 12/11/2026. */
class DisclosureTest {

  private static final LocalDate FIRST = LocalDate.parse("2026-10-14");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-12");
  private static final Instant AT = Instant.parse("2026-11-12T09:00:00Z");

  private static Residency residency(
      Role role, ResidencyState state, String moveIn, String moveOut) {
    return new Residency(
        1,
        10,
        100,
        role,
        Method.CLIENT_REF,
        LocalDate.parse(moveIn),
        moveOut == null ? null : LocalDate.parse(moveOut),
        state,
        AT,
        null,
        null);
  }

  private static Optional<Consent> consent(Choice choice) {
    return Optional.of(new Consent(1, 10, 100, choice, AT, 10, Recorder.RESIDENT, null));
  }

  @Test
  void of_grantedCurrentResident_showsFromTheMoveInToToday() {
    Disclosure d =
        Disclosure.of(
                residency(Role.OCCUPANT, ResidencyState.ACTIVE, "2026-11-01", null),
                consent(Choice.GRANTED),
                FIRST,
                TODAY)
            .orElseThrow();

    assertTrue(d.daily());
    assertTrue(d.dailyUpTo(TODAY));
    assertEquals(LocalDate.parse("2026-11-01"), d.from());
    assertEquals(TODAY, d.to());
  }

  @Test
  void of_grantedFormerResident_showsTheWindowsStartToTheMoveOutButNotTheMonthInProgress() {
    Disclosure d =
        Disclosure.of(
                residency(Role.OCCUPANT, ResidencyState.ENDED, "2026-01-01", "2026-10-31"),
                consent(Choice.GRANTED),
                FIRST,
                TODAY)
            .orElseThrow();

    assertTrue(d.daily());
    assertFalse(d.dailyUpTo(TODAY));
    assertEquals(FIRST, d.from());
    assertEquals(LocalDate.parse("2026-10-31"), d.to());
  }

  @Test
  void of_withdrawnOrNoChoice_showsMonthlyTotalsOnly() {
    Residency current = residency(Role.OCCUPANT, ResidencyState.ACTIVE, "2026-11-01", null);

    assertFalse(
        Disclosure.of(current, consent(Choice.WITHDRAWN), FIRST, TODAY).orElseThrow().daily());
    assertFalse(Disclosure.of(current, Optional.empty(), FIRST, TODAY).orElseThrow().daily());
  }

  @Test
  void of_pendingOwnerLessorOrStayBeforeTheWindow_decidesNothing() {
    Optional<Consent> granted = consent(Choice.GRANTED);

    assertEquals(
        Optional.empty(),
        Disclosure.of(
            residency(Role.OCCUPANT, ResidencyState.PENDING, "2026-11-01", null),
            granted,
            FIRST,
            TODAY));
    assertEquals(
        Optional.empty(),
        Disclosure.of(
            residency(Role.OWNER_LESSOR, ResidencyState.ACTIVE, "2026-11-01", null),
            granted,
            FIRST,
            TODAY));
    assertEquals(
        Optional.empty(),
        Disclosure.of(
            residency(Role.OCCUPANT, ResidencyState.ENDED, "2026-01-01", "2026-10-13"),
            granted,
            FIRST,
            TODAY));
  }
}
