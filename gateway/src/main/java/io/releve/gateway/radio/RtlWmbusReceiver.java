package io.releve.gateway.radio;

import io.releve.common.concurrent.Tickers;
import io.releve.gateway.config.RadioConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link RtlWmbusLine rtl_wmbus lines} from a command it runs ({@code sh -c COMMAND}, such as
 * {@code rtl_sdr -f 868.95M -s 1.6e6 - 2>/dev/null | rtl_wmbus}) or from a named pipe another
 * process writes.
 *
 * <p>A line that is not a good telegram (damaged, cut, not rtl_wmbus output) is skipped and
 * reported as {@link ReceiverEvents#garbage garbage} with its length. When the command exits, or
 * the pipe's writer closes it, the loss is reported, and the command is restarted (the pipe
 * reopened) after a back-off that doubles from {@code firstBackoff} up to {@code maxBackoff}; the
 * first good line after that is reported as {@link ReceiverEvents#recovered recovered} and resets
 * the back-off. A regular file given as the pipe is a recording: it is read once, then the reader
 * stops.
 *
 * <p>A command or pipe that stays silent for {@code silenceLimit} is taken as stalled (an rtl_sdr
 * that hangs neither writes nor exits): it is reported lost, stopped and restarted like one that
 * exited. A failing consumer of frames or events is logged; the reading thread goes on.
 */
public final class RtlWmbusReceiver implements RadioReceiver {

  private static final Logger LOG = LoggerFactory.getLogger(RtlWmbusReceiver.class);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  /** rtl_wmbus writes nothing when nothing is heard; a quarter of an hour of that is a stall. */
  public static final Duration DEFAULT_SILENCE_LIMIT = Duration.ofMinutes(15);

  /** How long a stopped command has after SIGTERM before it and its children are killed. */
  private static final Duration KILL_GRACE = Duration.ofSeconds(2);

  /** The watchdog looks at most this far apart (and four times per silence limit). */
  private static final Duration WATCH_PERIOD = Duration.ofSeconds(1);

  private final String name;
  private final Optional<String> command;
  private final Optional<Path> pipe;
  private final Optional<Integer> rssiOffsetDb;
  private final Clock clock;
  private final Duration firstBackoff;
  private final Duration maxBackoff;
  private final Duration silenceLimit;
  private final Object current = new Object();

  private volatile boolean closed;
  private volatile boolean stalled;
  private volatile long lastLineNanos;
  private ScheduledExecutorService watchdog;
  private volatile Process process;
  private volatile InputStream input;
  private volatile String lastError = "";
  private volatile Thread errorReader;
  private Thread thread;

  /**
   * @param name the receiver's name ({@code rtlwmbus.NAME})
   * @param command the shell command, or empty to read {@code pipe}
   * @param rssiOffsetDb added to the packet level to make dBm; empty: frames carry no RSSI
   */
  public RtlWmbusReceiver(
      String name,
      Optional<String> command,
      Optional<Path> pipe,
      Optional<Integer> rssiOffsetDb,
      Clock clock,
      Duration firstBackoff,
      Duration maxBackoff) {
    this(name, command, pipe, rssiOffsetDb, clock, firstBackoff, maxBackoff, DEFAULT_SILENCE_LIMIT);
  }

  /**
   * @param silenceLimit how long without a line before the command or pipe is taken as stalled
   */
  public RtlWmbusReceiver(
      String name,
      Optional<String> command,
      Optional<Path> pipe,
      Optional<Integer> rssiOffsetDb,
      Clock clock,
      Duration firstBackoff,
      Duration maxBackoff,
      Duration silenceLimit) {
    this.name = Objects.requireNonNull(name, "name");
    this.command = Objects.requireNonNull(command, "command");
    this.pipe = Objects.requireNonNull(pipe, "pipe");
    this.rssiOffsetDb = Objects.requireNonNull(rssiOffsetDb, "rssiOffsetDb");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.firstBackoff = Objects.requireNonNull(firstBackoff, "firstBackoff");
    this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
    this.silenceLimit = Objects.requireNonNull(silenceLimit, "silenceLimit");
    if (silenceLimit.isNegative() || silenceLimit.isZero()) {
      throw new IllegalArgumentException(
          name + ": the silence limit must be positive, not " + silenceLimit + ".");
    }
    if (command.isPresent() == pipe.isPresent()) {
      throw new IllegalArgumentException("Give exactly one of command and pipe.");
    }
  }

  /**
   * The reader a configuration block describes, with the default back-off (1 s doubling to 1 min).
   */
  public static RtlWmbusReceiver of(RadioConfig.RtlWmbus config, Clock clock) {
    return new RtlWmbusReceiver(
        config.name(),
        config.command(),
        config.pipe(),
        config.rssiOffsetDb(),
        clock,
        FIRST_BACKOFF,
        MAX_BACKOFF);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String describe() {
    return command.map(c -> "command: " + c).orElseGet(() -> "pipe: " + pipe.get());
  }

  /**
   * Starts the command (or checks that the pipe exists) and the reading thread.
   *
   * @throws IOException when the command cannot be started or the pipe does not exist
   * @throws IllegalStateException when already started
   */
  @Override
  public synchronized void start(Consumer<RadioFrame> frames, ReceiverEvents events)
      throws IOException {
    Objects.requireNonNull(frames, "frames");
    Objects.requireNonNull(events, "events");
    if (thread != null) {
      throw new IllegalStateException(name + " is already started.");
    }
    if (command.isPresent()) {
      input = startCommand();
    } else if (!Files.exists(pipe.get())) {
      throw new IOException(name + ": the pipe " + pipe.get() + " does not exist.");
    }
    lastLineNanos = System.nanoTime();
    thread = new Thread(() -> read(frames, events), name);
    thread.setDaemon(true);
    thread.start();
    if (!isRecording()) {
      watchdog = Tickers.daemon(name + "-watchdog");
      long period = Math.min(silenceLimit.toNanos() / 4, WATCH_PERIOD.toNanos());
      watchdog.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.NANOSECONDS);
    }
  }

  private boolean isRecording() {
    return pipe.isPresent() && Files.isRegularFile(pipe.get());
  }

  /** Stops a command or pipe that has been silent for too long; the reading thread reports it. */
  private void watch() {
    try {
      if (input != null && System.nanoTime() - lastLineNanos > silenceLimit.toNanos()) {
        LOG.warn("{}: no line for {}, stopping it", name, describe(silenceLimit));
        stalled = true;
        stopCurrent();
      }
    } catch (RuntimeException e) {
      LOG.error("{}: the watchdog failed", name, e);
    }
  }

  static String describe(Duration duration) {
    if (duration.toMillis() % 60_000 == 0) {
      return duration.toMinutes() + " min";
    }
    if (duration.toMillis() % 1_000 == 0) {
      return duration.toSeconds() + " s";
    }
    return duration.toMillis() + " ms";
  }

  /** Whether the reading thread has stopped: closed, or a recording read to its end. */
  public boolean finished() {
    Thread reading = thread;
    return reading != null && !reading.isAlive();
  }

  private void read(Consumer<RadioFrame> frames, ReceiverEvents events) {
    boolean recording = isRecording();
    Duration backoff = firstBackoff;
    boolean lost = false;
    while (!closed) {
      String reason;
      try {
        InputStream in = open();
        if (closed) {
          return; // close() came while it was starting: the finally stops what was started
        }
        int good = pump(in, frames, events, lost);
        if (good > 0) {
          lost = false;
          backoff = firstBackoff;
        }
        reason = stalled ? "no line for " + describe(silenceLimit) : ended();
      } catch (IOException e) {
        reason =
            stalled ? "no line for " + describe(silenceLimit) : "read failed: " + e.getMessage();
      } catch (RuntimeException e) {
        LOG.error("{}: reading failed", name, e);
        reason = "reading failed: " + e;
      } finally {
        stalled = false;
        stopCurrent();
      }
      if (closed || recording) {
        return;
      }
      LOG.warn("{} lost: {}", name, reason);
      String why = reason;
      report(() -> events.lost(name, why));
      lost = true;
      if (!sleep(backoff)) {
        return;
      }
      backoff =
          backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
    }
  }

  /** The running command's output (started if needed), or the pipe opened again. */
  private InputStream open() throws IOException {
    InputStream in = input;
    if (in != null) {
      return in;
    }
    if (command.isPresent()) {
      return startCommand();
    }
    // Blocks until a writer opens the FIFO; close() opens it once to let this return.
    in = Files.newInputStream(pipe.get());
    lastLineNanos = System.nanoTime();
    input = in;
    return in;
  }

  /** Runs a call to the events or frames consumer: a failure there must not end the reading. */
  private void report(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.error("{}: a consumer failed", name, e);
    }
  }

  /** Delivers the stream's good lines; returns how many there were. */
  private int pump(InputStream in, Consumer<RadioFrame> frames, ReceiverEvents events, boolean lost)
      throws IOException {
    int good = 0;
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    String line;
    while ((line = reader.readLine()) != null) {
      lastLineNanos = System.nanoTime();
      if (line.isBlank()) {
        continue;
      }
      RtlWmbusLine parsed;
      try {
        parsed = RtlWmbusLine.parse(line);
      } catch (IllegalArgumentException e) {
        LOG.debug("{} skipped a line that {}", name, e.getMessage());
        int bytes = line.length() + 1;
        report(() -> events.garbage(name, bytes));
        continue;
      }
      if (good == 0 && lost) {
        LOG.info("{} recovered", name);
        report(() -> events.recovered(name));
      }
      good++;
      RadioFrame frame =
          new RadioFrame(
              parsed.telegram(),
              parsed.rssiDbm(rssiOffsetDb),
              Optional.of(parsed.mode()),
              clock.instant(),
              name);
      report(() -> frames.accept(frame));
    }
    return good;
  }

  private String ended() {
    Process current = process;
    if (current == null) {
      return "the writer closed the pipe";
    }
    try {
      if (!current.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        return "the command closed its output";
      }
      Thread errors = errorReader;
      if (errors != null) {
        errors.join(STOP_TIMEOUT.toMillis()); // its last line says why the command ended
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    String tail = lastError.isEmpty() ? "" : ": " + lastError;
    return "the command exited with status " + current.exitValue() + tail;
  }

  private InputStream startCommand() throws IOException {
    lastError = "";
    Process started = new ProcessBuilder(List.of("sh", "-c", command.get())).start();
    lastLineNanos = System.nanoTime();
    process = started;
    Thread errors = new Thread(() -> keepLastError(started), name + "-stderr");
    errors.setDaemon(true);
    errors.start();
    errorReader = errors;
    InputStream in = started.getInputStream();
    input = in;
    return in;
  }

  /** Keeps the last line the command wrote on its standard error: it says why it ended. */
  private void keepLastError(Process started) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(started.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          lastError = line.strip();
        }
      }
    } catch (IOException e) {
      lastError = "its standard error could not be read: " + e.getMessage();
    }
  }

  private boolean sleep(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
      return !closed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops the command (SIGTERM, then SIGKILL after {@link #KILL_GRACE}) and closes its output. */
  private void stopCurrent() {
    Process stopping;
    InputStream in;
    synchronized (current) {
      stopping = process;
      process = null;
      in = input;
      input = null;
    }
    if (stopping != null) {
      stop(stopping);
    }
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        LOG.debug("{}: closing its input failed: {}", name, e.getMessage());
      }
    }
  }

  private void stop(Process stopping) {
    // Listed first: once the shell is gone, its children are no longer its descendants.
    List<ProcessHandle> all = new ArrayList<>(stopping.descendants().toList());
    all.add(stopping.toHandle());
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + KILL_GRACE.toNanos();
    for (ProcessHandle handle : all) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || Thread.currentThread().isInterrupted()) {
        break;
      }
      try {
        handle.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (ProcessHandle handle : all) {
      if (handle.isAlive()) {
        LOG.warn("{}: process {} ignored SIGTERM, killing it", name, handle.pid());
        handle.destroyForcibly();
      }
    }
  }

  /**
   * Stops the command (and its children) or closes the pipe, and waits for the reading thread. A
   * reader still waiting for a FIFO's writer is let go by opening the FIFO once for writing.
   */
  @Override
  public void close() throws IOException {
    closed = true;
    Thread reading;
    ScheduledExecutorService watching;
    synchronized (this) {
      reading = thread;
      watching = watchdog;
    }
    if (watching != null) {
      watching.shutdownNow();
    }
    stopCurrent();
    if (reading != null) {
      reading.interrupt();
      if (pipe.isPresent() && reading.isAlive() && !isRecording()) {
        releaseFifo();
      }
      try {
        reading.join(STOP_TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(name + ": interrupted while stopping.", e);
      }
    }
  }

  /**
   * Opens the FIFO for writing and closes it, on a daemon thread (the open blocks while no one
   * reads): a reader blocked in open(2), which no interrupt reaches, gets EOF and sees it is
   * closed.
   */
  private void releaseFifo() {
    Thread releasing =
        new Thread(
            () -> {
              try (OutputStream writer =
                  Files.newOutputStream(pipe.get(), StandardOpenOption.WRITE)) {
                LOG.debug("{}: opened its pipe to let the reader go", name);
              } catch (IOException e) {
                LOG.debug(
                    "{}: opening its pipe to let the reader go failed: {}", name, e.getMessage());
              }
            },
            name + "-release");
    releasing.setDaemon(true);
    releasing.start();
  }

  @Override
  public String toString() {
    return name + " (" + describe() + ")";
  }
}
