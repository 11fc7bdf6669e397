package io.releve.gateway.sim.radio;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stick behind a pseudo-terminal pair made by socat, as {@code sim/PtySlave} makes one: the host
 * opens {@link #describe()}, a link that stays at the same path when the stick is unplugged (socat
 * stopped, the link removed) and plugged back (a new socat, the link made again). When the host
 * closes its side socat ends; it is then started again at once, as a stick stays plugged in.
 */
final class PtyStickPort implements StickPort {
  private static final Logger LOG = LoggerFactory.getLogger(PtyStickPort.class);
  private static final long START_MILLIS = 5_000;
  private static final long STOP_MILLIS = 2_000;
  private static final String READY = "starting data transfer loop";

  private final Path directory;
  private final Path stickSide;
  private final Path hostSide;
  private Process socat;
  private boolean unplugged;
  private boolean closed;

  PtyStickPort() throws IOException {
    this.directory = Files.createTempDirectory("releve-stick-");
    this.stickSide = directory.resolve("stick");
    this.hostSide = directory.resolve("gateway");
    startSocat();
  }

  @Override
  public String describe() {
    return hostSide.toString();
  }

  @Override
  public synchronized Line await() throws IOException, InterruptedException {
    while (!closed && (unplugged || socat == null)) {
      wait();
    }
    if (closed) {
      return null;
    }
    if (!socat.isAlive()) {
      startSocat();
    }
    FileInputStream in = new FileInputStream(stickSide.toFile());
    OutputStream out;
    try {
      out = new FileOutputStream(stickSide.toFile());
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new Line(
        in,
        out,
        () -> {
          try {
            in.close();
          } finally {
            out.close();
          }
        });
  }

  @Override
  public synchronized void unplug() throws IOException {
    unplugged = true;
    stopSocat();
  }

  @Override
  public synchronized void replug() throws IOException {
    if (unplugged && !closed) {
      startSocat();
      unplugged = false;
      notifyAll();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    notifyAll();
    stopSocat();
    Files.deleteIfExists(directory);
  }

  private void startSocat() throws IOException {
    Process p =
        new ProcessBuilder(
                "socat",
                "-d",
                "-d",
                "pty,raw,echo=0,link=" + stickSide,
                "pty,raw,echo=0,link=" + hostSide)
            .redirectErrorStream(true)
            .start();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_MILLIS);
    StringBuilder said = new StringBuilder();
    String line;
    while ((line = reader.readLine()) != null && !line.contains(READY)) {
      said.append(line).append(" / ");
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    if (line == null || !line.contains(READY)) {
      p.destroyForcibly();
      throw new IOException("socat did not make the stick's pseudo-terminals; it said: " + said);
    }
    // keep reading what socat says, so that it never blocks on a full pipe
    Thread drain =
        new Thread(
            () -> {
              try {
                String more;
                while ((more = reader.readLine()) != null) {
                  LOG.debug("socat: {}", more);
                }
              } catch (IOException e) {
                LOG.debug("socat output ended: {}", e.toString());
              }
            },
            "sim-stick-socat");
    drain.setDaemon(true);
    drain.start();
    socat = p;
    LOG.debug("Virtual stick pseudo-terminal at {}", hostSide);
  }

  private void stopSocat() throws IOException {
    Process p = socat;
    socat = null;
    if (p == null) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(STOP_MILLIS, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(STOP_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(stickSide);
    Files.deleteIfExists(hostSide);
  }
}
