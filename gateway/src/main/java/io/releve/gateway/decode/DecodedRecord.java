package io.releve.gateway.decode;

import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import java.util.Objects;

/**
 * One data record of a frame, normalised.
 *
 * @param quantity what is measured; {@link Quantity#OTHER} when the VIF (or a VIFE that changes its
 *     meaning) is not normalised, in which case {@code value} is the number as sent
 * @param value a number exactly scaled to {@code unit}, or text: an ISO-8601 date or date-time, a
 *     string the meter sends, or the digits of a BCD value that carries error nibbles
 * @param unit the canonical unit of {@code value}
 * @param storage storage number from DIF and DIFEs (0 = current value)
 * @param tariff tariff number from the DIFEs (0 = total)
 * @param subunit device subunit from the DIFEs
 * @param function the DIF function field
 * @param dibHex the record's DIF and DIFEs as sent, upper-case hex, for traceability
 * @param vibHex the record's VIF, VIFEs (and plain-text unit) as sent, upper-case hex
 */
public record DecodedRecord(
    Quantity quantity,
    Value value,
    Unit unit,
    int storage,
    int tariff,
    int subunit,
    RecordFunction function,
    String dibHex,
    String vibHex) {

  public DecodedRecord {
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(dibHex, "dibHex");
    Objects.requireNonNull(vibHex, "vibHex");
  }
}
