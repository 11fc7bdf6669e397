package io.releve.gateway.radio;

import io.releve.gateway.config.RadioConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 */
public final class RtlWmbusReceiver implements RadioReceiver {

  private static final Logger LOG = LoggerFactory.getLogger(RtlWmbusReceiver.class);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final String name;
  private final Optional<String> command;
  private final Optional<Path> pipe;
  private final Optional<Integer> rssiOffsetDb;
  private final Clock clock;
  private final Duration firstBackoff;
  private final Duration maxBackoff;

  private volatile boolean closed;
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
    this.name = Objects.requireNonNull(name, "name");
    this.command = Objects.requireNonNull(command, "command");
    this.pipe = Objects.requireNonNull(pipe, "pipe");
    this.rssiOffsetDb = Objects.requireNonNull(rssiOffsetDb, "rssiOffsetDb");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.firstBackoff = Objects.requireNonNull(firstBackoff, "firstBackoff");
    this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
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
    thread = new Thread(() -> read(frames, events), name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether the reading thread has stopped: closed, or a recording read to its end. */
  public boolean finished() {
    Thread reading = thread;
    return reading != null && !reading.isAlive();
  }

  private void read(Consumer<RadioFrame> frames, ReceiverEvents events) {
    boolean recording = pipe.isPresent() && Files.isRegularFile(pipe.get());
    Duration backoff = firstBackoff;
    boolean lost = false;
    while (!closed) {
      String reason;
      try {
        if (input == null) {
          input = Files.newInputStream(pipe.get());
        }
        int good = pump(input, frames, events, lost);
        if (good > 0) {
          lost = false;
          backoff = firstBackoff;
        }
        reason = ended();
      } catch (IOException e) {
        reason = "read failed: " + e.getMessage();
      } finally {
        stopCurrent();
      }
      if (closed || recording) {
        return;
      }
      LOG.warn("{} lost: {}", name, reason);
      events.lost(name, reason);
      lost = true;
      if (!sleep(backoff)) {
        return;
      }
      backoff =
          backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
      if (command.isPresent()) {
        try {
          input = startCommand();
        } catch (IOException e) {
          LOG.warn("{} cannot restart: {}", name, e.getMessage());
        }
      }
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
      if (line.isBlank()) {
        continue;
      }
      RtlWmbusLine parsed;
      try {
        parsed = RtlWmbusLine.parse(line);
      } catch (IllegalArgumentException e) {
        LOG.debug("{} skipped a line that {}", name, e.getMessage());
        events.garbage(name, line.length() + 1);
        continue;
      }
      if (good == 0 && lost) {
        LOG.info("{} recovered", name);
        events.recovered(name);
      }
      good++;
      frames.accept(
          new RadioFrame(
              parsed.telegram(),
              parsed.rssiDbm(rssiOffsetDb),
              Optional.of(parsed.mode()),
              clock.instant(),
              name));
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
    process = started;
    Thread errors = new Thread(() -> keepLastError(started), name + "-stderr");
    errors.setDaemon(true);
    errors.start();
    errorReader = errors;
    return started.getInputStream();
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

  private void stopCurrent() {
    Process current = process;
    process = null;
    if (current != null) {
      current.descendants().forEach(ProcessHandle::destroy);
      current.destroy();
    }
    InputStream in = input;
    input = null;
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        LOG.debug("{}: closing its input failed: {}", name, e.getMessage());
      }
    }
  }

  /** Stops the command (and its children) or closes the pipe, and waits for the reading thread. */
  @Override
  public void close() throws IOException {
    closed = true;
    stopCurrent();
    Thread reading;
    synchronized (this) {
      reading = thread;
    }
    if (reading != null) {
      reading.interrupt();
      try {
        reading.join(STOP_TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(name + ": interrupted while stopping.", e);
      }
    }
  }

  @Override
  public String toString() {
    return name + " (" + describe() + ")";
  }
}
