package io.releve.portal.export;

import io.releve.portal.usage.Fluid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The current index of one device.
 *
 * @param serial the serial printed on the device (what the resident can read on it)
 * @param fluid the dashboard's fluid it counts for
 * @param medium the gateway's medium name, such as {@code cold_water} or {@code
 *     heat_cost_allocator}
 * @param room the room label of an allocator's radiator, {@code ""} when none
 * @param value the index, every decimal the device gave
 * @param unit the unit code ({@code m3}, {@code kWh}, {@code U})
 * @param readAt when the reading was received
 */
public record IndexLine(
    String serial,
    Fluid fluid,
    String medium,
    String room,
    BigDecimal value,
    String unit,
    Instant readAt) {

  public IndexLine {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(fluid, "fluid");
    Objects.requireNonNull(medium, "medium");
    Objects.requireNonNull(room, "room (say \"\" when none)");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(readAt, "readAt");
  }
}
