package io.releve.gateway.reading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A data record's value: a number already scaled to its {@link Unit}, or text (an ISO-8601 date or
 * time, or a string the meter sends).
 */
public sealed interface Value {

  /** A number scaled to the record's unit; exact, so 12.345 m3 stays 12.345. */
  record Number(BigDecimal amount) implements Value {
    public Number {
      Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String text() {
      return amount.toPlainString();
    }
  }

  /** An ISO-8601 date or date-time, or text such as a firmware string. */
  record Text(String text) implements Value {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The value as text: plain decimal for numbers (never scientific notation). */
  String text();

  static Value of(BigDecimal amount) {
    return new Number(amount);
  }

  static Value of(String text) {
    return new Text(text);
  }
}
