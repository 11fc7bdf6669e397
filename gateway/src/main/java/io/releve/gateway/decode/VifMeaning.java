package io.releve.gateway.decode;

import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Unit;

/**
 * What a value information field means once normalised: the quantity, the canonical unit and how to
 * get there from the raw number, {@code value = raw × multiplier × 10^exponent}.
 *
 * @param quantity what is measured
 * @param unit the canonical unit of the scaled value
 * @param exponent decimal exponent from the raw number to {@code unit}
 * @param multiplier 1, or 60 / 3600 when a per-minute or per-second flow becomes per hour
 * @param kind how the data bytes are read
 */
record VifMeaning(Quantity quantity, Unit unit, int exponent, int multiplier, ValueKind kind) {

  /** A meaning the decoder keeps as the raw number (unknown, reserved or manufacturer codes). */
  static final VifMeaning UNKNOWN = new VifMeaning(Quantity.OTHER, Unit.NONE, 0, 1, ValueKind.RAW);

  /**
   * A unit sent as text (VIF 0x7C): the quantity is unknown, but correction-factor VIFEs still
   * scale the number.
   */
  static final VifMeaning PLAIN_TEXT =
      new VifMeaning(Quantity.OTHER, Unit.NONE, 0, 1, ValueKind.NUMBER);

  static final VifMeaning MANUFACTURER =
      new VifMeaning(Quantity.MANUFACTURER_SPECIFIC, Unit.NONE, 0, 1, ValueKind.RAW);

  static VifMeaning number(Quantity quantity, Unit unit, int exponent) {
    return new VifMeaning(quantity, unit, exponent, 1, ValueKind.NUMBER);
  }

  static VifMeaning code(Quantity quantity) {
    return new VifMeaning(quantity, Unit.NONE, 0, 1, ValueKind.CODE);
  }

  VifMeaning withQuantity(Quantity other) {
    return new VifMeaning(other, unit, exponent, multiplier, kind);
  }

  VifMeaning plusExponent(int delta) {
    return new VifMeaning(quantity, unit, exponent + delta, multiplier, kind);
  }
}
