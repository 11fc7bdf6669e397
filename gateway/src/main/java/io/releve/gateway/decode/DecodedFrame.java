package io.releve.gateway.decode;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Value;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One decoded wired frame (RSP_UD).
 *
 * @param device the identity from the application header; null only when the frame carries none (CI
 *     0x70 application errors): such frames give no readings
 * @param medium from the device type; {@link Medium#UNKNOWN} when there is no identity
 * @param accessNumber the access number, or {@link #NOT_PRESENT} when the frame has none
 * @param status the status byte, or {@link #NOT_PRESENT} when the frame has none
 * @param statusFlags the status byte bit by bit; empty when the frame has no status byte
 * @param records the data records in frame order, without idle fillers and records with no data
 * @param applicationError for CI 0x70 frames, the error the slave reports ("Application busy")
 * @param moreRecordsFollow the frame ends with DIF 0x1F: ask again for the next telegram
 * @param manufacturerData the bytes after DIF 0x0F or 0x1F, kept raw as upper-case hex ("" if none)
 */
public record DecodedFrame(
    DeviceIdentity device,
    Medium medium,
    int accessNumber,
    int status,
    Optional<StatusFlags> statusFlags,
    List<DecodedRecord> records,
    Optional<String> applicationError,
    boolean moreRecordsFollow,
    String manufacturerData) {

  /** Access number or status of a frame whose header has none. */
  public static final int NOT_PRESENT = -1;

  /** {@code 2025-12-31}: longer ISO-8601 text carries a time of day. */
  private static final int ISO_DATE_LENGTH = 10;

  public DecodedFrame {
    Objects.requireNonNull(medium, "medium");
    Objects.requireNonNull(statusFlags, "statusFlags");
    if (statusFlags.isPresent() == (status == NOT_PRESENT)) {
      throw new IllegalArgumentException(
          "Status flags must be given exactly when the status byte is: status " + status + ".");
    }
    records = List.copyOf(records);
    Objects.requireNonNull(applicationError, "applicationError");
    Objects.requireNonNull(manufacturerData, "manufacturerData");
  }

  /**
   * A frame whose status byte sits in a transport layer header (short or long, wired or radio): its
   * flags are read with {@link StatusFlags#of(int)}.
   */
  public DecodedFrame(
      DeviceIdentity device,
      Medium medium,
      int accessNumber,
      int status,
      List<DecodedRecord> records,
      Optional<String> applicationError,
      boolean moreRecordsFollow,
      String manufacturerData) {
    this(
        device,
        medium,
        accessNumber,
        status,
        status == NOT_PRESENT ? Optional.empty() : Optional.of(StatusFlags.of(status)),
        records,
        applicationError,
        moreRecordsFollow,
        manufacturerData);
  }

  /**
   * The meter's error flags: the first record with VIF 0xFD 0x17 for the current value (storage 0,
   * tariff 0, subunit 0, not a value during error state), or empty when the frame has none.
   */
  public Optional<ErrorFlags> errorFlags() {
    for (DecodedRecord record : records) {
      if (record.quantity() == Quantity.ERROR_FLAGS
          && record.storage() == 0
          && record.tariff() == 0
          && record.subunit() == 0
          && record.function() == RecordFunction.INSTANTANEOUS
          && record.value() instanceof Value.Number number) {
        // up to 8 bytes of bit field: the low 64 bits of the number are the bits as sent
        return Optional.of(new ErrorFlags(number.amount().toBigInteger().longValue()));
      }
    }
    return Optional.empty();
  }

  /**
   * The frame's records as normalised readings. Each value is dated with the meter's own time when
   * the frame carries a date or date-time record of the same storage number (the current time for
   * storage 0, the set day for storage 1); meters keep local time, so {@code meterZone} says which
   * zone their clocks are set to. Frames without a device (application errors) give no reading.
   */
  public List<Reading> toReadings(
      Instant receivedAt, ClockState clock, String source, ZoneId meterZone) {
    return toReadings(receivedAt, clock, source, meterZone, null);
  }

  /**
   * {@link #toReadings(Instant, ClockState, String, ZoneId)} for a radio telegram: each reading
   * carries the receiver's signal strength, or null when it gave none.
   */
  public List<Reading> toReadings(
      Instant receivedAt, ClockState clock, String source, ZoneId meterZone, Integer rssiDbm) {
    if (device == null) {
      return List.of();
    }
    Map<Integer, Instant> meterTimes = meterTimes(meterZone);
    List<Reading> readings = new ArrayList<>(records.size());
    for (DecodedRecord record : records) {
      readings.add(
          new Reading(
              device,
              medium,
              record.quantity(),
              record.value(),
              record.unit(),
              record.storage(),
              record.tariff(),
              record.subunit(),
              record.function(),
              meterTimes.get(record.storage()),
              receivedAt,
              clock,
              source,
              rssiDbm,
              status == NOT_PRESENT ? 0 : status));
    }
    return readings;
  }

  /**
   * Storage number to the meter's time stamp for it: a date-time wins over a date. A date record
   * (VIF 0x6C) sent with a 4-byte type F field carries a time too, and is read with it.
   */
  private Map<Integer, Instant> meterTimes(ZoneId zone) {
    Map<Integer, Instant> times = new HashMap<>();
    for (DecodedRecord record : records) {
      if (record.tariff() != 0
          || record.subunit() != 0
          || record.function() != RecordFunction.INSTANTANEOUS) {
        continue; // a date of another tariff, subunit or of an error state dates nothing else
      }
      try {
        if (record.quantity() == Quantity.DATE_TIME) {
          times.put(record.storage(), instant(record.value().text(), zone));
        } else if (record.quantity() == Quantity.DATE) {
          times.putIfAbsent(record.storage(), instant(record.value().text(), zone));
        }
      } catch (DateTimeParseException e) {
        // a time of day alone (type J) or text that is no calendar date: no meter time for it
      }
    }
    return times;
  }

  private static Instant instant(String isoText, ZoneId zone) {
    return isoText.length() > ISO_DATE_LENGTH
        ? LocalDateTime.parse(isoText).atZone(zone).toInstant()
        : LocalDate.parse(isoText).atStartOfDay(zone).toInstant();
  }
}
