package io.releve.gateway.decode;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    List<DecodedRecord> records,
    Optional<String> applicationError,
    boolean moreRecordsFollow,
    String manufacturerData) {

  /** Access number or status of a frame whose header has none. */
  public static final int NOT_PRESENT = -1;

  public DecodedFrame {
    Objects.requireNonNull(medium, "medium");
    records = List.copyOf(records);
    Objects.requireNonNull(applicationError, "applicationError");
    Objects.requireNonNull(manufacturerData, "manufacturerData");
  }

  /**
   * The records as normalised readings, in frame order. A frame without identity gives none. {@code
   * meterTime} is left null: the meter's clock is local time in a zone the frame does not give; the
   * daemon, which knows the installation's zone, fills it.
   *
   * @param receivedAt when the gateway received the frame
   * @param clock whether the gateway's clock was synchronised then
   * @param source the bus or stick name
   */
  public List<Reading> toReadings(Instant receivedAt, ClockState clock, String source) {
    if (device == null) {
      return List.of();
    }
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
              null,
              receivedAt,
              clock,
              source,
              null,
              status == NOT_PRESENT ? 0 : status));
    }
    return readings;
  }
}
