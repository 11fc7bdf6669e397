package io.releve.portal.dashboard;

import io.releve.portal.Portal;

/** The routes of the resident's dashboard, and the resident's navigation in the layout. */
public final class DashboardRoutes {

  private DashboardRoutes() {}

  /** Adds the dashboard and its statement to the router, and the resident's links to the layout. */
  public static void register(Portal portal) {
    var zone = portal.config().siteZone();
    ResidentUsage residents = new ResidentUsage(portal.database(), zone);
    DashboardPage dashboard = new DashboardPage(residents, portal.clock(), zone);
    StatementPages statement = new StatementPages(residents, portal.clock(), zone);
    portal
        .web()
        .router()
        .get(DashboardPage.PATH, dashboard::show)
        .get(StatementPages.PRINT, statement::print)
        .get(StatementPages.CSV, statement::csv);
    portal.web().layout().nav(new ResidentNav());
  }
}
