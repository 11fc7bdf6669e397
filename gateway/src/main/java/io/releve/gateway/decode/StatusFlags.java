package io.releve.gateway.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The status byte of a frame's transport layer header, bit by bit (EN 13757-7:2018 §7.5.6, the same
 * bits as EN 13757-3 for wired frames): bits 0–1 the application status, bit 2 power low, bit 3
 * permanent error, bit 4 temporary error, bits 5–7 manufacturer specific. In the fixed data
 * structure (CI 0x73) bits 6 and 7 give the counter format instead, so only bit 5 is the
 * manufacturer's there.
 *
 * @param application the application status (bits 0–1)
 * @param powerLow bit 2: the battery is near its end or the external supply failed
 * @param permanentError bit 3: an error that needs a service action
 * @param temporaryError bit 4: an error that may go away by itself
 * @param manufacturerBits the manufacturer-specific bits, in place (a mask of 0xE0, or 0x20 in the
 *     fixed data structure); their meaning depends on the meter
 */
public record StatusFlags(
    ApplicationStatus application,
    boolean powerLow,
    boolean permanentError,
    boolean temporaryError,
    int manufacturerBits) {

  private static final int POWER_LOW = 0x04;
  private static final int PERMANENT_ERROR = 0x08;
  private static final int TEMPORARY_ERROR = 0x10;
  private static final int MANUFACTURER_BITS = 0xE0;

  /** In the fixed data structure, bits 6 (stored values) and 7 (binary counters) are no flags. */
  private static final int FIXED_STRUCTURE_MANUFACTURER_BIT = 0x20;

  public StatusFlags {
    java.util.Objects.requireNonNull(application, "application");
  }

  /** The flags of a status byte sent in a short or long transport layer header. */
  public static StatusFlags of(int status) {
    return decode(status, MANUFACTURER_BITS);
  }

  /** The flags of the status byte of a fixed data structure (CI 0x73). */
  static StatusFlags ofFixedStructure(int status) {
    return decode(status, FIXED_STRUCTURE_MANUFACTURER_BIT);
  }

  private static StatusFlags decode(int status, int manufacturerMask) {
    if (status < 0 || status > 0xFF) {
      throw new IllegalArgumentException("Status byte [" + status + "] is not 0 to 255.");
    }
    return new StatusFlags(
        ApplicationStatus.ofBits(status & 0x03),
        (status & POWER_LOW) != 0,
        (status & PERMANENT_ERROR) != 0,
        (status & TEMPORARY_ERROR) != 0,
        status & manufacturerMask);
  }

  /** True when the meter reports nothing: no error, no alarm, no manufacturer bit. */
  public boolean isEmpty() {
    return labels().isEmpty();
  }

  /**
   * The set flags as JSON names, in bit order: {@code application_busy}, {@code application_error},
   * {@code alarm}, {@code power_low}, {@code permanent_error}, {@code temporary_error}, then {@code
   * manufacturer_5} to {@code manufacturer_7}.
   */
  public List<String> labels() {
    List<String> labels = new ArrayList<>(4);
    if (application != ApplicationStatus.NO_ERROR) {
      labels.add(application.label());
    }
    if (powerLow) {
      labels.add("power_low");
    }
    if (permanentError) {
      labels.add("permanent_error");
    }
    if (temporaryError) {
      labels.add("temporary_error");
    }
    for (int bit = 5; bit <= 7; bit++) {
      if ((manufacturerBits & (1 << bit)) != 0) {
        labels.add("manufacturer_" + bit);
      }
    }
    return labels;
  }
}
