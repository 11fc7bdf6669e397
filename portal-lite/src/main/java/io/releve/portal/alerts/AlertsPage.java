package io.releve.portal.alerts;

import io.releve.cloud.store.Database;
import io.releve.portal.account.Window;
import io.releve.portal.store.AccountKind;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The alerts page, a resident's only: the active alerts first, one card each (type and level, since
 * when, total loss, average flow, the meter's serial and fluid), then the history of closed ones as
 * a table, latest first, then what the levels mean and what to do. Which alerts: see {@link
 * ResidentAlerts}.
 */
final class AlertsPage {

  static final String PATH = "/alertes";

  private final Database database;
  private final ResidentAlerts alerts;
  private final Clock clock;
  private final ZoneId zone;

  AlertsPage(Database database, ResidentAlerts alerts, Clock clock, ZoneId zone) {
    this.database = database;
    this.alerts = alerts;
    this.clock = clock;
    this.zone = zone;
  }

  /** {@code GET /alertes}. */
  Response show(Request request) {
    long account = request.requireAccount(AccountKind.RESIDENT);
    Instant now = clock.instant();
    Optional<List<Alert>> found =
        database.read(
            "show a resident's alerts",
            c -> {
              Optional<Window> window = alerts.window(c, account);
              return window.isEmpty()
                  ? Optional.<List<Alert>>empty()
                  : Optional.of(ResidentAlerts.of(c, window.get(), now));
            });
    Messages m = request.messages();
    AlertTexts texts = new AlertTexts(m, zone);
    Html body =
        found.isEmpty()
            ? Html.of("<p class=\"notice\" id=\"no-access\">{}</p>", m.get("alerts.no_access"))
            : Html.join(
                active(m, texts, found.get(), now), history(m, texts, found.get()), help(m));
    return Response.page(Page.of(m.get("alerts.title"), body));
  }

  private static Html active(Messages m, AlertTexts texts, List<Alert> all, Instant now) {
    List<Html> items = Html.list();
    for (Alert alert : all) {
      if (alert.active()) {
        items.add(card(m, texts, alert, now));
      }
    }
    Html content =
        items.isEmpty()
            ? Html.of("<p id=\"no-active\">{}</p>", m.get("alerts.active.none"))
            : Html.of("<ul class=\"alert-list\">{}</ul>", Html.join(items));
    return Html.of(
        "<section class=\"card\" id=\"active-alerts\"><h2>{}</h2>{}</section>",
        m.get("alerts.active"),
        content);
  }

  private static Html card(Messages m, AlertTexts texts, Alert alert, Instant now) {
    Html origin =
        alert.kind() == AlertType.METER_ALARM
            ? fact(m.get("alerts.fact.source"), alert.source())
            : Html.EMPTY;
    return Html.of(
        "<li class=\"alert-item alert-item--{}\"><h3>{}</h3><p class=\"alert-item__since\">{}</p>"
            + "<dl class=\"alert-facts\">{}{}{}{}{}</dl></li>",
        alert.kind().value(),
        texts.type(alert),
        texts.since(alert, now),
        fact(m.get("alerts.fact.loss"), texts.loss(alert.totalLossM3())),
        fact(m.get("alerts.fact.flow"), texts.flow(alert.averageFlowLph())),
        fact(m.get("alerts.fact.serial"), AlertTexts.serial(alert)),
        fact(m.get("alerts.fact.fluid"), texts.fluid(alert.medium())),
        origin);
  }

  private static Html fact(String term, String value) {
    return Html.of("<div><dt>{}</dt><dd>{}</dd></div>", term, value);
  }

  private static Html history(Messages m, AlertTexts texts, List<Alert> all) {
    List<Html> rows = Html.list();
    for (Alert alert : all) {
      if (!alert.active()) {
        rows.add(
            Html.of(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"number\">{}</td>"
                    + "<td class=\"number\">{}</td><td>{}</td></tr>",
                texts.time(alert.start()),
                texts.time(alert.end()),
                texts.fluid(alert.medium()),
                texts.type(alert),
                texts.loss(alert.totalLossM3()),
                texts.flow(alert.averageFlowLph()),
                AlertTexts.serial(alert)));
      }
    }
    Html content =
        rows.isEmpty()
            ? Html.of("<p id=\"no-history\">{}</p>", m.get("alerts.history.none"))
            : Html.of(
                "<div class=\"table-wrap\"><table id=\"history\"><thead><tr>"
                    + "<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
                    + "<th scope=\"col\">{}</th><th scope=\"col\" class=\"number\">{}</th>"
                    + "<th scope=\"col\" class=\"number\">{}</th><th scope=\"col\">{}</th>"
                    + "</tr></thead><tbody>{}</tbody></table></div>",
                m.get("alerts.history.start"),
                m.get("alerts.history.end"),
                m.get("alerts.fact.fluid"),
                m.get("alerts.history.type"),
                m.get("alerts.fact.loss"),
                m.get("alerts.fact.flow"),
                m.get("alerts.fact.serial"),
                Html.join(rows));
    return Html.of(
        "<section class=\"card\" id=\"alert-history\"><h2>{}</h2>{}</section>",
        m.get("alerts.history"),
        content);
  }

  private static Html help(Messages m) {
    List<Html> levels = Html.list();
    for (LeakLevel level : LeakLevel.values()) {
      String key = AlertTexts.levelKey(level);
      levels.add(
          Html.of(
              "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
              m.get("alerts.help.level", level.number(), m.get(key + ".name")),
              level
                  .untilLph()
                  .map(until -> m.get("alerts.help.range", level.fromLph(), until))
                  .orElse(m.get("alerts.help.range.open", level.fromLph())),
              m.get(key + ".what")));
    }
    return Html.of(
        "<section class=\"card\" id=\"alert-help\"><h2>{}</h2><p>{}</p>"
            + "<div class=\"table-wrap\"><table class=\"alert-levels\"><thead><tr>"
            + "<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
            + "</tr></thead><tbody>{}</tbody></table></div>"
            + "<p>{}</p><h3>{}</h3><ul><li>{}</li><li>{}</li><li>{}</li><li>{}</li></ul>"
            + "<p>{}</p><p>{}</p></section>",
        m.get("alerts.help"),
        m.get("alerts.help.levels"),
        m.get("alerts.help.level.column"),
        m.get("alerts.help.range.column"),
        m.get("alerts.help.what.column"),
        Html.join(levels),
        m.get("alerts.help.average"),
        m.get("alerts.help.todo"),
        m.get("alerts.help.todo.taps"),
        m.get("alerts.help.todo.meter"),
        m.get("alerts.help.todo.repair"),
        m.get("alerts.help.todo.close"),
        m.get("alerts.help.meter_alarm"),
        m.get("alerts.help.not_heard"));
  }
}
