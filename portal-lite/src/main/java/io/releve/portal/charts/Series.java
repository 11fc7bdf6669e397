package io.releve.portal.charts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One named row of values, one per period. A {@code null} value is <em>unknown</em> (no reading
 * covers the period) and is drawn differently from zero, which is a real figure (a closed
 * radiator).
 *
 * @param label what the legend and the table's column say, such as {@code 2026} or {@code Médiane
 *     de l’immeuble}
 * @param values one per period, null when unknown, never negative
 */
public record Series(String label, List<BigDecimal> values) {

  /**
   * @throws IllegalArgumentException when a value is negative (consumption never is)
   */
  public Series {
    Objects.requireNonNull(label, "label");
    values = Collections.unmodifiableList(new ArrayList<>(values));
    for (int i = 0; i < values.size(); i++) {
      BigDecimal value = values.get(i);
      if (value != null && value.signum() < 0) {
        throw new IllegalArgumentException(
            "Series [" + label + "] has a negative value " + value + " at period " + i);
      }
    }
  }

  /** The series of these values (null for unknown). */
  public static Series of(String label, BigDecimal... values) {
    return new Series(label, Arrays.asList(values));
  }

  /** Whether at least one value is unknown. */
  public boolean hasUnknown() {
    return values.contains(null);
  }
}
