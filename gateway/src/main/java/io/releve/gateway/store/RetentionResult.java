package io.releve.gateway.store;

/** How many rows {@link Retention#apply} deleted. */
public record RetentionResult(int rawFrames, int readings, int quarantine) {}
