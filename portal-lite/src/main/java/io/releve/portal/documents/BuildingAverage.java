package io.releve.portal.documents;

import io.releve.portal.usage.FluidUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The building average of a statement (DESIGN §6, "the building average"): the mean, over the
 * site's dwellings that have a device of the fluid with that unit and a known use that month
 * ({@code device_months.days} above 0), of each dwelling's monthly use (the sum of its devices'
 * {@code device_months.used}, removed devices included). Whole months of whole dwellings, as {@link
 * io.releve.portal.usage.Usage#buildingMedian} counts them.
 */
final class BuildingAverage {

  /**
   * Fewer dwellings are not averaged: with two, a resident would subtract their own use and read
   * their neighbour's.
   */
  static final int MIN_DWELLINGS = 3;

  /** Decimals of the mean, at least (a sum with more keeps its own). */
  private static final int DECIMALS = 2;

  /** A mean and how many dwellings it is of. */
  record Figure(BigDecimal mean, int dwellings) {}

  private BuildingAverage() {}

  /** The figure of {@code of} in {@code month} on {@code site}; null when it is not shown. */
  static Figure of(Connection c, String site, FluidUnit of, YearMonth month) throws SQLException {
    List<String> media = of.fluid().media();
    String placeholders = String.join(", ", Collections.nCopies(media.size(), "?"));
    Map<Long, BigDecimal> perDwelling = new HashMap<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT d.dwelling, m.used FROM dwellings w"
                + " JOIN devices d ON d.dwelling = w.id JOIN device_months m ON m.device = d.device"
                + " WHERE w.site = ? AND m.month = ? AND m.unit = ? AND m.days > 0"
                + " AND d.medium IN ("
                + placeholders
                + ")")) {
      select.setString(1, site);
      select.setString(2, month.toString());
      select.setString(3, of.unit().code());
      for (int i = 0; i < media.size(); i++) {
        select.setString(4 + i, media.get(i));
      }
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          perDwelling.merge(row.getLong(1), new BigDecimal(row.getString(2)), BigDecimal::add);
        }
      }
    }
    return mean(perDwelling.values());
  }

  /**
   * The mean of the dwellings' uses with {@value #DECIMALS} decimals (or the uses' own, when more),
   * rounded half up; null under {@value #MIN_DWELLINGS} dwellings. Pure.
   */
  static Figure mean(Collection<BigDecimal> uses) {
    if (uses.size() < MIN_DWELLINGS) {
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal use : uses) {
      sum = sum.add(use);
    }
    BigDecimal mean =
        sum.divide(
            BigDecimal.valueOf(uses.size()), Math.max(DECIMALS, sum.scale()), RoundingMode.HALF_UP);
    return new Figure(mean, uses.size());
  }
}
