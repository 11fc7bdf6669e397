package io.releve.portal.store;

import io.releve.cloud.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The landlord half of the site registry (DESIGN §5): site addresses, client references and lots of
 * dwellings, and occupancies, as a manager imports them; and the lookups the enrolment needs.
 * Methods that take a {@link Connection} run inside the caller's transaction.
 */
public final class Landlord {

  private final Database database;

  public Landlord(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** Sets the site's address, making the site's row when the gateway has not reported it yet. */
  public void upsertAddress(Connection c, SiteAddress address, Instant now) throws SQLException {
    Sql.ensureSite(c, address.site(), now);
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO site_addresses (site, street, postcode, city) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (site) DO UPDATE SET street = excluded.street,"
                + " postcode = excluded.postcode, city = excluded.city")) {
      upsert.setString(1, address.site().value());
      upsert.setString(2, address.street());
      upsert.setString(3, address.postcode());
      upsert.setString(4, address.city());
      upsert.executeUpdate();
    }
  }

  /**
   * Makes or updates the dwelling {@code label} of {@code site} (and the site) as the registry
   * does, setting its lot when given and its client reference when given.
   *
   * @return the dwelling's id
   * @throws SQLException when {@code clientRef} is another dwelling's: check with {@link
   *     #dwellingByClientRef} first, since on PostgreSQL the failure aborts the transaction
   */
  public long upsertDwelling(
      Connection c, SiteCode site, String label, String lot, ClientRef clientRef, Instant now)
      throws SQLException {
    Sql.ensureSite(c, site, now);
    long dwelling;
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO dwellings (site, label, lot) VALUES (?, ?, ?)"
                + " ON CONFLICT (site, label) DO UPDATE SET lot = coalesce(excluded.lot, dwellings.lot)"
                + " RETURNING id")) {
      upsert.setString(1, site.value());
      upsert.setString(2, label);
      upsert.setString(3, lot);
      dwelling = Sql.returningLong(upsert);
    }
    if (clientRef != null) {
      try (PreparedStatement upsert =
          c.prepareStatement(
              "INSERT INTO landlord_dwellings (dwelling, client_ref) VALUES (?, ?)"
                  + " ON CONFLICT (dwelling) DO UPDATE SET client_ref = excluded.client_ref")) {
        upsert.setLong(1, dwelling);
        upsert.setString(2, clientRef.value());
        upsert.executeUpdate();
      }
    }
    return dwelling;
  }

  /**
   * Records an occupancy; the same dwelling, move-in and names again updates the e-mail and the
   * move-out instead, so that importing a file twice changes nothing.
   *
   * @param moveOut null while they live there
   * @return the occupancy's id
   */
  public long upsertOccupancy(
      Connection c,
      long dwelling,
      String lastName,
      String firstName,
      String email,
      LocalDate moveIn,
      LocalDate moveOut,
      Instant now)
      throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO occupancies (dwelling, last_name, first_name, email, move_in, move_out,"
                + " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (dwelling, move_in, last_name, first_name) DO UPDATE SET"
                + " email = excluded.email, move_out = excluded.move_out,"
                + " imported_at = excluded.imported_at RETURNING id")) {
      upsert.setLong(1, dwelling);
      upsert.setString(2, lastName);
      upsert.setString(3, firstName);
      upsert.setString(4, email);
      Sql.setDate(upsert, 5, moveIn);
      Sql.setDate(upsert, 6, moveOut);
      upsert.setLong(7, now.toEpochMilli());
      return Sql.returningLong(upsert);
    }
  }

  /**
   * Records that the occupant of an occupancy left on {@code moveOut} (a manager's exit).
   *
   * @return false when there is no such occupancy
   * @throws SQLException when {@code moveOut} is before its move-in
   */
  public boolean endOccupancy(Connection c, long occupancy, LocalDate moveOut) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE occupancies SET move_out = ? WHERE id = ?")) {
      Sql.setDate(update, 1, moveOut);
      update.setLong(2, occupancy);
      return update.executeUpdate() == 1;
    }
  }

  /** The occupancy of that id. */
  public Optional<Occupancy> occupancy(Connection c, long id) throws SQLException {
    List<Occupancy> found = occupancies(c, "id = ?", id);
    return found.stream().findFirst();
  }

  /** The occupancies of a dwelling, latest move-in first. */
  public List<Occupancy> occupancies(Connection c, long dwelling) throws SQLException {
    return occupancies(c, "dwelling = ?", dwelling);
  }

  private static List<Occupancy> occupancies(Connection c, String where, long key)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, dwelling, last_name, first_name, email, move_in, move_out, imported_at"
                + " FROM occupancies WHERE "
                + where
                + " ORDER BY move_in DESC, id DESC")) {
      select.setLong(1, key);
      List<Occupancy> result = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          result.add(
              new Occupancy(
                  row.getLong("id"),
                  row.getLong("dwelling"),
                  row.getString("last_name"),
                  row.getString("first_name"),
                  row.getString("email"),
                  Sql.date(row, "move_in"),
                  Sql.date(row, "move_out"),
                  Sql.instant(row, "imported_at")));
        }
      }
      return result;
    }
  }

  /** Whether the registry knows the site (from a gateway or an import). */
  public boolean siteExists(Connection c, SiteCode site) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM sites WHERE code = ?")) {
      select.setString(1, site.value());
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  /** {@link #siteExists(Connection, SiteCode)} in a transaction of its own. */
  public boolean siteExists(SiteCode site) {
    return database.read("find site " + site, c -> siteExists(c, site));
  }

  /** The site's address, when imported. */
  public Optional<SiteAddress> address(Connection c, SiteCode site) throws SQLException {
    return addresses(c, site).stream().findFirst();
  }

  /** Every imported address, by site code. */
  public List<SiteAddress> addresses(Connection c) throws SQLException {
    return addresses(c, null);
  }

  private static List<SiteAddress> addresses(Connection c, SiteCode only) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT site, street, postcode, city FROM site_addresses"
                + (only == null ? "" : " WHERE site = ?")
                + " ORDER BY site")) {
      if (only != null) {
        select.setString(1, only.value());
      }
      List<SiteAddress> result = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          result.add(
              new SiteAddress(
                  new SiteCode(row.getString(1)),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4)));
        }
      }
      return result;
    }
  }

  /**
   * The addresses that contain {@code query}, ignoring case and accents, at most {@value
   * AddressSearch#MAX_RESULTS}; see {@link AddressSearch}.
   */
  public List<SiteAddress> searchAddresses(String query) {
    List<SiteAddress> all = database.read("search site addresses", this::addresses);
    return AddressSearch.filter(all, query);
  }

  /** The dwelling of that id, with its site, lot and client reference. */
  public Optional<DwellingRef> dwelling(Connection c, long id) throws SQLException {
    return single(dwellings(c, "w.id = ?", id));
  }

  /** {@link #dwelling(Connection, long)} in a transaction of its own. */
  public Optional<DwellingRef> dwelling(long id) {
    return database.read("find dwelling " + id, c -> dwelling(c, id));
  }

  /** The dwellings of a site, by label. */
  public List<DwellingRef> dwellings(Connection c, SiteCode site) throws SQLException {
    return dwellings(c, "w.site = ?", site.value());
  }

  /**
   * The dwelling of {@code site} where a device with that printed serial is installed; whitespace
   * around and inside the serial is ignored. Empty when none, or when the serial is on devices of
   * two dwellings (it names neither).
   */
  public Optional<DwellingRef> dwellingBySerial(Connection c, SiteCode site, String serial)
      throws SQLException {
    String digits = serial.replaceAll("\\s+", "");
    if (digits.isEmpty()) {
      return Optional.empty();
    }
    return single(
        dwellings(
            c,
            "w.site = ? AND w.id IN (SELECT d.dwelling FROM devices d WHERE d.state = 'installed'"
                + " AND trim(d.printed_serial) = ?)",
            site.value(),
            digits));
  }

  /** The dwelling of {@code site} with that lot number (trimmed); empty when none or two. */
  public Optional<DwellingRef> dwellingByLot(Connection c, SiteCode site, String lot)
      throws SQLException {
    String trimmed = lot.strip();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    return single(dwellings(c, "w.site = ? AND trim(w.lot) = ?", site.value(), trimmed));
  }

  /** The dwelling of {@code site} with that client reference. */
  public Optional<DwellingRef> dwellingByClientRef(Connection c, SiteCode site, ClientRef ref)
      throws SQLException {
    return single(dwellings(c, "w.site = ? AND l.client_ref = ?", site.value(), ref.value()));
  }

  /** The dwelling with that client reference, whatever its site (for the occupancies import). */
  public Optional<DwellingRef> dwellingByClientRef(Connection c, ClientRef ref)
      throws SQLException {
    return single(dwellings(c, "l.client_ref = ?", ref.value()));
  }

  private static Optional<DwellingRef> single(List<DwellingRef> found) {
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private static List<DwellingRef> dwellings(Connection c, String where, Object... keys)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT w.id, w.site, w.label, w.lot, l.client_ref FROM dwellings w"
                + " LEFT JOIN landlord_dwellings l ON l.dwelling = w.id WHERE "
                + where
                + " ORDER BY w.site, w.label")) {
      for (int i = 0; i < keys.length; i++) {
        select.setObject(i + 1, keys[i]);
      }
      List<DwellingRef> result = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          result.add(
              new DwellingRef(
                  row.getLong(1),
                  new SiteCode(row.getString(2)),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5)));
        }
      }
      return result;
    }
  }

  /**
   * The earliest day a new resident may claim as move-in: the latest move-in or move-out recorded
   * for the dwelling, among its occupancies and the active or ended residencies of activated
   * accounts. A new resident's move-in may not be earlier. Empty when nothing is recorded.
   */
  public Optional<LocalDate> lastMoveIn(Connection c, long dwelling) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT max(day) FROM (SELECT move_in AS day FROM occupancies WHERE dwelling = ?"
                + " UNION ALL SELECT move_out FROM occupancies WHERE dwelling = ?"
                + " UNION ALL SELECT r.move_in FROM residencies r JOIN accounts a"
                + " ON a.id = r.account WHERE r.dwelling = ? AND r.state IN ('active', 'ended')"
                + " AND a.activated_at IS NOT NULL"
                + " UNION ALL SELECT r.move_out FROM residencies r JOIN accounts a"
                + " ON a.id = r.account WHERE r.dwelling = ? AND r.state IN ('active', 'ended')"
                + " AND a.activated_at IS NOT NULL) AS recorded")) {
      // a move-out counts too: a claimed move-in before the last occupant left would open that
      // occupant's days to the newcomer (max ignores the nulls of stays still open)
      for (int i = 1; i <= 4; i++) {
        select.setLong(i, dwelling);
      }
      try (ResultSet row = select.executeQuery()) {
        row.next();
        String latest = row.getString(1);
        return latest == null ? Optional.empty() : Optional.of(LocalDate.parse(latest));
      }
    }
  }

  /**
   * Who lives in the dwelling now: active residencies of occupants and owner occupants without a
   * move-out, of activated accounts (with their e-mail), then occupancies without one. Empty when
   * nobody does.
   */
  public List<Occupant> activeOccupants(Connection c, long dwelling) throws SQLException {
    List<Occupant> result = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT r.id, r.account, a.last_name, a.first_name, a.email, r.move_in"
                + " FROM residencies r JOIN accounts a ON a.id = r.account"
                + " WHERE r.dwelling = ? AND r.state = 'active' AND r.move_out IS NULL"
                // an account never activated proved no e-mail: it holds nothing against others
                + " AND a.activated_at IS NOT NULL"
                + " AND r.role IN ('occupant', 'owner_occupant') ORDER BY r.move_in, r.id")) {
      select.setLong(1, dwelling);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          result.add(
              new Occupant(
                  Occupant.Source.RESIDENCY,
                  row.getLong(1),
                  row.getLong(2),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  LocalDate.parse(row.getString(6))));
        }
      }
    }
    for (Occupancy occupancy : occupancies(c, dwelling)) {
      if (occupancy.moveOut() == null) {
        result.add(
            new Occupant(
                Occupant.Source.OCCUPANCY,
                occupancy.id(),
                null,
                occupancy.lastName(),
                occupancy.firstName(),
                occupancy.email(),
                occupancy.moveIn()));
      }
    }
    return result;
  }
}
