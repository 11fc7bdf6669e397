package io.releve.gateway.config;

/**
 * How long each kind of row is kept (DESIGN §3.2): raw frames shorter than readings, so that the SD
 * card does not fill with what can be re-decoded anyway.
 */
public record RetentionConfig(int rawFrameDays, int readingDays, int quarantineDays) {}
