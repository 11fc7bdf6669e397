package io.releve.portal.manager;

import io.releve.portal.Portal;

/** The routes of this feature: the table of contents of its pages. */
public final class ManagerRoutes {

  private ManagerRoutes() {}

  /**
   * Adds this feature's routes to the portal's router. Every one is a manager's: anyone else gets
   * 404 (a resident) or the login page (nobody logged in), and a site or a dwelling the manager
   * does not manage 404.
   */
  public static void register(Portal portal) {
    DashboardPage dashboard = new DashboardPage(portal);
    SitePage site = new SitePage(portal);
    DwellingPage dwelling = new DwellingPage(portal);
    DwellingActions actions = new DwellingActions(portal, dwelling);
    ImportPage imports = new ImportPage(portal);
    EnrolmentsPage enrolments = new EnrolmentsPage(portal);
    portal
        .web()
        .router()
        .get("/gestion", dashboard::show)
        .get("/gestion/site", site::show)
        .get("/gestion/logement", dwelling::show)
        .post("/gestion/logement/sortie", actions::exit)
        .post("/gestion/consentement", actions::consent)
        .get("/gestion/import", imports::show)
        .post("/gestion/import", imports::upload)
        .get("/gestion/inscriptions", enrolments::show)
        .post("/gestion/inscriptions/decision", enrolments::decide);
  }
}
