package io.releve.portal.store;

import java.time.Instant;

/**
 * One row of the consent ledger.
 *
 * @param recordedBy the account that recorded it: the resident's own, or a manager's
 * @param evidence what a manager's grant rests on (a signed form); null otherwise
 */
public record Consent(
    long id,
    long account,
    long dwelling,
    Choice choice,
    Instant recordedAt,
    long recordedBy,
    Recorder recorder,
    String evidence) {}
