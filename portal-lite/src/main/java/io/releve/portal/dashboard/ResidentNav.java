package io.releve.portal.dashboard;

import io.releve.portal.store.AccountKind;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Request;
import io.releve.portal.web.Session;
import java.util.List;
import java.util.function.Function;

/**
 * The navigation of a logged-in resident: home, dashboard, alerts, documents, my account; the
 * current page's link carries {@code aria-current="page"}. Nothing for anyone else.
 */
final class ResidentNav implements Function<Request, Html> {

  private record Link(String path, String key) {}

  private static final List<Link> LINKS =
      List.of(
          new Link("/accueil", "dashboard.nav.home"),
          new Link(DashboardPage.PATH, "dashboard.nav.dashboard"),
          new Link("/alertes", "dashboard.nav.alerts"),
          new Link("/documents", "dashboard.nav.documents"),
          new Link("/compte", "dashboard.nav.account"));

  @Override
  public Html apply(Request request) {
    boolean resident =
        request
            .existingSession()
            .filter(Session::loggedIn)
            .filter(s -> s.is(AccountKind.RESIDENT))
            .isPresent();
    if (!resident) {
      return Html.EMPTY;
    }
    Messages m = request.messages();
    List<Html> links = Html.list();
    for (Link link : LINKS) {
      links.add(
          Html.of(
              "<a href=\"{}\"{}>{}</a>",
              link.path(),
              current(request.path(), link.path()) ? Html.of(" aria-current=\"page\"") : Html.EMPTY,
              m.get(link.key())));
    }
    return Html.join(links);
  }

  /** A link is current on its page and on the pages under it ({@code /compte/mot-de-passe}). */
  static boolean current(String path, String link) {
    return path.equals(link) || path.startsWith(link + "/");
  }
}
