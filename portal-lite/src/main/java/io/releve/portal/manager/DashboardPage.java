package io.releve.portal.manager;

import io.releve.portal.Portal;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Consents;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.ManagerSites;
import io.releve.portal.store.Occupant;
import io.releve.portal.store.SiteAddress;
import io.releve.portal.store.SiteCode;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /gestion}: the manager's sites, their dwellings and who lives there with each
 * resident's consent, and the last 12 months' consumption per dwelling. Monthly figures only: daily
 * data is on the dwelling's page, and only with the resident's consent.
 */
final class DashboardPage {

  private final Portal portal;
  private final Landlord landlord;

  DashboardPage(Portal portal) {
    this.portal = portal;
    this.landlord = new Landlord(portal.database());
  }

  Response show(Request request) {
    long manager = request.requireAccount(AccountKind.MANAGER);
    Messages messages = request.messages();
    Html sites = portal.database().read("show a manager's sites", c -> sites(c, manager, messages));
    return Response.page(
        Page.of(
            messages.get("manager.home.title"),
            Html.of(
                "<h1>{}</h1><p><a href=\"/gestion/inscriptions\">{}</a> · "
                    + "<a href=\"/gestion/import\">{}</a></p>{}",
                messages.get("manager.home.title"),
                messages.get("manager.home.enrolments"),
                messages.get("manager.home.import"),
                sites)));
  }

  private Html sites(Connection c, long manager, Messages messages) throws SQLException {
    List<SiteCode> codes = new ManagerSites().sitesOf(c, manager);
    if (codes.isEmpty()) {
      return Html.of("<p>{}</p>", messages.get("manager.home.no.site"));
    }
    List<Html> sections = Html.list();
    for (SiteCode site : codes) {
      Optional<SiteAddress> address = landlord.address(c, site);
      List<Html> rows = Html.list();
      for (DwellingRef dwelling : landlord.dwellings(c, site)) {
        rows.add(row(c, dwelling, messages));
      }
      sections.add(
          Html.of(
              "<section class=\"card\"><h2>{} {}</h2><div class=\"table-wrap\"><table>"
                  + "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
                  + "<tbody>{}</tbody></table></div></section>",
              site.value(),
              address.map(a -> "— " + a.oneLine()).orElse(""),
              messages.get("manager.dwelling.label"),
              messages.get("manager.dwelling.lot"),
              messages.get("manager.dwelling.client_ref"),
              messages.get("manager.dwelling.occupants"),
              messages.get("manager.dwelling.year"),
              Html.join(rows)));
    }
    return Html.join(sections);
  }

  private Html row(Connection c, DwellingRef dwelling, Messages messages) throws SQLException {
    ZoneId zone = portal.config().siteZone();
    Consents consents = new Consents();
    List<Html> occupants = Html.list();
    for (Occupant occupant : landlord.activeOccupants(c, dwelling.id())) {
      String who = occupant.firstName() + " " + occupant.lastName();
      if (occupant.account() == null) {
        occupants.add(Html.of("<li>{} ({})</li>", who, messages.get("manager.occupant.landlord")));
      } else {
        occupants.add(
            Html.of(
                "<li>{} ({}) — {}</li>",
                who,
                messages.get("manager.occupant.resident"),
                Show.consent(
                    consents.current(c, occupant.account(), dwelling.id()), messages, zone)));
      }
    }
    Instant now = portal.clock().instant();
    YearMonth first = YearMonth.from(now.atZone(zone)).minusMonths(11);
    // a month before the window, so that the first month's increase has its starting index
    Instant from = first.minusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    var monthly =
        Consumption.monthly(
            DwellingReadings.indexes(c, dwelling.id(), from, now.plusMillis(1)), zone, first);
    return Html.of(
        "<tr><td><a href=\"/gestion/logement?id={}\">{}</a></td><td>{}</td><td>{}</td>"
            + "<td><ul>{}</ul></td><td>{}</td></tr>",
        dwelling.id(),
        dwelling.label(),
        dwelling.lot() == null ? "" : dwelling.lot(),
        dwelling.clientRef() == null ? "" : dwelling.clientRef(),
        Html.join(occupants),
        Show.totals(Consumption.total(monthly)));
  }
}
