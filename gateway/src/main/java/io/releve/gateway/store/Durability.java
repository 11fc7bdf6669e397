package io.releve.gateway.store;

/** How hard a write transaction waits for the disk before it counts as committed. */
public enum Durability {
  /**
   * {@code synchronous=NORMAL}: in WAL mode a power cut may roll back the last commits, never
   * corrupt the file. Enough for the inventory, raw frames, quarantine and retention.
   */
  NORMAL,
  /**
   * {@code synchronous=FULL}: the WAL is synced at commit. Required when the transaction assigns
   * outbox sequence numbers: once committed, a number may be sent and acknowledged, and a commit
   * rolled back by a power cut would hand the same number to different readings (DESIGN §3.2).
   */
  FULL
}
