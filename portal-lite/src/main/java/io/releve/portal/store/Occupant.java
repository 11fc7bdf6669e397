package io.releve.portal.store;

import java.time.LocalDate;

/**
 * Someone who lives in a dwelling now: an active residency (occupant or owner occupant) without a
 * move-out, or a landlord's occupancy without one.
 *
 * @param source which table says so
 * @param id the residency's or the occupancy's id
 * @param account the resident's account, null for an occupancy
 * @param email the account's e-mail, else the occupancy's; null when neither is known
 */
public record Occupant(
    Source source,
    long id,
    Long account,
    String lastName,
    String firstName,
    String email,
    LocalDate moveIn) {

  /** Where an occupant comes from. */
  public enum Source {
    RESIDENCY,
    OCCUPANCY
  }
}
