package io.releve.portal.manager;

import io.releve.portal.Portal;
import io.releve.portal.store.Account;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.Choice;
import io.releve.portal.store.Consent;
import io.releve.portal.store.Consents;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Residency;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The daily indexes a manager may see (DESIGN §6, privacy): only those of a resident whose current
 * consent is {@code granted}, and only for the days of that resident's own residency — never the
 * previous or next occupant's days.
 */
final class DailyIndexes {

  private final Portal portal;

  DailyIndexes(Portal portal) {
    this.portal = portal;
  }

  Html section(Connection c, Messages messages, DwellingRef dwelling, List<Residency> residencies)
      throws SQLException {
    ZoneId zone = portal.config().siteZone();
    LocalDate today = DwellingPage.today(portal);
    LocalDate first = today.minusDays(DwellingPage.DAILY_DAYS - 1L);
    Consents consents = new Consents();
    Accounts accounts = new Accounts(portal.database());
    List<Html> tables = Html.list();
    for (Residency residency : residencies) {
      if (!seen(residency)) {
        continue;
      }
      Optional<Consent> consent = consents.current(c, residency.account(), dwelling.id());
      if (consent.isEmpty() || consent.get().choice() != Choice.GRANTED) {
        continue;
      }
      LocalDate from = max(first, residency.moveIn());
      LocalDate to =
          residency.moveOut() == null || residency.moveOut().isAfter(today)
              ? today
              : residency.moveOut();
      if (from.isAfter(to)) {
        continue;
      }
      var days =
          Consumption.daily(
              DwellingReadings.indexes(
                  c,
                  dwelling.id(),
                  from.atStartOfDay(zone).toInstant(),
                  to.plusDays(1).atStartOfDay(zone).toInstant()),
              zone);
      Account account = accounts.byId(c, residency.account()).orElseThrow();
      tables.add(table(messages, account, from, to, days));
    }
    if (tables.isEmpty()) {
      return Html.of(
          "<section class=\"card\" id=\"daily\"><h2>{}</h2><p>{}</p></section>",
          messages.get("manager.daily.title"),
          messages.get("manager.daily.hidden"));
    }
    return Html.of(
        "<section class=\"card\" id=\"daily\"><h2>{}</h2>{}</section>",
        messages.get("manager.daily.title"),
        Html.join(tables));
  }

  /**
   * Residencies whose days a manager may be shown: those that took effect, of people living there.
   */
  private static boolean seen(Residency residency) {
    return (residency.state() == ResidencyState.ACTIVE || residency.state() == ResidencyState.ENDED)
        && residency.role().occupies();
  }

  private static Html table(
      Messages messages,
      Account account,
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
            (account.firstName() == null ? "" : account.firstName() + " ")
                + (account.lastName() == null ? "" : account.lastName()),
            Show.date(from, messages.lang()),
            Show.date(to, messages.lang())),
        messages.get("manager.daily.day"),
        Html.join(head),
        Html.join(rows));
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
