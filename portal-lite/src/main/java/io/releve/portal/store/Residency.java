package io.releve.portal.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An enrolment and, once {@link ResidencyState#ACTIVE}, the resident's right to see the dwelling
 * from {@code moveIn} to {@code moveOut} (inclusive days in the site's zone).
 *
 * @param moveOut null while the resident lives there
 * @param decidedAt when a manager validated or rejected it; null otherwise
 * @param decidedBy that manager's account; null otherwise
 */
public record Residency(
    long id,
    long account,
    long dwelling,
    Role role,
    Method method,
    LocalDate moveIn,
    LocalDate moveOut,
    ResidencyState state,
    Instant createdAt,
    Instant decidedAt,
    Long decidedBy) {

  /** Whether {@code day} lies inside the window, move-in and move-out days included. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(moveIn) && (moveOut == null || !day.isAfter(moveOut));
  }
}
