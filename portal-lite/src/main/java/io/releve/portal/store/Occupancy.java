package io.releve.portal.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The landlord's record of someone living in a dwelling.
 *
 * @param email null when the landlord gave none
 * @param moveOut null while they live there
 */
public record Occupancy(
    long id,
    long dwelling,
    String lastName,
    String firstName,
    String email,
    LocalDate moveIn,
    LocalDate moveOut,
    Instant importedAt) {}
