package io.releve.portal.manager;

import io.releve.portal.Portal;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.ManagerSites;
import io.releve.portal.store.SiteAddress;
import io.releve.portal.store.SiteCode;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /gestion}: the manager's sites, each with its number of active alerts (in red) and its
 * dwellings as links, the alerting ones marked with their own count. The site's page ({@link
 * SitePage}) has the occupants, consents and monthly totals; the dwelling's page the rest.
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
                "<p><a href=\"/gestion/inscriptions\">{}</a> · "
                    + "<a href=\"/gestion/import\">{}</a></p>{}",
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
      Map<Long, Integer> alerts = DwellingAlerts.activeCounts(c, site);
      List<DwellingRef> dwellings = landlord.dwellings(c, site);
      List<Html> links = Html.list();
      for (DwellingRef dwelling : dwellings) {
        links.add(
            Html.of(
                "<li><a href=\"/gestion/logement?id={}\">{}</a>{}</li>",
                dwelling.id(),
                dwelling.label(),
                Count.of(messages, alerts.getOrDefault(dwelling.id(), 0))));
      }
      int active = alerts.values().stream().mapToInt(Integer::intValue).sum();
      sections.add(
          Html.of(
              "<section class=\"card site-card\"><h2><a href=\"/gestion/site?code={}\">{}</a> {}"
                  + " {}</h2><p>{}</p><ul class=\"dwelling-links\">{}</ul></section>",
              site.value(),
              site.value(),
              address.map(a -> "— " + a.oneLine()).orElse(""),
              Count.of(messages, active),
              messages.get("manager.site.counts", dwellings.size(), active),
              Html.join(links)));
    }
    return Html.join(sections);
  }
}
