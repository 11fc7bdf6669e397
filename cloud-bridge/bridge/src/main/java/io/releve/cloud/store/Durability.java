package io.releve.cloud.store;

/** How hard a write transaction waits for the disk before it counts as committed. */
public enum Durability {
  /**
   * {@code synchronous=NORMAL}: in WAL mode a power cut may roll back the last commits, never
   * corrupt the file. Enough for statuses and refusal counters.
   */
  NORMAL,
  /**
   * {@code synchronous=FULL}: the WAL is synced at commit. Required for ingest: an ack follows the
   * commit, and the gateway forgets what was acked, so a commit lost to a power cut after its ack
   * would be data lost for good.
   */
  FULL
}
