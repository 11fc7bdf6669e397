package io.releve.gateway.sim.building;

import java.time.LocalDate;

/**
 * The weather the simulated building heats against: a smooth yearly cycle of the daily mean outdoor
 * temperature, close to the climate normals of Paris (about 4 °C in January, 20 °C in July), and
 * the heating degrees it gives.
 */
public final class Season {

  /** Heating base temperature: no heating when the day is this warm (French DJU convention). */
  public static final double BASE_TEMPERATURE = 16.0;

  private static final double MEAN = 12.0;
  private static final double AMPLITUDE = 8.5;

  /** Day of the year of the coldest day: late January. */
  private static final int COLDEST_DAY = 20;

  private static final double DAYS_PER_YEAR = 365.25;

  private Season() {}

  /** The day's mean outdoor temperature, °C. */
  public static double outdoorTemperature(LocalDate day) {
    double angle = 2 * Math.PI * (day.getDayOfYear() - COLDEST_DAY) / DAYS_PER_YEAR;
    return MEAN - AMPLITUDE * Math.cos(angle);
  }

  /** Heating degrees of the day: how far below the base the day is, 0 in summer (K). */
  public static double heatingDegrees(LocalDate day) {
    return Math.max(0.0, BASE_TEMPERATURE - outdoorTemperature(day));
  }
}
