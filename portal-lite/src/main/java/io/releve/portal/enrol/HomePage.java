package io.releve.portal.enrol;

import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Consent;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Residency;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.SiteAddress;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Notation;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A resident's home: their dwelling, their window, and the latest indexes inside it — or why there
 * are none (pending validation, owner lessor). Asks for the consent while none is recorded.
 */
final class HomePage {

  static final String PATH = "/accueil";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final Repositories store;
  private final ZoneId zone;

  HomePage(Repositories store, ZoneId zone) {
    this.store = store;
    this.zone = zone;
  }

  /** What the page shows, read in one transaction. */
  private record View(
      Residency residency,
      DwellingRef dwelling,
      Optional<SiteAddress> address,
      List<LatestIndexes.Index> indexes,
      Optional<Consent> consent) {}

  /**
   * The residency the home is about: the active one, else the latest pending one; empty when the
   * account has neither (ended, rejected, lapsed).
   */
  static Optional<Residency> current(Connection c, Repositories store, long account)
      throws SQLException {
    Optional<Residency> active = store.residencies().activeWindow(c, account);
    if (active.isPresent()) {
      return active;
    }
    return store.residencies().ofAccount(c, account).stream()
        .filter(r -> r.state() == ResidencyState.PENDING)
        .max(Comparator.comparing(Residency::createdAt));
  }

  Response show(Request request) {
    long account = request.requireAccount(AccountKind.RESIDENT);
    Optional<View> view =
        store
            .database()
            .read(
                "show a resident's home",
                c -> {
                  Optional<Residency> residency = current(c, store, account);
                  if (residency.isEmpty()) {
                    return Optional.<View>empty();
                  }
                  Residency r = residency.get();
                  DwellingRef dwelling = store.landlord().dwelling(c, r.dwelling()).orElseThrow();
                  boolean sees = r.state() == ResidencyState.ACTIVE && r.role().seesData();
                  return Optional.of(
                      new View(
                          r,
                          dwelling,
                          store.landlord().address(c, dwelling.site()),
                          sees ? LatestIndexes.of(c, r, zone) : List.of(),
                          store.consents().current(c, account, r.dwelling())));
                });
    Messages m = request.messages();
    if (view.isEmpty()) {
      return page(
          m, Html.of("<p class=\"notice\" id=\"no-dwelling\">{}</p>", m.get("enrol.home.none")));
    }
    View v = view.get();
    Html body =
        Html.join(
            dwelling(m, v),
            data(m, v),
            v.consent().isEmpty()
                    && v.residency().role().occupies()
                    && v.residency().state() == ResidencyState.ACTIVE
                ? ConsentPopup.dialog(request)
                : Html.EMPTY);
    return page(m, body);
  }

  private static Response page(Messages m, Html body) {
    return Response.page(Page.of(m.get("enrol.home.title"), body));
  }

  private static Html dwelling(Messages m, View v) {
    Residency r = v.residency();
    String address = v.address().map(SiteAddress::oneLine).orElse(v.dwelling().site().value());
    String window =
        r.moveOut() == null
            ? m.get("enrol.home.window.open", r.moveIn().format(DAY))
            : m.get("enrol.home.window.closed", r.moveIn().format(DAY), r.moveOut().format(DAY));
    return Html.of(
        "<section class=\"card\" id=\"dwelling\"><h2>{}</h2><p>{}</p><p>{}</p><p>{}</p></section>",
        m.get("enrol.home.dwelling", v.dwelling().label()),
        address,
        m.get("enrol.home.site", v.dwelling().site().value()),
        window);
  }

  private Html data(Messages m, View v) {
    Residency r = v.residency();
    if (r.state() == ResidencyState.PENDING) {
      return Html.of("<p class=\"notice\" id=\"pending\">{}</p>", m.get("enrol.home.pending"));
    }
    if (!r.role().seesData()) {
      return Html.of("<p class=\"notice\" id=\"lessor\">{}</p>", m.get("enrol.home.lessor"));
    }
    if (v.indexes().isEmpty()) {
      return Html.of("<p id=\"no-readings\">{}</p>", m.get("enrol.home.no_readings"));
    }
    List<Html> rows = Html.list();
    for (LatestIndexes.Index index : v.indexes()) {
      rows.add(
          Html.of(
              "<tr><td>{}</td><td>{}</td><td class=\"number\">{} {}</td><td>{}</td></tr>",
              index.serial() == null ? index.device() : index.serial(),
              m.get("enrol.home.quantity." + index.quantity()),
              Notation.number(index.value(), m.lang().locale()),
              index.quantity().equals("heat_cost_allocation") ? "U" : Notation.unit(index.unit()),
              TIME.format(index.receivedAt().atZone(zone))));
    }
    return Html.of(
        "<section class=\"card\"><h2>{}</h2><div class=\"table-wrap\"><table id=\"indexes\">"
            + "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
            + "<th scope=\"col\" class=\"number\">{}</th><th scope=\"col\">{}</th></tr></thead>"
            + "<tbody>{}</tbody></table></div></section>",
        m.get("enrol.home.indexes"),
        m.get("enrol.home.device"),
        m.get("enrol.home.quantity"),
        m.get("enrol.home.index"),
        m.get("enrol.home.received"),
        Html.join(rows));
  }
}
