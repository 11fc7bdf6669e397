package io.releve.gateway.transport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair joined by socat ({@code socat pty,raw,echo=0 pty,raw,echo=0}): what one
 * end writes, the other reads, as through a null-modem cable. Without socat the test is skipped, or
 * fails when {@code CI=true}, since CI installs it.
 */
final class SocatPair implements AutoCloseable {
  private final Process socat;
  private final Path master;
  private final Path slave;

  private SocatPair(Process socat, Path master, Path slave) {
    this.socat = socat;
    this.master = master;
    this.slave = slave;
  }

  static SocatPair start(Path dir) throws IOException, InterruptedException {
    requireSocat();
    Path masterLink = dir.resolve("master");
    Path slaveLink = dir.resolve("slave");
    Process socat =
        new ProcessBuilder(
                "socat", "pty,raw,echo=0,link=" + masterLink, "pty,raw,echo=0,link=" + slaveLink)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("socat.log").toFile())
            .start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(Files.exists(masterLink) && Files.exists(slaveLink))) {
      if (!socat.isAlive() || System.nanoTime() > until) {
        socat.destroy();
        fail("socat made no pseudo-terminal pair: " + Files.readString(dir.resolve("socat.log")));
      }
      Thread.sleep(10);
    }
    // the /dev/pts names behind the links: jSerialComm opens the device itself
    return new SocatPair(socat, masterLink.toRealPath(), slaveLink.toRealPath());
  }

  private static void requireSocat() {
    String path = System.getenv().getOrDefault("PATH", "");
    boolean found = false;
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "socat"))) {
        found = true;
      }
    }
    if (!found && "true".equals(System.getenv("CI"))) {
      fail("socat is missing; .ci/run installs it for the serial tests");
    }
    assumeTrue(found, "socat is not installed: the serial tests need it");
  }

  /** The end the master (jSerialComm) opens. */
  Path master() {
    return master;
  }

  /** The end the simulated slave reads and writes. */
  Path slave() {
    return slave;
  }

  @Override
  public void close() throws InterruptedException {
    socat.destroy();
    if (!socat.waitFor(5, TimeUnit.SECONDS)) {
      socat.destroyForcibly();
    }
  }
}
