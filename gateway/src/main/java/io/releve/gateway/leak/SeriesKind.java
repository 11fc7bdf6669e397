package io.releve.gateway.leak;

/** How a cumulative series behaves when its value goes down. */
public enum SeriesKind {
  /** A water meter: the index only goes down with backward flow, a rollover or a new meter. */
  WATER,
  /**
   * A heat cost allocator: the current value starts again from zero on the set day (EN 834), which
   * is neither a replacement nor a loss. Allocators never raise leak alerts.
   */
  ALLOCATOR
}
