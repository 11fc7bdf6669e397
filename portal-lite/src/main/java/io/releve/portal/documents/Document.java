package io.releve.portal.documents;

import java.time.Instant;

/**
 * A document kept for a resident, without its body.
 *
 * @param period {@code YYYY-MM}
 * @param size the body's length in bytes
 */
public record Document(
    long id,
    String kind,
    String period,
    String title,
    String contentType,
    long size,
    Instant createdAt) {}
