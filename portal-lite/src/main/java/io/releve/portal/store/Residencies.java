package io.releve.portal.store;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.Durability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Residencies: enrolments and, once active, residents' rights to see their dwelling. Methods that
 * take a {@link Connection} run inside the caller's transaction.
 */
public final class Residencies {

  /** A pending enrolment nobody decided on lapses after this long. */
  public static final Duration PENDING_LIFETIME = Duration.ofDays(14);

  private static final String COLUMNS =
      "r.id, r.account, r.dwelling, r.role, r.method, r.move_in, r.move_out, r.state,"
          + " r.created_at, r.decided_at, r.decided_by";

  private final Database database;

  public Residencies(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Records an enrolment, {@link ResidencyState#PENDING} or {@link ResidencyState#ACTIVE}.
   *
   * @return its id
   */
  public long create(
      Connection c,
      long account,
      long dwelling,
      Role role,
      Method method,
      LocalDate moveIn,
      ResidencyState state,
      Instant now)
      throws SQLException {
    if (state != ResidencyState.PENDING && state != ResidencyState.ACTIVE) {
      throw new IllegalArgumentException("A residency starts pending or active, not " + state);
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO residencies (account, dwelling, role, method, move_in, state, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      insert.setLong(1, account);
      insert.setLong(2, dwelling);
      insert.setString(3, role.value());
      insert.setString(4, method.value());
      Sql.setDate(insert, 5, moveIn);
      insert.setString(6, state.value());
      insert.setLong(7, now.toEpochMilli());
      return Sql.returningLong(insert);
    }
  }

  /** The residency of that id. */
  public Optional<Residency> byId(Connection c, long id) throws SQLException {
    return list(c, "r.id = ?", id).stream().findFirst();
  }

  /**
   * Makes a pending residency active with no one's decision: at the account's activation, when the
   * takeover guard asks for none.
   *
   * @return false when it is not pending
   */
  public boolean activate(Connection c, long id) throws SQLException {
    return decide(c, id, ResidencyState.ACTIVE, null, null);
  }

  /**
   * A manager validates a pending residency: it becomes active, and whoever lived in the dwelling
   * (active occupant or owner-occupant residencies and occupancies without a move-out) moved out on
   * its move-in day — or on their own move-in day when that is later, since no one moves out before
   * moving in.
   *
   * @return false when it is not pending (nothing changed)
   */
  public boolean validate(Connection c, long id, long manager, Instant now) throws SQLException {
    Optional<Residency> found = byId(c, id);
    if (found.isEmpty() || !decide(c, id, ResidencyState.ACTIVE, manager, now)) {
      return false;
    }
    Residency residency = found.get();
    if (residency.role().occupies()) {
      String moveIn = residency.moveIn().toString();
      try (PreparedStatement end =
          c.prepareStatement(
              "UPDATE residencies SET state = 'ended',"
                  + " move_out = CASE WHEN move_in > ? THEN move_in ELSE ? END"
                  + " WHERE dwelling = ? AND id <> ? AND state = 'active' AND move_out IS NULL"
                  + " AND role IN ('occupant', 'owner_occupant')")) {
        end.setString(1, moveIn);
        end.setString(2, moveIn);
        end.setLong(3, residency.dwelling());
        end.setLong(4, id);
        end.executeUpdate();
      }
      try (PreparedStatement end =
          c.prepareStatement(
              "UPDATE occupancies SET move_out = CASE WHEN move_in > ? THEN move_in ELSE ? END"
                  + " WHERE dwelling = ? AND move_out IS NULL")) {
        end.setString(1, moveIn);
        end.setString(2, moveIn);
        end.setLong(3, residency.dwelling());
        end.executeUpdate();
      }
    }
    return true;
  }

  /**
   * A manager rejects a pending residency.
   *
   * @return false when it is not pending
   */
  public boolean reject(Connection c, long id, long manager, Instant now) throws SQLException {
    return decide(c, id, ResidencyState.REJECTED, manager, now);
  }

  private static boolean decide(
      Connection c, long id, ResidencyState state, Long manager, Instant now) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE residencies SET state = ?, decided_at = ?, decided_by = ?"
                + " WHERE id = ? AND state = 'pending'")) {
      update.setString(1, state.value());
      Sql.setInstant(update, 2, now);
      Sql.setLong(update, 3, manager);
      update.setLong(4, id);
      return update.executeUpdate() == 1;
    }
  }

  /**
   * Pending residencies created more than {@link #PENDING_LIFETIME} before {@code now} lapse.
   *
   * @return how many lapsed
   */
  public int lapse(Connection c, Instant now) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE residencies SET state = 'lapsed' WHERE state = 'pending' AND created_at < ?")) {
      update.setLong(1, now.minus(PENDING_LIFETIME).toEpochMilli());
      return update.executeUpdate();
    }
  }

  /** {@link #lapse(Connection, Instant)} in a transaction of its own, at the store's clock. */
  public int lapse() {
    return database.write(
        "lapse old pending enrolments", Durability.FULL, c -> lapse(c, database.clock().instant()));
  }

  /**
   * Ends an active residency on {@code moveOut} (a manager's exit, or the account's closing).
   *
   * @return false when it is not active
   * @throws SQLException when {@code moveOut} is before its move-in
   */
  public boolean end(Connection c, long id, LocalDate moveOut) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE residencies SET state = 'ended', move_out = ?"
                + " WHERE id = ? AND state = 'active'")) {
      Sql.setDate(update, 1, moveOut);
      update.setLong(2, id);
      return update.executeUpdate() == 1;
    }
  }

  /**
   * At an account's closing: its active residencies end on {@code moveOut} (or their move-in, when
   * later), its pending ones lapse, since they never took effect.
   *
   * @return how many changed
   */
  public int endAll(Connection c, long account, LocalDate moveOut) throws SQLException {
    int changed;
    String day = moveOut.toString();
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE residencies SET state = 'ended',"
                + " move_out = coalesce(move_out, CASE WHEN move_in > ? THEN move_in ELSE ? END)"
                + " WHERE account = ? AND state = 'active'")) {
      update.setString(1, day);
      update.setString(2, day);
      update.setLong(3, account);
      changed = update.executeUpdate();
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE residencies SET state = 'lapsed' WHERE account = ? AND state = 'pending'")) {
      update.setLong(1, account);
      changed += update.executeUpdate();
    }
    return changed;
  }

  /** Every residency of the account, latest move-in first. */
  public List<Residency> ofAccount(Connection c, long account) throws SQLException {
    return list(c, "r.account = ?", account);
  }

  /** Every residency of the dwelling, latest move-in first. */
  public List<Residency> ofDwelling(Connection c, long dwelling) throws SQLException {
    return list(c, "r.dwelling = ?", dwelling);
  }

  /**
   * The account's active residency: what it may see, between move-in and move-out. The latest
   * move-in when there are several.
   */
  public Optional<Residency> activeWindow(Connection c, long account) throws SQLException {
    return list(c, "r.account = ? AND r.state = 'active'", account).stream().findFirst();
  }

  /** {@link #activeWindow(Connection, long)} in a transaction of its own. */
  public Optional<Residency> activeWindow(long account) {
    return database.read("find the active residency of " + account, c -> activeWindow(c, account));
  }

  /**
   * The pending residencies a manager decides on: those of the manager's sites whose account is
   * activated (an e-mail not yet proven asks nothing of anyone), oldest first.
   */
  public List<PendingEnrolment> pendingForManager(Connection c, long manager) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + ", a.last_name, a.first_name, a.email, w.site, w.label, w.lot, l.client_ref"
                + " FROM residencies r JOIN accounts a ON a.id = r.account"
                + " JOIN dwellings w ON w.id = r.dwelling"
                + " JOIN manager_sites m ON m.site = w.site AND m.account = ?"
                + " LEFT JOIN landlord_dwellings l ON l.dwelling = w.id"
                + " WHERE r.state = 'pending' AND a.activated_at IS NOT NULL"
                + " AND a.closed_at IS NULL ORDER BY r.created_at, r.id")) {
      select.setLong(1, manager);
      List<PendingEnrolment> result = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          Residency residency = read(row);
          result.add(
              new PendingEnrolment(
                  residency,
                  row.getString("last_name"),
                  row.getString("first_name"),
                  row.getString("email"),
                  new DwellingRef(
                      residency.dwelling(),
                      new SiteCode(row.getString("site")),
                      row.getString("label"),
                      row.getString("lot"),
                      row.getString("client_ref"))));
        }
      }
      return result;
    }
  }

  private static List<Residency> list(Connection c, String where, long key) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM residencies r WHERE "
                + where
                + " ORDER BY r.move_in DESC, r.id DESC")) {
      select.setLong(1, key);
      List<Residency> result = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          result.add(read(row));
        }
      }
      return result;
    }
  }

  private static Residency read(ResultSet row) throws SQLException {
    return new Residency(
        row.getLong("id"),
        row.getLong("account"),
        row.getLong("dwelling"),
        Role.fromColumn(row.getString("role")),
        Method.fromColumn(row.getString("method")),
        Sql.date(row, "move_in"),
        Sql.date(row, "move_out"),
        ResidencyState.fromColumn(row.getString("state")),
        Sql.instant(row, "created_at"),
        Sql.instant(row, "decided_at"),
        Sql.nullableLong(row, "decided_by"));
  }

  /**
   * Lapses the pending and active residencies of an account that was never activated: its e-mail
   * was never proven, so they never counted (see {@link Landlord#activeOccupants}).
   *
   * @return how many lapsed
   */
  public int lapseUnproven(Connection c, long account) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE residencies SET state = 'lapsed' WHERE account = ?"
                + " AND state IN ('pending', 'active')"
                + " AND account IN (SELECT id FROM accounts WHERE activated_at IS NULL)")) {
      update.setLong(1, account);
      return update.executeUpdate();
    }
  }

  /**
   * Puts back to pending a residency that was active but whose account was never activated: at
   * activation somebody else lives in the dwelling, so the manager decides (the takeover guard).
   *
   * @return false when it was not active (nothing changed)
   */
  public boolean hold(Connection c, long id) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE residencies SET state = 'pending' WHERE id = ? AND state = 'active'")) {
      update.setLong(1, id);
      return update.executeUpdate() == 1;
    }
  }
}
