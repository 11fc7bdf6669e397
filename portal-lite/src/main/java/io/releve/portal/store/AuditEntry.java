package io.releve.portal.store;

import java.time.Instant;

/**
 * One row of the audit log.
 *
 * @param actor the account that acted; null for an anonymous visitor or the CLI
 * @param action such as {@code login}, {@code consent.granted}
 * @param subject what it was done to (an account, a residency, a file), or null
 * @param ip the client's address, or null
 * @param outcome such as {@code ok}, {@code refused}
 */
public record AuditEntry(
    long id, Instant at, Long actor, String action, String subject, String ip, String outcome) {}
