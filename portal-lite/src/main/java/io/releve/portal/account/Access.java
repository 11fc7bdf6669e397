package io.releve.portal.account;

import io.releve.portal.store.Residencies;
import io.releve.portal.store.Residency;
import io.releve.portal.store.ResidencyState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The privacy rule every reader of consumption data goes through: a resident sees one dwelling
 * between their move-in and their move-out only, so a new occupant never sees the previous
 * occupant's data and a former occupant sees nothing after leaving. Only active or ended
 * residencies count (a pending one shows nothing until decided), and never an owner lessor's.
 */
public final class Access {

  private final Residencies residencies;
  private final ZoneId siteZone;

  public Access(Residencies residencies, ZoneId siteZone) {
    this.residencies = Objects.requireNonNull(residencies, "residencies");
    this.siteZone = Objects.requireNonNull(siteZone, "siteZone");
  }

  /**
   * The window of the account's current dwelling: its active residency, else the one it left last.
   */
  public Optional<Window> window(Connection c, long account) throws SQLException {
    return latest(residencies.ofAccount(c, account), siteZone);
  }

  /** The window of the account on {@code dwelling}; empty when it may see nothing of it. */
  public Optional<Window> window(Connection c, long account, long dwelling) throws SQLException {
    return latest(
        residencies.ofAccount(c, account).stream().filter(r -> r.dwelling() == dwelling).toList(),
        siteZone);
  }

  /**
   * The window one residency gives: 00:00 of its move-in day to 00:00 of the day after its move-out
   * (both in {@code zone}); empty when it gives none (pending, rejected, lapsed, owner lessor).
   */
  public static Optional<Window> of(Residency residency, ZoneId zone) {
    boolean counts =
        residency.state() == ResidencyState.ACTIVE || residency.state() == ResidencyState.ENDED;
    if (!counts || !residency.role().seesData()) {
      return Optional.empty();
    }
    if (residency.moveOut() != null && residency.moveOut().isBefore(residency.moveIn())) {
      // a move-out before the move-in gives nothing rather than a window that starts too early
      return Optional.empty();
    }
    return Optional.of(
        new Window(
            residency.dwelling(),
            residency.moveIn().atStartOfDay(zone).toInstant(),
            residency.moveOut() == null
                ? null
                : residency.moveOut().plusDays(1).atStartOfDay(zone).toInstant()));
  }

  /**
   * Among {@code candidates}, the window of the active residency, else of the latest ended one
   * (latest move-in first, as the store lists them).
   */
  static Optional<Window> latest(List<Residency> candidates, ZoneId zone) {
    for (ResidencyState wanted : List.of(ResidencyState.ACTIVE, ResidencyState.ENDED)) {
      for (Residency residency : candidates) {
        if (residency.state() == wanted) {
          Optional<Window> window = of(residency, zone);
          if (window.isPresent()) {
            return window;
          }
        }
      }
    }
    return Optional.empty();
  }
}
