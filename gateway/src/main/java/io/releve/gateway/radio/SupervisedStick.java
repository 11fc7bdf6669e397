package io.releve.gateway.radio;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the USB sticks share: a name, where the stick is, and a {@link StickSupervisor} that runs
 * the stick's {@link StickProtocol} over its line. A subclass brings its protocol and its {@link
 * #describe()}.
 */
abstract class SupervisedStick implements RadioReceiver {

  /** Pings after a reset before the stick counts as not restarting. */
  static final int PINGS_AFTER_RESET = 5;

  private final String name;
  private final String where;
  private final StickSupervisor supervisor;

  /**
   * @param where what {@link #describe()} says: the port path or {@code host:port}
   * @param opener called at start and after each loss
   */
  SupervisedStick(
      String name,
      String where,
      StickLine.Opener opener,
      StickProtocol protocol,
      LinkMode mode,
      StickTimings timings,
      Clock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.where = Objects.requireNonNull(where, "where");
    this.supervisor = new StickSupervisor("stick." + name, opener, protocol, mode, timings, clock);
  }

  /** The port path or {@code host:port}. */
  final String where() {
    return where;
  }

  @Override
  public final String name() {
    return "stick." + name;
  }

  @Override
  public final void start(Consumer<RadioFrame> frames, ReceiverEvents events) throws IOException {
    supervisor.start(frames, events);
  }

  @Override
  public final void close() {
    supervisor.close();
  }

  /**
   * Pings a stick that was just reset until it answers, at most {@link #PINGS_AFTER_RESET} times.
   *
   * @throws StickTimeoutException when the last ping is not answered either
   */
  static void awaitRestart(StickProtocol.StickExchange exchange, StickProtocol.Request ping)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        exchange.ask(ping);
        return;
      } catch (StickTimeoutException e) {
        if (attempt == PINGS_AFTER_RESET) {
          throw e;
        }
      }
    }
  }
}
