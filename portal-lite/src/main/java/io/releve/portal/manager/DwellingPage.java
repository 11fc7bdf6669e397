package io.releve.portal.manager;

import io.releve.portal.Portal;
import io.releve.portal.store.Account;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.Consents;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.Occupancy;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.Residency;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.web.FormErrors;
import io.releve.portal.web.Forms;
import io.releve.portal.web.Html;
import io.releve.portal.web.HttpError;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /gestion/logement?id=}: a dwelling of the manager's sites — its alerts (active first,
 * then history) and devices, its monthly totals, the daily indexes of the last 30 days of each
 * resident who consented, inside their own window, with which mode applies to whom and why, then
 * its occupancies and residents with the forms to record an exit or a resident's consent.
 */
final class DwellingPage {

  /** How many days of daily indexes the page shows. */
  static final int DAILY_DAYS = 30;

  /**
   * The form a failed post is about, so that its errors show in that form only.
   *
   * @param kind {@code occupancy}, {@code residency} (an exit) or {@code consent}
   */
  record Target(String kind, long id, FormErrors errors) {}

  private final Portal portal;
  private final Landlord landlord;
  private final Residencies residencies;
  private final Accounts accounts;

  DwellingPage(Portal portal) {
    this.portal = portal;
    this.landlord = new Landlord(portal.database());
    this.residencies = new Residencies(portal.database());
    this.accounts = new Accounts(portal.database());
  }

  Response show(Request request) {
    long manager = request.requireAccount(AccountKind.MANAGER);
    return render(request, manager, ManagerAccess.id(request.query("id")), null);
  }

  /** The page; with a {@code target}, that form shows its errors and the status is 422. */
  Response render(Request request, long manager, long id, Target target) {
    Messages messages = request.messages();
    Page page =
        portal
            .database()
            .read(
                "show a dwelling to its manager",
                c ->
                    ManagerAccess.dwelling(c, landlord, manager, id)
                        .map(
                            d ->
                                Page.of(
                                    messages.get(
                                        "manager.dwelling.heading", d.label(), d.site().value()),
                                    body(c, request, d, target)))
                        .orElse(null));
    if (page == null) {
      throw HttpError.notFound();
    }
    Response response = Response.page(page);
    return target == null ? response : response.status(422);
  }

  private Html body(Connection c, Request request, DwellingRef dwelling, Target target) {
    try {
      Messages messages = request.messages();
      ZoneId zone = portal.config().siteZone();
      LocalDate today = today(portal);
      DailyIndexes daily = new DailyIndexes(portal);
      List<Disclosure> disclosures =
          daily.disclosures(c, dwelling.id(), residencies.ofDwelling(c, dwelling.id()));
      // the month in progress is daily data in disguise: shown only with today's days
      boolean monthInProgress = disclosures.stream().anyMatch(d -> d.dailyUpTo(today));
      return Html.of(
          "<p><a href=\"/gestion\">{}</a> › <a href=\"/gestion/site?code={}\">{}</a></p>"
              + "{}{}{}{}{}{}",
          messages.get("manager.back"),
          dwelling.site().value(),
          messages.get("manager.site.title", dwelling.site().value()),
          AlertsSection.of(messages, DwellingAlerts.of(c, dwelling.id()), today, zone),
          DevicesSection.of(messages, DwellingDevices.of(c, dwelling.id()), zone),
          monthly(c, messages, dwelling, monthInProgress),
          daily.section(
              c, messages, dwelling, disclosures, landlord.activeOccupants(c, dwelling.id())),
          occupancies(c, request, dwelling, target),
          residents(c, request, dwelling, target));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read dwelling " + dwelling.id(), e);
    }
  }

  private Forms forms(Request request, Target target, String kind, long id) {
    return target != null && target.kind().equals(kind) && target.id() == id
        ? new Forms(request, target.errors())
        : new Forms(request);
  }

  private Html exitForm(Request request, Target target, String kind, long id) {
    Forms forms = forms(request, target, kind, id);
    Messages messages = request.messages();
    return forms.form(
        "/gestion/logement/sortie",
        forms.hidden("kind", kind),
        forms.hidden("id", String.valueOf(id)),
        forms.date("move_out", messages.get("manager.exit.move_out"), request.form("move_out")),
        forms.submit(messages.get("manager.exit.submit")));
  }

  private Html occupancies(Connection c, Request request, DwellingRef dwelling, Target target)
      throws SQLException {
    Messages messages = request.messages();
    List<Html> rows = Html.list();
    for (Occupancy occupancy : landlord.occupancies(c, dwelling.id())) {
      rows.add(
          Html.of(
              "<tr><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
              occupancy.firstName(),
              occupancy.lastName(),
              Show.date(occupancy.moveIn(), messages.lang()),
              Show.date(occupancy.moveOut(), messages.lang()),
              occupancy.moveOut() == null
                  ? exitForm(request, target, "occupancy", occupancy.id())
                  : Html.EMPTY));
    }
    return section(messages, "manager.occupancies.title", rows);
  }

  private Html residents(Connection c, Request request, DwellingRef dwelling, Target target)
      throws SQLException {
    Messages messages = request.messages();
    ZoneId zone = portal.config().siteZone();
    Consents consents = new Consents();
    List<Html> rows = Html.list();
    for (Residency residency : residencies.ofDwelling(c, dwelling.id())) {
      Account account = accounts.byId(c, residency.account()).orElseThrow();
      boolean open = residency.state() == ResidencyState.ACTIVE && residency.moveOut() == null;
      rows.add(
          Html.of(
              "<tr><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{}{}</td></tr>",
              account.firstName() == null ? "" : account.firstName(),
              account.lastName() == null ? "" : account.lastName(),
              messages.get("manager.residency.state." + residency.state().value()),
              Show.date(residency.moveIn(), messages.lang()),
              Show.date(residency.moveOut(), messages.lang()),
              Show.consent(consents.current(c, residency.account(), dwelling.id()), messages, zone),
              open ? exitForm(request, target, "residency", residency.id()) : Html.EMPTY,
              residency.state() == ResidencyState.ACTIVE
                  ? consentForm(request, target, residency.id())
                  : Html.EMPTY));
    }
    return section(messages, "manager.residents.title", rows);
  }

  private Html consentForm(Request request, Target target, long residency) {
    Forms forms = forms(request, target, "consent", residency);
    Messages messages = request.messages();
    Map<String, String> choices = new LinkedHashMap<>();
    choices.put("granted", messages.get("manager.consent.choice.granted"));
    choices.put("withdrawn", messages.get("manager.consent.choice.withdrawn"));
    return forms.form(
        "/gestion/consentement",
        forms.hidden("residency", String.valueOf(residency)),
        forms.radios(
            "choice", messages.get("manager.consent.legend"), choices, request.form("choice")),
        forms.input(
            "text",
            "evidence",
            messages.get("manager.consent.evidence"),
            request.form("evidence"),
            "off",
            messages.get("manager.consent.evidence.hint")),
        forms.submit(messages.get("manager.consent.submit")));
  }

  /**
   * The last 12 complete months, and the month in progress only when {@code monthInProgress}:
   * looked at day after day, its running total would give away daily consumption.
   */
  private Html monthly(
      Connection c, Messages messages, DwellingRef dwelling, boolean monthInProgress)
      throws SQLException {
    ZoneId zone = portal.config().siteZone();
    Instant now = portal.clock().instant();
    YearMonth current = YearMonth.from(now.atZone(zone));
    var months = new TreeMap<>(SitePage.lastCompleteMonths(portal, c, dwelling.id()));
    if (monthInProgress) {
      Instant from = current.minusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
      months.putAll(
          Consumption.monthly(
              DwellingReadings.indexes(c, dwelling.id(), from, now.plusMillis(1)), zone, current));
    }
    List<Html> rows = Html.list();
    months.forEach(
        (month, totals) ->
            rows.add(
                Html.of("<tr><td>{}</td><td>{}</td></tr>", month.toString(), Show.totals(totals))));
    Html note =
        Html.of(
            "<p class=\"manager-note\" id=\"month-in-progress\">{}</p>",
            messages.get(
                monthInProgress
                    ? "manager.monthly.current.shown"
                    : "manager.monthly.current.hidden"));
    if (rows.isEmpty()) {
      return Html.of(
          "<section class=\"card\" id=\"monthly\"><h2>{}</h2><p>{}</p>{}</section>",
          messages.get("manager.monthly.title"),
          messages.get("manager.none"),
          note);
    }
    return Html.of(
        "<section class=\"card\" id=\"monthly\"><h2>{}</h2><div class=\"table-wrap\"><table>"
            + "<tbody>{}</tbody></table></div>{}</section>",
        messages.get("manager.monthly.title"),
        Html.join(rows),
        note);
  }

  private static Html section(Messages messages, String titleKey, List<Html> rows) {
    if (rows.isEmpty()) {
      return Html.of(
          "<section class=\"card\"><h2>{}</h2><p>{}</p></section>",
          messages.get(titleKey),
          messages.get("manager.none"));
    }
    return Html.of(
        "<section class=\"card\"><h2>{}</h2><div class=\"table-wrap\"><table><tbody>{}</tbody>"
            + "</table></div></section>",
        messages.get(titleKey),
        Html.join(rows));
  }

  /** Today in the sites' zone. */
  static LocalDate today(Portal portal) {
    return LocalDate.ofInstant(portal.clock().instant(), portal.config().siteZone());
  }
}
