package io.releve.gateway.reading;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import java.time.Instant;
import java.util.Objects;

/**
 * One normalised value from one meter at one time (DESIGN §3.1): what the store keeps, what the
 * leak detector reads and what the uplink sends.
 *
 * @param device the link-layer identity of the meter
 * @param medium from the device type
 * @param quantity what is measured
 * @param value scaled to {@code unit}
 * @param unit the unit of {@code value}
 * @param storage storage number (0 = current value, 1 = e.g. the last set-day value)
 * @param tariff tariff number, 0 when none
 * @param subunit device subunit, 0 when none
 * @param function instantaneous, maximum, minimum or error
 * @param meterTime the meter's own time stamp for this value, or null when it sent none
 * @param receivedAt when the gateway received the frame
 * @param clockState whether {@code receivedAt} came from a synchronised clock
 * @param source where it came from: a bus name, or a stick name
 * @param rssiDbm received signal strength for radio, or null
 * @param status the TPL status byte of the frame
 */
public record Reading(
    DeviceIdentity device,
    Medium medium,
    Quantity quantity,
    Value value,
    Unit unit,
    int storage,
    int tariff,
    int subunit,
    RecordFunction function,
    Instant meterTime,
    Instant receivedAt,
    ClockState clockState,
    String source,
    Integer rssiDbm,
    int status) {

  public Reading {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(medium, "medium");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(clockState, "clockState");
    Objects.requireNonNull(source, "source");
  }

  /** This reading as received at {@code at} by a clock in {@code state}: how it was stored. */
  public Reading withReceivedAt(Instant at, ClockState state) {
    return new Reading(
        device, medium, quantity, value, unit, storage, tariff, subunit, function, meterTime, at,
        state, source, rssiDbm, status);
  }
}
