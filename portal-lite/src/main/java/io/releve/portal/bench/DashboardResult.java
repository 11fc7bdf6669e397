package io.releve.portal.bench;

import java.util.List;
import java.util.Locale;

/**
 * One run of the dashboard benchmark.
 *
 * @param nanos each timed GET of a dashboard, in order
 * @param baselineP95 the 95th percentile of the login page's GETs in the same run: the portal's
 *     floor for any page on this machine, for comparison
 */
record DashboardResult(
    int dwellings,
    int days,
    long readings,
    double storeSeconds,
    double rollupSeconds,
    int residents,
    long[] nanos,
    long baselineP95) {

  long p95() {
    return DashboardBench.percentile(nanos, 95);
  }

  /** The 95th percentile over the target (50 ms): at most 1.0 meets DESIGN §9. */
  double ratio() {
    return p95() / (double) DashboardBench.TARGET.toNanos();
  }

  /** The report, one {@code key=value} a line, the ratio last but one and the target last. */
  List<String> lines() {
    return List.of(
        "dwellings=" + dwellings,
        "days=" + days,
        "readings=" + readings,
        String.format(Locale.ROOT, "store_s=%.1f", storeSeconds),
        String.format(Locale.ROOT, "rollups_s=%.1f", rollupSeconds),
        "residents=" + residents,
        "requests=" + nanos.length,
        ms("p50_ms", DashboardBench.percentile(nanos, 50)),
        ms("p95_ms", p95()),
        ms("p99_ms", DashboardBench.percentile(nanos, 99)),
        ms("max_ms", DashboardBench.percentile(nanos, 100)),
        ms("login_page_p95_ms", baselineP95),
        String.format(Locale.ROOT, "ratio=%.3f", ratio()),
        "target_ms=" + DashboardBench.TARGET.toMillis());
  }

  private static String ms(String key, long nanos) {
    return String.format(Locale.ROOT, "%s=%.2f", key, nanos / 1e6);
  }
}
