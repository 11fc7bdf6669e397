package io.releve.portal.manager;

import io.releve.portal.Portal;
import io.releve.portal.store.Account;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.Consent;
import io.releve.portal.store.Consents;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Occupant;
import io.releve.portal.store.Recorder;
import io.releve.portal.store.Residency;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The daily indexes a manager may see (DESIGN §6, privacy), as {@link Disclosure} decides: only
 * those of a resident whose current consent is {@code granted}, and only for the days of that
 * resident's own residency — never the previous or next occupant's days. The section says, per
 * person, which mode applies and why.
 */
final class DailyIndexes {

  private final Portal portal;

  DailyIndexes(Portal portal) {
    this.portal = portal;
  }

  /**
   * The decision for each residency of the dwelling over the last {@link DwellingPage#DAILY_DAYS}.
   */
  List<Disclosure> disclosures(Connection c, long dwelling, List<Residency> residencies)
      throws SQLException {
    LocalDate today = DwellingPage.today(portal);
    LocalDate first = today.minusDays(DwellingPage.DAILY_DAYS - 1L);
    Consents consents = new Consents();
    List<Disclosure> result = new ArrayList<>();
    for (Residency residency : residencies) {
      Disclosure.of(residency, consents.current(c, residency.account(), dwelling), first, today)
          .ifPresent(result::add);
    }
    return result;
  }

  Html section(
      Connection c,
      Messages messages,
      DwellingRef dwelling,
      List<Disclosure> disclosures,
      List<Occupant> occupants)
      throws SQLException {
    ZoneId zone = portal.config().siteZone();
    Accounts accounts = new Accounts(portal.database());
    List<Html> modes = Html.list();
    List<Html> tables = Html.list();
    for (Disclosure disclosure : disclosures) {
      Account account = accounts.byId(c, disclosure.residency().account()).orElseThrow();
      String who = name(account);
      modes.add(mode(messages, who, disclosure, zone));
      if (!disclosure.daily()) {
        continue;
      }
      var days =
          Consumption.daily(
              DwellingReadings.indexes(
                  c,
                  dwelling.id(),
                  disclosure.from().atStartOfDay(zone).toInstant(),
                  disclosure.to().plusDays(1).atStartOfDay(zone).toInstant()),
              zone);
      tables.add(table(messages, who, disclosure.from(), disclosure.to(), days));
    }
    for (Occupant occupant : occupants) {
      if (occupant.account() == null) {
        modes.add(
            Html.of(
                "<li class=\"mode-monthly\">{}</li>",
                messages.get(
                    "manager.mode.landlord", occupant.firstName() + " " + occupant.lastName())));
      }
    }
    Html modeList =
        modes.isEmpty() ? Html.EMPTY : Html.of("<ul class=\"data-mode\">{}</ul>", Html.join(modes));
    if (tables.isEmpty()) {
      return Html.of(
          "<section class=\"card\" id=\"daily\"><h2>{}</h2>{}<p>{}</p></section>",
          messages.get("manager.daily.title"),
          modeList,
          messages.get("manager.daily.hidden"));
    }
    return Html.of(
        "<section class=\"card\" id=\"daily\"><h2>{}</h2>{}{}</section>",
        messages.get("manager.daily.title"),
        modeList,
        Html.join(tables));
  }

  /** Which mode applies to the resident, and why. */
  private static Html mode(Messages messages, String who, Disclosure disclosure, ZoneId zone) {
    if (disclosure.consent().isEmpty()) {
      return Html.of("<li class=\"mode-monthly\">{}</li>", messages.get("manager.mode.none", who));
    }
    Consent consent = disclosure.consent().get();
    String by =
        messages.get("manager.consent.by." + consent.recorder().value())
            + (consent.recorder() == Recorder.MANAGER && consent.evidence() != null
                ? messages.get("manager.mode.evidence", consent.evidence())
                : "");
    String on = Show.date(consent.recordedAt(), zone, messages.lang());
    return disclosure.daily()
        ? Html.of(
            "<li class=\"mode-daily\">{}</li>", messages.get("manager.mode.daily", who, on, by))
        : Html.of(
            "<li class=\"mode-monthly\">{}</li>",
            messages.get("manager.mode.withdrawn", who, on, by));
  }

  private static String name(Account account) {
    return ((account.firstName() == null ? "" : account.firstName() + " ")
            + (account.lastName() == null ? "" : account.lastName()))
        .strip();
  }

  private static Html table(
      Messages messages,
      String who,
      LocalDate from,
      LocalDate to,
      SortedMap<LocalDate, Map<String, BigDecimal>> days) {
    TreeSet<String> devices = new TreeSet<>();
    days.values().forEach(day -> devices.addAll(day.keySet()));
    List<Html> head = Html.list();
    devices.forEach(device -> head.add(Html.of("<th>{}</th>", device)));
    List<Html> rows = Html.list();
    days.forEach(
        (day, indexes) -> {
          List<Html> cells = Html.list();
          for (String device : devices) {
            BigDecimal value = indexes.get(device);
            cells.add(Html.of("<td>{}</td>", value == null ? "" : value.toPlainString()));
          }
          rows.add(
              Html.of("<tr><td>{}</td>{}</tr>", Show.date(day, messages.lang()), Html.join(cells)));
        });
    return Html.of(
        "<h3>{}</h3><div class=\"table-wrap\"><table class=\"daily\"><thead><tr><th>{}</th>{}</tr>"
            + "</thead><tbody>{}</tbody></table></div>",
        messages.get(
            "manager.daily.of",
            who,
            Show.date(from, messages.lang()),
            Show.date(to, messages.lang())),
        messages.get("manager.daily.day"),
        Html.join(head),
        Html.join(rows));
  }
}
