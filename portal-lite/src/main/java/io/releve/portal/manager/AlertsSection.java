package io.releve.portal.manager;

import io.releve.portal.web.Html;
import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A dwelling's alerts on the manager's page (DESIGN §3.3): the active ones first — type, level,
 * since when, total loss in m³, average leak flow in L/h and the device's printed serial — then the
 * history of the ended ones with their dates. Pure: the alerts and today come in, markup goes out.
 */
final class AlertsSection {

  private AlertsSection() {}

  static Html of(
      Messages messages, List<DwellingAlerts.Alert> alerts, LocalDate today, ZoneId zone) {
    List<Html> active = Html.list();
    List<Html> history = Html.list();
    Lang lang = messages.lang();
    for (DwellingAlerts.Alert alert : alerts) {
      LocalDate start = LocalDate.ofInstant(alert.start(), zone);
      if (alert.active()) {
        active.add(
            Html.of(
                "<tr class=\"manager-alert-active\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                    + "<td>{}</td><td>{}</td><td>{}</td></tr>",
                type(messages, alert),
                level(messages, alert),
                messages.get(
                    "manager.alert.since",
                    Show.date(start, lang),
                    ChronoUnit.DAYS.between(start, today)),
                Show.figure(alert.totalLossM3(), "m³", lang),
                Show.figure(alert.averageFlowLph(), "L/h", lang),
                Show.medium(alert.medium(), messages),
                serial(alert)));
      } else {
        history.add(
            Html.of(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                    + "<td>{}</td><td>{}</td></tr>",
                type(messages, alert),
                level(messages, alert),
                Show.date(start, lang),
                Show.date(alert.ended(), zone, lang),
                Show.figure(alert.totalLossM3(), "m³", lang),
                Show.figure(alert.averageFlowLph(), "L/h", lang),
                Show.medium(alert.medium(), messages),
                serial(alert)));
      }
    }
    Html activePart =
        active.isEmpty()
            ? Html.of("<p>{}</p>", messages.get("manager.alerts.active.none"))
            : Html.of(
                "<div class=\"table-wrap\"><table class=\"alerts\"><thead><tr><th>{}</th><th>{}</th>"
                    + "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
                    + "<tbody>{}</tbody></table></div>",
                messages.get("manager.alert.type"),
                messages.get("manager.alert.level"),
                messages.get("manager.alert.start"),
                messages.get("manager.alert.loss"),
                messages.get("manager.alert.flow"),
                messages.get("manager.device.medium"),
                messages.get("manager.device.serial"),
                Html.join(active));
    Html historyPart =
        history.isEmpty()
            ? Html.of("<p>{}</p>", messages.get("manager.none"))
            : Html.of(
                "<div class=\"table-wrap\"><table class=\"alerts\"><thead><tr><th>{}</th><th>{}</th>"
                    + "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>"
                    + "</thead><tbody>{}</tbody></table></div>",
                messages.get("manager.alert.type"),
                messages.get("manager.alert.level"),
                messages.get("manager.alert.started"),
                messages.get("manager.alert.end"),
                messages.get("manager.alert.loss"),
                messages.get("manager.alert.flow"),
                messages.get("manager.device.medium"),
                messages.get("manager.device.serial"),
                Html.join(history));
    return Html.of(
        "<section class=\"card\" id=\"alerts\"><h2>{} {}</h2><h3>{}</h3>{}<h3>{}</h3>{}</section>",
        messages.get("manager.alerts.title"),
        Count.of(messages, active.size()),
        messages.get("manager.alerts.active"),
        activePart,
        messages.get("manager.alerts.history"),
        historyPart);
  }

  /**
   * The type's name; a meter alarm with what the meter reports; an unknown type or condition as it
   * came (both are open vocabularies).
   */
  private static String type(Messages messages, DwellingAlerts.Alert alert) {
    String key = "manager.alert.type." + alert.type();
    String name = messages.has(key) ? messages.get(key) : alert.type();
    if (alert.condition() == null || alert.condition().isEmpty()) {
      return name;
    }
    String condition = "manager.alert.condition." + alert.condition();
    return name
        + " ("
        + (messages.has(condition) ? messages.get(condition) : alert.condition())
        + ")";
  }

  private static String level(Messages messages, DwellingAlerts.Alert alert) {
    return alert.level() == null ? "—" : messages.get("manager.alert.level." + alert.level());
  }

  private static String serial(DwellingAlerts.Alert alert) {
    return alert.printedSerial() == null ? alert.device() : alert.printedSerial();
  }
}
