package io.releve.portal.alerts;

import io.releve.portal.account.Access;
import io.releve.portal.account.Window;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.Residency;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The alerts a resident may see, on both engines. Which ones, precisely:
 *
 * <ul>
 *   <li>the alerts of the meters assigned to the dwelling ({@code devices.dwelling}), installed or
 *       since removed;
 *   <li>an <b>active</b> alert (no end) when the resident lives there now — the window contains now
 *       — whenever it started: a leak that began before the move-in and still runs is the new
 *       occupant's leak now; its onset and loss are shown as the gateway measured them;
 *   <li>a <b>closed</b> alert when it was going on at some moment of the window: it started before
 *       the window's end and ended after its start. So an alert that ended before the move-in (at
 *       00:00 of the move-in day included) is never shown, and neither is one that started after
 *       the move-out.
 * </ul>
 *
 * The window is the account's current one: its active residency (latest move-in first) of a role
 * that sees data — an owner lessor's never counts, nor a pending, ended, rejected or lapsed stay
 * (see {@link Access}).
 */
public final class ResidentAlerts {

  private static final String COLUMNS =
      "a.gateway, a.epoch, a.alert_id, a.device, d.printed_serial, d.medium, a.type, a.condition,"
          + " a.level, a.start, a.detected_at, a.ended_at, a.total_loss_m3, a.average_flow_lph,"
          + " a.source";

  /** Active first (latest start first), then closed ones, latest end first. */
  static final Comparator<Alert> ORDER =
      Comparator.comparing((Alert a) -> a.active() ? 0 : 1)
          .thenComparing(a -> a.active() ? a.start() : a.end(), Comparator.reverseOrder())
          .thenComparing(Alert::start, Comparator.reverseOrder())
          .thenComparing(Alert::device)
          .thenComparing(Alert::gateway)
          .thenComparing(Alert::epoch)
          .thenComparing(Alert::id);

  /**
   * The banner's one query: the account's current residency (as {@link #window} picks it) joined to
   * its dwelling's meters and their active alerts, counted only while that stay covers today.
   */
  private static final String ACTIVE_COUNT =
      "SELECT count(*) FROM (SELECT r.dwelling, r.move_in, r.move_out FROM residencies r"
          + " WHERE r.account = ? AND r.state = 'active' AND r.role <> '"
          + Role.OWNER_LESSOR.value()
          + "' ORDER BY r.move_in DESC, r.id DESC LIMIT 1) h"
          + " JOIN devices d ON d.dwelling = h.dwelling"
          + " JOIN alerts a ON a.device = d.device"
          + " WHERE a.ended_at IS NULL AND h.move_in <= ?"
          + " AND (h.move_out IS NULL OR h.move_out >= ?)";

  private final Residencies residencies;
  private final ZoneId siteZone;

  public ResidentAlerts(Residencies residencies, ZoneId siteZone) {
    this.residencies = Objects.requireNonNull(residencies, "residencies");
    this.siteZone = Objects.requireNonNull(siteZone, "siteZone");
  }

  /**
   * The window the account's alerts are shown for: its first active residency, latest move-in
   * first, that gives one; empty for an account that lives nowhere now or only as an owner lessor.
   */
  public Optional<Window> window(Connection c, long account) throws SQLException {
    for (Residency residency : residencies.ofAccount(c, account)) {
      if (residency.state() == ResidencyState.ACTIVE) {
        Optional<Window> window = Access.of(residency, siteZone);
        if (window.isPresent()) {
          return window;
        }
      }
    }
    return Optional.empty();
  }

  /** The account's alerts now: {@link #of} over {@link #window}; empty without a window. */
  public List<Alert> ofAccount(Connection c, long account, Instant now) throws SQLException {
    Optional<Window> window = window(c, account);
    return window.isEmpty() ? List.of() : of(c, window.get(), now);
  }

  /**
   * How many active alerts the account's banner shows, in one statement: the same as the active
   * ones of {@link #ofAccount}, without reading them.
   */
  public int activeCount(Connection c, long account, Instant now) throws SQLException {
    String today = LocalDate.ofInstant(now, siteZone).toString();
    try (PreparedStatement select = c.prepareStatement(ACTIVE_COUNT)) {
      select.setLong(1, account);
      select.setString(2, today);
      select.setString(3, today);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  /**
   * The alerts of {@code window}'s dwelling that its holder may see at {@code now} (the rules of
   * this class), active first, latest first; a manager's view may pass a window of its own.
   *
   * @throws SQLException also when a stored loss or flow is not a decimal
   */
  public static List<Alert> of(Connection c, Window window, Instant now) throws SQLException {
    boolean livesThereNow = window.contains(now);
    List<Alert> result = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM alerts a JOIN devices d ON d.device = a.device"
                + " WHERE d.dwelling = ? AND a.start < ?"
                + " AND (a.ended_at IS NULL OR a.ended_at > ?)")) {
      select.setLong(1, window.dwelling());
      select.setLong(2, window.untilMillis());
      select.setLong(3, window.fromMillis());
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          Alert alert = read(row);
          if (!alert.active() || livesThereNow) {
            result.add(alert);
          }
        }
      }
    }
    result.sort(ORDER);
    return result;
  }

  private static Alert read(ResultSet row) throws SQLException {
    long ended = row.getLong("ended_at");
    Instant end = row.wasNull() ? null : Instant.ofEpochMilli(ended);
    int level = row.getInt("level");
    Integer leakLevel = row.wasNull() ? null : level;
    return new Alert(
        row.getString("gateway"),
        row.getString("epoch"),
        row.getLong("alert_id"),
        row.getString("device"),
        row.getString("printed_serial"),
        row.getString("medium"),
        row.getString("type"),
        row.getString("condition"),
        leakLevel,
        Instant.ofEpochMilli(row.getLong("start")),
        Instant.ofEpochMilli(row.getLong("detected_at")),
        end,
        decimal(row, "total_loss_m3"),
        decimal(row, "average_flow_lph"),
        row.getString("source"));
  }

  private static BigDecimal decimal(ResultSet row, String column) throws SQLException {
    String text = row.getString(column);
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new SQLException(
          "alerts."
              + column
              + " ["
              + text
              + "] of device "
              + row.getString("device")
              + " is not a decimal",
          e);
    }
  }
}
