package io.releve.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;

/**
 * One reading of the gateway's outbox: one normalised value from one meter at one time.
 *
 * @param seq the outbox sequence number, 1 or more
 * @param device the meter's link-layer identity key, {@code MAN-IIIIIIII-VV-TT} ({@code
 *     SEN-12345601-68-16}; version and type in hex)
 * @param medium what the meter measures ({@code cold_water}, {@code heat_cost_allocator}…); an open
 *     vocabulary
 * @param quantity what the value is ({@code volume}, {@code heat_cost_allocation}, {@code date}…);
 *     an open vocabulary
 * @param value the exact value as text: a plain decimal ({@code 123.456}, never an exponent) when
 *     {@code valueKind} is {@code number}, any text (an ISO-8601 date, a firmware string) otherwise
 * @param valueKind {@code number} or {@code text}
 * @param unit the unit of a number ({@code m3}, {@code kWh}, {@code HCA}); empty for a date or a
 *     dimensionless value
 * @param storage the storage number: 0 is the current value, 1 usually the last set-day value
 * @param tariff the tariff, 0 when none
 * @param subunit the device subunit, 0 when none
 * @param function {@code instantaneous}, {@code maximum}, {@code minimum} or {@code error}
 * @param meterTime the meter's own time for this value, or null when it sent none
 * @param receivedAt when the gateway received the frame (to the millisecond)
 * @param clockState whether the gateway's clock was synchronised then
 * @param source the bus, radio receiver or file it came from
 * @param rssi the received signal strength in dBm for a radio reading; null for a wired one
 * @param status the frame's status byte (EN 13757-3 TPL), 0 to 255
 */
public record ReadingEntry(
    @JsonProperty(required = true) long seq,
    String device,
    String medium,
    String quantity,
    String value,
    ValueKind valueKind,
    String unit,
    @JsonProperty(required = true) int storage,
    @JsonProperty(required = true) int tariff,
    @JsonProperty(required = true) int subunit,
    RecordFunction function,
    Instant meterTime,
    Instant receivedAt,
    ClockState clockState,
    String source,
    Integer rssi,
    @JsonProperty(required = true) int status)
    implements Sequenced {

  /** Long enough for any text a meter sends in a data record. */
  static final int MAX_TEXT_LENGTH = 256;

  /** How {@link #value()} is to be read. */
  public enum ValueKind {
    /** An exact decimal number in {@link #unit()}. */
    NUMBER,
    /** Text: a date, a time, a string the meter sends. */
    TEXT;

    @JsonValue
    public String wireName() {
      return Wire.name(this);
    }

    /**
     * @throws ContractException when {@code name} is not one of the kinds
     */
    @JsonCreator
    public static ValueKind fromWireName(String name) {
      return Wire.parse("Value kind", name, values());
    }
  }

  /** Whether the gateway's clock could be trusted when it received the reading. */
  public enum ClockState {
    /** Synchronised (NTP). */
    SYNCHRONISED,
    /** Not yet synchronised: {@code received_at} may be wrong. */
    UNSYNCHRONISED,
    /** Received before synchronisation and re-timed from the monotonic clock once it came. */
    RETIMED;

    @JsonValue
    public String wireName() {
      return Wire.name(this);
    }

    /**
     * @throws ContractException when {@code name} is not one of the states
     */
    @JsonCreator
    public static ClockState fromWireName(String name) {
      return Wire.parse("Clock state", name, values());
    }
  }

  /** The function field of the data record (EN 13757-3). */
  public enum RecordFunction {
    INSTANTANEOUS,
    MAXIMUM,
    MINIMUM,
    ERROR;

    @JsonValue
    public String wireName() {
      return Wire.name(this);
    }

    /**
     * @throws ContractException when {@code name} is not one of the functions
     */
    @JsonCreator
    public static RecordFunction fromWireName(String name) {
      return Wire.parse("Function", name, values());
    }
  }

  /**
   * Checks every field.
   *
   * @throws ContractException naming the first bad field and its value
   */
  public ReadingEntry {
    Check.seq("seq", seq);
    Check.deviceKey("device", device);
    Check.word("medium", medium);
    Check.word("quantity", quantity);
    Check.present("value", value);
    Check.present("value_kind", valueKind);
    if (valueKind == ValueKind.NUMBER) {
      Check.matches(
          "value",
          value,
          Check.DECIMAL,
          "a plain decimal such as 123.456 when value_kind is number");
    } else {
      Check.anyText("value", value, MAX_TEXT_LENGTH);
    }
    Check.anyText("unit", unit, 16);
    Check.atLeast("storage", storage, 0);
    Check.atLeast("tariff", tariff, 0);
    Check.atLeast("subunit", subunit, 0);
    Check.present("function", function);
    Check.present("received_at", receivedAt);
    Check.present("clock_state", clockState);
    Check.text("source", source, MAX_TEXT_LENGTH);
    Check.between("status", status, 0, 255);
  }
}
