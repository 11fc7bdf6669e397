package io.releve.portal.store;

/**
 * A dwelling of the registry, with the landlord's data about it.
 *
 * @param label the gateway's label, such as {@code A02}
 * @param lot the lot number, or null
 * @param clientRef the normalized client reference, or null when none was imported
 */
public record DwellingRef(long id, SiteCode site, String label, String lot, String clientRef) {}
