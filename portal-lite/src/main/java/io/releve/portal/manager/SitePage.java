package io.releve.portal.manager;

import io.releve.portal.Portal;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Consents;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.ManagerSites;
import io.releve.portal.store.Occupant;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.SiteAddress;
import io.releve.portal.store.SiteCode;
import io.releve.portal.web.Html;
import io.releve.portal.web.HttpError;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * {@code GET /gestion/site?code=}: one of the manager's sites and its dwellings — for each, who
 * lives there now with each resident's consent (and any enrolment awaiting a decision), the number
 * of active alerts and the last 12 complete months' consumption. Another site, or a malformed code,
 * answers 404.
 */
final class SitePage {

  private final Portal portal;
  private final Landlord landlord;
  private final Residencies residencies;

  SitePage(Portal portal) {
    this.portal = portal;
    this.landlord = new Landlord(portal.database());
    this.residencies = new Residencies(portal.database());
  }

  Response show(Request request) {
    long manager = request.requireAccount(AccountKind.MANAGER);
    SiteCode site = SiteCode.parse(request.query("code")).orElseThrow(HttpError::notFound);
    Messages messages = request.messages();
    Html body =
        portal
            .database()
            .read(
                "show a site to its manager",
                c ->
                    new ManagerSites().manages(c, manager, site)
                        ? body(c, manager, site, messages)
                        : null);
    if (body == null) {
      throw HttpError.notFound();
    }
    return Response.page(Page.of(messages.get("manager.site.title", site.value()), body));
  }

  private Html body(Connection c, long manager, SiteCode site, Messages messages)
      throws SQLException {
    Optional<SiteAddress> address = landlord.address(c, site);
    Map<Long, Integer> alerts = DwellingAlerts.activeCounts(c, site);
    // the enrolments the manager is shown on the enrolments page, per dwelling
    Map<Long, Long> pending =
        residencies.pendingForManager(c, manager).stream()
            .collect(Collectors.groupingBy(p -> p.dwelling().id(), Collectors.counting()));
    List<Html> rows = Html.list();
    for (DwellingRef dwelling : landlord.dwellings(c, site)) {
      rows.add(
          row(
              c,
              dwelling,
              alerts.getOrDefault(dwelling.id(), 0),
              pending.getOrDefault(dwelling.id(), 0L),
              messages));
    }
    Html table =
        rows.isEmpty()
            ? Html.of("<p>{}</p>", messages.get("manager.none"))
            : Html.of(
                "<div class=\"table-wrap\"><table class=\"site\"><thead><tr><th>{}</th><th>{}</th>"
                    + "<th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody>"
                    + "</table></div>",
                messages.get("manager.dwelling.label"),
                messages.get("manager.dwelling.lot"),
                messages.get("manager.dwelling.client_ref"),
                messages.get("manager.dwelling.occupants"),
                messages.get("manager.dwelling.alerts"),
                messages.get("manager.dwelling.year"),
                Html.join(rows));
    return Html.of(
        "<p><a href=\"/gestion\">{}</a></p><section class=\"card\">{}{}</section>",
        messages.get("manager.back"),
        address
            .map(a -> Html.of("<p class=\"site-address\">{}</p>", a.oneLine()))
            .orElse(Html.EMPTY),
        table);
  }

  private Html row(Connection c, DwellingRef dwelling, int alerts, long pending, Messages messages)
      throws SQLException {
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
    if (occupants.isEmpty()) {
      occupants.add(Html.of("<li>{}</li>", messages.get("manager.occupant.vacant")));
    }
    if (pending > 0) {
      occupants.add(
          Html.of(
              "<li><a href=\"/gestion/inscriptions\">{}</a></li>",
              messages.get("manager.occupant.pending", pending)));
    }
    return Html.of(
        "<tr><td><a href=\"/gestion/logement?id={}\">{}</a></td><td>{}</td><td>{}</td>"
            + "<td><ul>{}</ul></td><td>{}</td><td>{}</td></tr>",
        dwelling.id(),
        dwelling.label(),
        dwelling.lot() == null ? "" : dwelling.lot(),
        dwelling.clientRef() == null ? "" : dwelling.clientRef(),
        Html.join(occupants),
        alerts == 0 ? Html.text("0") : Count.of(messages, alerts),
        Show.totals(Consumption.total(lastCompleteMonths(portal, c, dwelling.id()))));
  }

  /**
   * The 12 complete months before the current one. The month in progress is left out: its total,
   * looked at day after day, would give away daily consumption without consent.
   */
  static SortedMap<YearMonth, Map<String, BigDecimal>> lastCompleteMonths(
      Portal portal, Connection c, long dwelling) throws SQLException {
    ZoneId zone = portal.config().siteZone();
    Instant now = portal.clock().instant();
    YearMonth current = YearMonth.from(now.atZone(zone));
    YearMonth first = current.minusMonths(12);
    // a month before the window, so that the first month's increase has its starting index
    Instant from = first.minusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    Instant to = current.atDay(1).atStartOfDay(zone).toInstant();
    return Consumption.monthly(DwellingReadings.indexes(c, dwelling, from, to), zone, first);
  }
}
