package io.releve.gateway.cli;

import io.releve.gateway.link.FoundMeter;
import io.releve.gateway.link.ScanListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A scan's progress on stderr, redrawn in place with a carriage return: {@code [#######.......] 48%
 * 120/250 3FFFFFFF 2 found}. Standard output keeps only the results table.
 */
final class ProgressBar implements ScanListener {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private int found;
  private int lastLength;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void progress(int done, int total, String current) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %3d%% %d/%d  %s  %d found",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            total == 0 ? 100 : 100L * done / total,
            done,
            total,
            current,
            found);
    err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    lastLength = line.length();
    err.flush();
  }

  @Override
  public void found(FoundMeter meter) {
    found++;
  }

  /** Ends the line the bar was drawn on. */
  void finish() {
    if (lastLength > 0) {
      err.println();
      err.flush();
    }
  }
}
