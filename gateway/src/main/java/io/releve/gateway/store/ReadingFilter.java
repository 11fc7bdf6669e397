package io.releve.gateway.store;

import io.releve.gateway.device.DeviceIdentity;
import java.time.Instant;
import java.util.Objects;

/**
 * Which readings {@link ReadingStore#find} returns. Start from {@link #all()} and narrow it.
 *
 * @param device only this device, or null
 * @param dwelling only devices installed in this dwelling (site and label; the lot is ignored), or
 *     null
 * @param from received at or after, or null
 * @param to received before, or null
 * @param limit at most this many, the earliest first
 */
public record ReadingFilter(
    DeviceIdentity device, Dwelling dwelling, Instant from, Instant to, int limit) {

  public static final int NO_LIMIT = Integer.MAX_VALUE;

  public ReadingFilter {
    if (limit < 1) {
      throw new IllegalArgumentException("Limit [" + limit + "] must be at least 1.");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "Time range from [" + from + "] to [" + to + "] is empty: from must come before to.");
    }
  }

  public static ReadingFilter all() {
    return new ReadingFilter(null, null, null, null, NO_LIMIT);
  }

  public ReadingFilter device(DeviceIdentity device) {
    return new ReadingFilter(Objects.requireNonNull(device, "device"), dwelling, from, to, limit);
  }

  public ReadingFilter dwelling(SiteCode site, String label) {
    return new ReadingFilter(device, new Dwelling(site, label, null), from, to, limit);
  }

  /** Received in {@code [from, to)}; either may be null for an open end. */
  public ReadingFilter between(Instant from, Instant to) {
    return new ReadingFilter(device, dwelling, from, to, limit);
  }

  public ReadingFilter limit(int limit) {
    return new ReadingFilter(device, dwelling, from, to, limit);
  }
}
