package io.releve.gateway.clock;

/**
 * Tells whether the system clock has been set from the network. The Raspberry Pi has no real-time
 * clock, and fake-hwclock restores the time saved at the last shutdown: until synchronisation the
 * time looks plausible and is wrong by however long the gateway was off.
 */
public interface SyncSource {

  /** What a source can say about the system clock. */
  enum Answer {
    /** The clock has been set from a time server. */
    SYNCHRONISED,
    /** A synchronisation service runs and has not set the clock yet. */
    UNSYNCHRONISED,
    /**
     * Nothing on this machine can tell (a container, a server without systemd): the clock is
     * trusted as on any server, as long as it is not before {@link GatewayClock#EARLIEST_TRUSTED}.
     */
    UNKNOWN
  }

  /** Asks now; may take a moment (it can run a command), never throws. */
  Answer ask();
}
