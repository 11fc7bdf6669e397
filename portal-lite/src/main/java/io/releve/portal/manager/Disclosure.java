package io.releve.portal.manager;

import io.releve.portal.store.Choice;
import io.releve.portal.store.Consent;
import io.releve.portal.store.Residency;
import io.releve.portal.store.ResidencyState;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a manager sees one resident's daily data, and why (DESIGN §6, privacy): only when the
 * resident's current consent for the dwelling is {@code granted}, and only for the days of that
 * resident's own stay inside the page's window — never the previous or next occupant's days.
 * Decided afresh on every page view from the consent ledger, so a withdrawal applies at once.
 *
 * @param consent the resident's current choice, empty before any
 * @param from the first day shown: the window's first day or the move-in, whichever is later
 * @param to the last day shown: today or the move-out, whichever is earlier
 */
record Disclosure(Residency residency, Optional<Consent> consent, LocalDate from, LocalDate to) {

  /**
   * The decision for a residency over the window {@code [first, today]}; empty when the residency
   * gives the manager nothing to decide on there: not in effect (pending, rejected, lapsed), an
   * owner lessor (who does not live there), or a stay outside the window.
   */
  static Optional<Disclosure> of(
      Residency residency, Optional<Consent> consent, LocalDate first, LocalDate today) {
    boolean inEffect =
        residency.state() == ResidencyState.ACTIVE || residency.state() == ResidencyState.ENDED;
    if (!inEffect || !residency.role().occupies()) {
      return Optional.empty();
    }
    LocalDate from = residency.moveIn().isAfter(first) ? residency.moveIn() : first;
    LocalDate to =
        residency.moveOut() == null || residency.moveOut().isAfter(today)
            ? today
            : residency.moveOut();
    if (from.isAfter(to)) {
      return Optional.empty();
    }
    return Optional.of(new Disclosure(residency, consent, from, to));
  }

  /** Whether the daily data of {@link #from} to {@link #to} may be shown. */
  boolean daily() {
    return consent.isPresent() && consent.get().choice() == Choice.GRANTED;
  }

  /** Whether daily data is shown up to {@code today}, so that the month in progress may be too. */
  boolean dailyUpTo(LocalDate today) {
    return daily() && to.equals(today);
  }
}
