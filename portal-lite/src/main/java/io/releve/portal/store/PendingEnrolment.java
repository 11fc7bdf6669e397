package io.releve.portal.store;

/** A pending residency as a manager sees it: who asks, for which dwelling. */
public record PendingEnrolment(
    Residency residency, String lastName, String firstName, String email, DwellingRef dwelling) {}
