package io.releve.gateway.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each kind of row is kept (DESIGN §3.2): raw frames for a shorter time than readings.
 *
 * @param rawFrames age after which raw frames are deleted
 * @param readings age after which readings are deleted; at least {@code rawFrames}
 * @param quarantine age after which quarantined frames are deleted
 */
public record RetentionPolicy(Duration rawFrames, Duration readings, Duration quarantine) {

  public RetentionPolicy {
    requirePositive("Raw frame retention", rawFrames);
    requirePositive("Reading retention", readings);
    requirePositive("Quarantine retention", quarantine);
    if (readings.compareTo(rawFrames) < 0) {
      throw new IllegalArgumentException(
          "Reading retention ["
              + readings
              + "] must be at least the raw frame retention ["
              + rawFrames
              + "]: raw frames are kept for a shorter time than readings.");
    }
  }

  public static RetentionPolicy ofDays(int rawFrames, int readings, int quarantine) {
    return new RetentionPolicy(
        Duration.ofDays(rawFrames), Duration.ofDays(readings), Duration.ofDays(quarantine));
  }

  private static void requirePositive(String what, Duration duration) {
    Objects.requireNonNull(duration, what);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " [" + duration + "] must be positive.");
    }
  }
}
