package io.releve.gateway.link;

/** How the bus answered a selection by secondary address (SND_UD, CI 0x52, to 0xFD). */
public enum SelectOutcome {
  /** Nothing, after the retries: no slave matches. */
  NONE,
  /** One clean E5: one slave matches, or several whose identical E5s overlapped. */
  ACKNOWLEDGED,
  /** Something other than one E5 (a corrupted E5, bytes of several slaves): several match. */
  GARBLED
}
