package io.releve.portal.alerts;

import io.releve.cloud.store.Database;
import io.releve.portal.store.AccountKind;
import io.releve.portal.web.Html;
import io.releve.portal.web.Request;
import io.releve.portal.web.Session;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The red banner the layout shows on every page of a logged-in resident whose dwelling has active
 * alerts: "2 alertes actives", linking to the alerts page. One count query per page, and none for
 * anonymous visitors and managers.
 */
final class AlertBanner implements Function<Request, Html> {

  private static final Logger log = LoggerFactory.getLogger(AlertBanner.class);

  private final Database database;
  private final ResidentAlerts alerts;
  private final Clock clock;

  AlertBanner(Database database, ResidentAlerts alerts, Clock clock) {
    this.database = database;
    this.alerts = alerts;
    this.clock = clock;
  }

  @Override
  public Html apply(Request request) {
    Session session =
        request
            .existingSession()
            .filter(Session::loggedIn)
            .filter(s -> s.is(AccountKind.RESIDENT))
            .orElse(null);
    if (session == null) {
      return Html.EMPTY;
    }
    long account = session.accountId().orElseThrow();
    int count;
    try {
      count =
          database.read(
              "count a resident's active alerts",
              c -> alerts.activeCount(c, account, clock.instant()));
    } catch (RuntimeException e) {
      // the page itself may still work: show it without the banner rather than a bare error, and
      // say so in the log (the error page would call this again and fail the same way)
      log.error("Alert banner left out of {} {}", request.method(), request.path(), e);
      return Html.EMPTY;
    }
    if (count == 0) {
      return Html.EMPTY;
    }
    return Html.of(
        "<div class=\"alert-banner\" id=\"alert-banner\"><a href=\"{}\">{}</a></div>",
        AlertsPage.PATH,
        request.messages().get("alerts.banner", count));
  }
}
