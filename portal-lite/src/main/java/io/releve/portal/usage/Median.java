package io.releve.portal.usage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The median of exact decimals. Pure. */
public final class Median {

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private Median() {}

  /**
   * The middle value once sorted; for an even count the mean of the two middle values (exact: a
   * half always has a finite decimal). Null for no values.
   */
  public static BigDecimal of(Collection<BigDecimal> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<BigDecimal> sorted = new ArrayList<>(values);
    sorted.sort(BigDecimal::compareTo);
    int n = sorted.size();
    if (n % 2 == 1) {
      return sorted.get(n / 2);
    }
    return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(TWO);
  }
}
