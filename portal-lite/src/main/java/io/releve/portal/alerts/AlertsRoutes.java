package io.releve.portal.alerts;

import io.releve.portal.Portal;
import io.releve.portal.store.Residencies;

/** The routes of this feature, and the banner it gives every page. */
public final class AlertsRoutes {

  private AlertsRoutes() {}

  /** Adds the alerts page to the portal's router and the alert banner to its layout. */
  public static void register(Portal portal) {
    ResidentAlerts alerts =
        new ResidentAlerts(new Residencies(portal.database()), portal.config().siteZone());
    AlertsPage page =
        new AlertsPage(portal.database(), alerts, portal.clock(), portal.config().siteZone());
    portal.web().router().get(AlertsPage.PATH, page::show);
    portal.web().layout().banner(new AlertBanner(portal.database(), alerts, portal.clock()));
  }
}
