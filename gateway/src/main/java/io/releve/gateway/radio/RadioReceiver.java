package io.releve.gateway.radio;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * A source of radio telegrams: a USB stick (iM871A, Amber), or an {@code rtl_wmbus} process. One
 * class per kind behind this interface. A receiver runs its own reading thread once started; a
 * stick that stalls or goes away is detected, reopened and reset by the receiver itself, and
 * reported through {@link ReceiverEvents}, without the daemon restarting.
 */
public interface RadioReceiver extends AutoCloseable {

  /** The receiver's name in the configuration, in readings and in logs. */
  String name();

  /** Where it is: the serial port, or the command it runs. */
  String describe();

  /**
   * Opens the receiver, sets it to its link mode, and delivers every telegram it hears to {@code
   * frames} on its reading thread until {@link #close()}.
   *
   * @throws IOException when it cannot be opened the first time (later failures are retried and
   *     reported, not thrown)
   */
  void start(Consumer<RadioFrame> frames, ReceiverEvents events) throws IOException;

  /** Stops the reading thread and closes the port or the process. */
  @Override
  void close() throws IOException;

  /** What a receiver reports besides telegrams. */
  interface ReceiverEvents {
    ReceiverEvents NONE = new ReceiverEvents() {};

    /** The receiver stopped answering or went away: {@code reason} says how. */
    default void lost(String receiver, String reason) {}

    /** It was reopened and reset, and hears again. */
    default void recovered(String receiver) {}

    /** Bytes that are no valid message of its protocol were skipped. */
    default void garbage(String receiver, int bytes) {}
  }
}
