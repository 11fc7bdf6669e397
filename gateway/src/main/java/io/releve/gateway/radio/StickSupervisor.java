package io.releve.gateway.radio;

import io.releve.gateway.radio.RadioReceiver.ReceiverEvents;
import io.releve.gateway.radio.StickProtocol.Request;
import io.releve.gateway.radio.StickProtocol.StickExchange;
import io.releve.gateway.radio.StickProtocol.StickParser;
import io.releve.gateway.radio.StickProtocol.StickSink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stick: opens its line, configures it, reads telegrams on its own thread, and brings it
 * back when it goes away.
 *
 * <p>A stick is lost when its line fails (read or write {@link IOException}: unplugged, port gone),
 * when it does not answer a ping within {@link StickTimings#answerTimeout()} (pinged every {@link
 * StickTimings#pingInterval()}), or when not a single byte came for {@link StickTimings#silence()}.
 * A loss is reported once through {@link ReceiverEvents#lost}; the line is closed and reopened
 * after {@link StickTimings#firstBackoff()}, doubling up to {@link StickTimings#maxBackoff()},
 * until the stick opens and accepts its configuration again; then {@link ReceiverEvents#recovered}
 * is reported. The reading thread never ends on an error, only on {@link #close()}.
 */
final class StickSupervisor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StickSupervisor.class);

  /** Longest single read, so that {@link #close()} and the ping schedule are never kept waiting. */
  private static final Duration READ_SLICE = Duration.ofMillis(200);

  /** How long {@link #close()} waits for the reading thread. */
  private static final long CLOSE_MILLIS = 5_000;

  /** 260 bytes is more than the longest message of either protocol. */
  private static final int READ_BUFFER = 512;

  private final String receiver;
  private final StickLine.Opener opener;
  private final StickProtocol protocol;
  private final LinkMode mode;
  private final StickTimings timings;
  private final Clock clock;
  private volatile Consumer<RadioFrame> frames;
  private volatile ReceiverEvents events = ReceiverEvents.NONE;
  private volatile Session current;
  private volatile boolean closed;
  private Thread thread;

  StickSupervisor(
      String receiver,
      StickLine.Opener opener,
      StickProtocol protocol,
      LinkMode mode,
      StickTimings timings,
      Clock clock) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.timings = Objects.requireNonNull(timings, "timings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Opens and configures the stick on the caller's thread, then starts the reading thread.
   *
   * @throws IOException when the first open or configuration fails; nothing keeps running then
   * @throws IllegalStateException when already started or closed
   */
  synchronized void start(Consumer<RadioFrame> frames, ReceiverEvents events) throws IOException {
    if (thread != null || closed) {
      throw new IllegalStateException("Stick " + receiver + " was already started or closed");
    }
    this.frames = Objects.requireNonNull(frames, "frames");
    this.events = Objects.requireNonNull(events, "events");
    current = openSession();
    thread = new Thread(this::run, "stick-" + receiver);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (!closed) {
      Session session = current;
      try {
        session.listen();
      } catch (IOException | RuntimeException e) {
        if (closed) {
          break;
        }
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        LOG.warn("Stick {} on {} lost: {}", receiver, session.line.describe(), reason, e);
        events.lost(receiver, reason);
      }
      closeLine(session.line);
      if (reopen()) {
        LOG.info("Stick {} on {} recovered", receiver, current.line.describe());
        events.recovered(receiver);
      }
    }
    Session last = current;
    if (last != null) {
      closeLine(last.line);
    }
  }

  /** Reopens with backoff until it works (true) or {@link #close()} is called (false). */
  private boolean reopen() {
    Duration backoff = timings.firstBackoff();
    while (!closed) {
      try {
        Thread.sleep(backoff.toMillis());
      } catch (InterruptedException e) {
        // close() interrupts: the loop condition ends it
        continue;
      }
      if (closed) {
        break;
      }
      try {
        current = openSession();
        return true;
      } catch (IOException | RuntimeException e) {
        LOG.debug("Stick {}: reopen failed: {}", receiver, e.getMessage());
        backoff = backoff.multipliedBy(2);
        if (backoff.compareTo(timings.maxBackoff()) > 0) {
          backoff = timings.maxBackoff();
        }
      }
    }
    return false;
  }

  private Session openSession() throws IOException {
    StickLine line = opener.open();
    try {
      Session session = new Session(line);
      // the reading thread's close() must reach this line while it is being configured
      current = session;
      protocol.configure(session, mode);
      return session;
    } catch (IOException | RuntimeException e) {
      closeLine(line);
      throw new IOException(
          "Cannot set up "
              + protocol.kind()
              + " stick "
              + receiver
              + " on "
              + line.describe()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private void closeLine(StickLine line) {
    try {
      line.close();
    } catch (IOException e) {
      LOG.warn("Stick {}: closing {} failed", receiver, line.describe(), e);
    }
  }

  /** Stops the reading thread and closes the line, waiting at most 5 s for the thread. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      closed = true;
      t = thread;
    }
    Session session = current;
    if (session != null) {
      closeLine(session.line);
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(CLOSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (t.isAlive()) {
        LOG.warn(
            "Stick {}: reading thread still running {} ms after close", receiver, CLOSE_MILLIS);
      }
    }
  }

  /** One opened line, until it fails. Used by one thread at a time. */
  private final class Session implements StickExchange, StickSink {
    final StickLine line;
    private final StickParser parser = protocol.newParser();
    private final byte[] buffer = new byte[READ_BUFFER];
    private long lastByteNanos = System.nanoTime();
    private int awaitedKey = -1;
    private byte[] answer;

    Session(StickLine line) {
      this.line = line;
    }

    /** Reads and pings until the line fails, the stick falls silent, or the receiver closes. */
    void listen() throws IOException {
      long nextPing = System.nanoTime() + timings.pingInterval().toNanos();
      while (!closed) {
        if (System.nanoTime() - nextPing >= 0) {
          ask(protocol.ping());
          nextPing = System.nanoTime() + timings.pingInterval().toNanos();
        }
        long untilPing = nextPing - System.nanoTime();
        pump(Duration.ofNanos(Math.max(1_000_000, Math.min(untilPing, READ_SLICE.toNanos()))));
      }
    }

    @Override
    public byte[] ask(Request request) throws IOException {
      awaitedKey = request.answerKey();
      answer = null;
      line.write(request.bytes());
      long deadline = System.nanoTime() + timings.answerTimeout().toNanos();
      while (answer == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed) {
          awaitedKey = -1;
          throw new StickTimeoutException(
              "no answer to "
                  + request.what()
                  + " within "
                  + timings.answerTimeout().toMillis()
                  + " ms");
        }
        pump(Duration.ofNanos(Math.min(left, READ_SLICE.toNanos())));
      }
      awaitedKey = -1;
      return answer;
    }

    private void pump(Duration timeout) throws IOException {
      int n = line.read(buffer, timeout);
      long now = System.nanoTime();
      if (n > 0) {
        lastByteNanos = now;
        parser.feed(buffer, n, this);
      } else if (now - lastByteNanos > timings.silence().toNanos()) {
        throw new StickTimeoutException(
            "no byte from the stick for " + timings.silence().toMillis() + " ms");
      }
    }

    @Override
    public void telegram(byte[] telegram, Optional<Integer> rssiDbm) {
      Optional<LinkMode> heardIn =
          mode == LinkMode.S1 ? Optional.of(LinkMode.S1) : Optional.empty();
      RadioFrame frame = new RadioFrame(telegram, rssiDbm, heardIn, clock.instant(), receiver);
      try {
        frames.accept(frame);
      } catch (RuntimeException e) {
        // the consumer's fault, not the stick's: keep listening
        LOG.error("Stick {}: the frame consumer failed", receiver, e);
      }
    }

    @Override
    public void answer(int key, byte[] payload) {
      if (key == awaitedKey) {
        answer = payload;
      } else {
        LOG.debug("Stick {}: unexpected message {}", receiver, Integer.toHexString(key));
      }
    }

    @Override
    public void garbage(int bytes) {
      LOG.debug("Stick {}: skipped {} bytes", receiver, bytes);
      events.garbage(receiver, bytes);
    }
  }
}
