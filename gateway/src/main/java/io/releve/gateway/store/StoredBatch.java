package io.releve.gateway.store;

/**
 * What {@link ReadingStore#storeBatch} committed: readings numbered {@code firstSeq} to {@code
 * lastSeq}, contiguous. For a batch without readings {@code count} is 0 and both are 0.
 */
public record StoredBatch(long firstSeq, long lastSeq, int count, int rawFrames) {}
