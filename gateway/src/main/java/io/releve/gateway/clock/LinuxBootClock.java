package io.releve.gateway.clock;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's boot id and time since boot: {@code /proc/sys/kernel/random/boot_id}, and {@code
 * /proc/uptime} read once (to 10 ms) to place {@link System#nanoTime()} against the boot, so that a
 * daemon restarted before synchronisation can still re-time the readings of its previous run.
 */
public final class LinuxBootClock implements BootClock {

  static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");
  static final Path UPTIME = Path.of("/proc/uptime");

  private final String bootId;
  private final long offsetNanos;

  private LinuxBootClock(String bootId, long offsetNanos) {
    this.bootId = bootId;
    this.offsetNanos = offsetNanos;
  }

  /**
   * Reads the boot id and the uptime.
   *
   * @throws IOException when {@code /proc} cannot be read (not Linux)
   */
  public static LinuxBootClock open() throws IOException {
    String id = Files.readString(BOOT_ID, StandardCharsets.US_ASCII).trim();
    long nanoTime = System.nanoTime();
    String uptime = Files.readString(UPTIME, StandardCharsets.US_ASCII).trim();
    // "39990.42 78240.43": seconds since boot, then idle seconds summed over the cores
    long sinceBoot =
        new BigDecimal(uptime.substring(0, uptime.indexOf(' '))).movePointRight(9).longValueExact();
    return new LinuxBootClock(id, sinceBoot - nanoTime);
  }

  @Override
  public String bootId() {
    return bootId;
  }

  @Override
  public long sinceBootNanos() {
    return System.nanoTime() + offsetNanos;
  }
}
