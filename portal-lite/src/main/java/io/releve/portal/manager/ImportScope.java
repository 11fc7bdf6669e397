package io.releve.portal.manager;

import io.releve.portal.store.ManagerSites;
import io.releve.portal.store.SiteCode;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Which sites an import may touch: every site from the command line (the first import, before any
 * manager exists), only the manager's own from the page.
 */
public sealed interface ImportScope {

  /** Whether lines of {@code site} may be stored. */
  boolean allows(Connection c, SiteCode site) throws SQLException;

  /** The account that imports, for the audit; null for the command line. */
  Long actor();

  /** The command line's scope: any site. */
  static ImportScope everySite() {
    return new EverySite();
  }

  /** A manager's scope: the sites they manage. */
  static ImportScope sitesOf(long manager) {
    return new SitesOf(manager);
  }

  /** Any site. */
  record EverySite() implements ImportScope {
    @Override
    public boolean allows(Connection c, SiteCode site) {
      return true;
    }

    @Override
    public Long actor() {
      return null;
    }
  }

  /** The sites of one manager. */
  record SitesOf(long manager) implements ImportScope {
    @Override
    public boolean allows(Connection c, SiteCode site) throws SQLException {
      return new ManagerSites().manages(c, manager, site);
    }

    @Override
    public Long actor() {
      return manager;
    }
  }
}
