package io.releve.gateway.sim;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated bus behind a serial port: socat makes a pseudo-terminal pair, the virtual slaves
 * serve one end, and the gateway opens the other, {@link #gatewaySide()}, with {@code
 * SerialByteStream} as it would a USB level converter, so the real jSerialComm code runs. A pty
 * ignores baud rate and parity: the slaves pace their replies themselves (DESIGN §3.1).
 *
 * <p>Needs {@code socat} on the PATH ({@link #socatAvailable()}; {@code .ci/run} installs it).
 * {@link #close()} stops socat, which ends the serving daemon thread, and removes the links.
 */
public final class PtySlave implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PtySlave.class);

  /** How long socat gets to make both pseudo-terminals. */
  private static final long START_MILLIS = 5_000;

  /** How long {@link #close()} waits for socat and for the serving thread. */
  private static final long STOP_MILLIS = 2_000;

  /** What socat prints once both ends are open (with {@code -d -d}). */
  private static final String READY = "starting data transfer loop";

  private final SimulatedBus bus;
  private final Process socat;
  private final Path directory;
  private final String busSide;
  private final String gatewaySide;
  private final List<String> socatOutput = new ArrayList<>();
  private final AtomicLong failures = new AtomicLong();
  private final InputStream in;
  private final OutputStream out;
  private final Thread thread;
  private volatile boolean closed;

  private PtySlave(SimulatedBus bus, BusTiming timing, Process socat, Path directory)
      throws IOException {
    this.bus = bus;
    this.socat = socat;
    this.directory = directory;
    Thread reader = new Thread(this::readSocatOutput, "sim-pty-socat-" + bus.name());
    reader.setDaemon(true);
    reader.start();
    awaitReady();
    this.busSide = directory.resolve("bus").toRealPath().toString();
    this.gatewaySide = directory.resolve("gateway").toRealPath().toString();
    this.in = new FileInputStream(busSide);
    try {
      this.out = new FileOutputStream(busSide);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    SlaveLine line = new SlaveLine(bus, timing);
    this.thread = new Thread(() -> serve(line), "sim-pty-" + bus.name());
    thread.setDaemon(true);
    thread.start();
  }

  /** Serves {@code bus} at its own timing. */
  public static PtySlave start(SimulatedBus bus) throws IOException {
    return start(bus, bus.timing());
  }

  /**
   * Starts socat and serves {@code bus} on one end of the pair.
   *
   * @param timing the pace of the replies (usually {@code bus.timing()})
   * @throws IOException when socat is missing or does not make the pair in time; the message says
   *     what socat printed
   */
  public static PtySlave start(SimulatedBus bus, BusTiming timing) throws IOException {
    Objects.requireNonNull(bus, "bus");
    Objects.requireNonNull(timing, "timing");
    Path directory = Files.createTempDirectory("releve-pty-");
    Process socat;
    try {
      socat =
          new ProcessBuilder(
                  "socat",
                  "-d",
                  "-d",
                  "pty,raw,echo=0,link=" + directory.resolve("bus"),
                  "pty,raw,echo=0,link=" + directory.resolve("gateway"))
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      Files.deleteIfExists(directory);
      throw new IOException("Cannot start socat for the simulated bus " + bus.name(), e);
    }
    try {
      return new PtySlave(bus, timing, socat, directory);
    } catch (IOException | RuntimeException e) {
      socat.destroyForcibly();
      deleteQuietly(directory);
      throw e;
    }
  }

  /** Whether socat can be started (it is on the PATH and runs). */
  public static boolean socatAvailable() {
    try {
      Process p = new ProcessBuilder("socat", "-V").redirectErrorStream(true).start();
      p.getInputStream().transferTo(OutputStream.nullOutputStream());
      return p.waitFor(STOP_MILLIS, TimeUnit.MILLISECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The pseudo-terminal the gateway opens, e.g. {@code /dev/pts/3}. */
  public String gatewaySide() {
    return gatewaySide;
  }

  public SimulatedBus bus() {
    return bus;
  }

  /** Errors of the serving thread other than the end of the pty at close. */
  public long failures() {
    return failures.get();
  }

  private void serve(SlaveLine line) {
    try {
      line.serve(in, out);
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        failures.incrementAndGet();
        LOG.warn("Simulated bus {} on {}: {}", bus.name(), busSide, e.toString(), e);
      }
    }
  }

  private void readSocatOutput() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(socat.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (socatOutput) {
          socatOutput.add(line);
          socatOutput.notifyAll();
        }
        LOG.debug("socat: {}", line);
      }
    } catch (IOException e) {
      LOG.debug("socat output of {} ended: {}", bus.name(), e.toString());
    }
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_MILLIS);
    synchronized (socatOutput) {
      while (socatOutput.stream().noneMatch(line -> line.contains(READY))) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || !socat.isAlive()) {
          throw new IOException(
              "socat did not make the pseudo-terminal pair for "
                  + bus.name()
                  + " within "
                  + START_MILLIS
                  + " ms; it said: "
                  + String.join(" / ", socatOutput));
        }
        try {
          socatOutput.wait(Math.min(left, 100));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("Interrupted while starting socat", e);
        }
      }
    }
  }

  /** Stops socat (the serving thread then reads the end of the pty) and removes the links. */
  @Override
  public void close() throws IOException {
    closed = true;
    socat.destroy();
    try {
      if (!socat.waitFor(STOP_MILLIS, TimeUnit.MILLISECONDS)) {
        socat.destroyForcibly().waitFor(STOP_MILLIS, TimeUnit.MILLISECONDS);
      }
      thread.join(STOP_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      in.close();
    } finally {
      try {
        out.close();
      } finally {
        deleteQuietly(directory);
      }
    }
  }

  private static void deleteQuietly(Path directory) {
    try {
      Files.deleteIfExists(directory.resolve("bus"));
      Files.deleteIfExists(directory.resolve("gateway"));
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      LOG.warn("Could not remove the pty links in {}: {}", directory, e.toString());
    }
  }

  @Override
  public String toString() {
    return bus + " on " + gatewaySide;
  }
}
