package io.releve.gateway.radio;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by socat, at two fixed link paths: {@link #gatewaySide()} for the
 * driver, {@link #stickSide()} for the fake stick. {@link #unplug()} kills socat, which takes both
 * terminals away as pulling the USB stick would; {@link #plugIn()} makes a new pair at the same
 * links. Without socat the test is skipped, or fails when {@code CI=true}.
 */
final class SocatLink implements AutoCloseable {
  private final Path dir;
  private final Path stickSide;
  private final Path gatewaySide;
  private Process socat;

  SocatLink(Path dir) {
    this.dir = dir;
    this.stickSide = dir.resolve("stick");
    this.gatewaySide = dir.resolve("gateway");
  }

  static void requireSocat() {
    boolean found = false;
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, "socat"))) {
        found = true;
      }
    }
    if (!found && "true".equals(System.getenv("CI"))) {
      fail("socat is missing; .ci/run installs it for the serial tests");
    }
    assumeTrue(found, "socat is not installed: the stick tests need it");
  }

  void plugIn() throws IOException, InterruptedException {
    Files.deleteIfExists(stickSide);
    Files.deleteIfExists(gatewaySide);
    socat =
        new ProcessBuilder(
                "socat", "pty,raw,echo=0,link=" + stickSide, "pty,raw,echo=0,link=" + gatewaySide)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("socat.log").toFile())
            .start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(Files.exists(stickSide) && Files.exists(gatewaySide))) {
      if (!socat.isAlive() || System.nanoTime() > until) {
        socat.destroy();
        fail("socat made no pseudo-terminal pair: " + Files.readString(dir.resolve("socat.log")));
      }
      Thread.sleep(10);
    }
  }

  void unplug() throws InterruptedException {
    socat.destroy();
    if (!socat.waitFor(5, TimeUnit.SECONDS)) {
      socat.destroyForcibly();
    }
  }

  Path stickSide() {
    return stickSide;
  }

  Path gatewaySide() {
    return gatewaySide;
  }

  @Override
  public void close() throws InterruptedException {
    if (socat != null) {
      unplug();
    }
  }
}
