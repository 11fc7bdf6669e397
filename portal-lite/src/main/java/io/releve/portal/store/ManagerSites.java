package io.releve.portal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which sites a manager manages: what they may import for, see and decide on. Methods run inside
 * the caller's transaction.
 */
public final class ManagerSites {

  /** Gives the manager the site, making the site's row when no gateway has reported it yet. */
  public void grant(Connection c, long manager, SiteCode site, Instant now) throws SQLException {
    Sql.ensureSite(c, site, now);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO manager_sites (account, site) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      insert.setLong(1, manager);
      insert.setString(2, site.value());
      insert.executeUpdate();
    }
  }

  /** The manager's sites, by code. */
  public List<SiteCode> sitesOf(Connection c, long manager) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT site FROM manager_sites WHERE account = ? ORDER BY site")) {
      select.setLong(1, manager);
      List<SiteCode> result = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          result.add(new SiteCode(row.getString(1)));
        }
      }
      return result;
    }
  }

  /** Whether the manager manages the site. */
  public boolean manages(Connection c, long manager, SiteCode site) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT 1 FROM manager_sites WHERE account = ? AND site = ?")) {
      select.setLong(1, manager);
      select.setString(2, site.value());
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  /** The open accounts that manage the site (to notify them), by id. */
  public List<Account> managersOf(Connection c, SiteCode site) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT a.id, a.email, a.kind, a.last_name, a.first_name, a.phone, a.password_hash,"
                + " a.terms_accepted_at, a.lang, a.created_at, a.activated_at, a.closed_at"
                + " FROM accounts a JOIN manager_sites m ON m.account = a.id"
                + " WHERE m.site = ? AND a.closed_at IS NULL ORDER BY a.id")) {
      select.setString(1, site.value());
      List<Account> result = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          result.add(Accounts.read(row));
        }
      }
      return result;
    }
  }
}
