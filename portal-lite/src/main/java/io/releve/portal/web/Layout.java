package io.releve.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The frame of every page: the header with the name, the FR/EN switch and a logout button when
 * logged in, the navigation and the alert banner that features provide, the footer links. Only
 * assets from {@code /static/} are referenced, as the Content-Security-Policy requires.
 */
public final class Layout {
  private volatile Function<Request, Html> nav = request -> Html.EMPTY;
  private volatile Function<Request, Html> banner = request -> Html.EMPTY;

  /**
   * Sets what the navigation shows, per request (say, the links of a resident or a manager); it is
   * placed inside {@code <nav class="site-nav">}.
   */
  public void nav(Function<Request, Html> nav) {
    this.nav = nav;
  }

  /**
   * Sets the banner shown above every page's content, per request (the red alert banner: use class
   * {@code alert-banner}).
   */
  public void banner(Function<Request, Html> banner) {
    this.banner = banner;
  }

  /** The whole document of {@code page} for {@code request}. */
  Html render(Page page, Request request) {
    Messages m = request.messages();
    Html navigation = nav.apply(request);
    return Html.of(
        """
        <!DOCTYPE html>
        <html lang="{}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{} – {}</title>
        <link rel="icon" href="/static/logo.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/static/portal.css">
        <script src="/static/portal.js" defer></script>
        </head>
        <body>
        <a class="skip-link" href="#main">{}</a>
        <header class="site-header">
        <div class="site-header__bar">
        <a class="brand" href="/"><img src="/static/logo.svg" alt="" width="36" height="36">\
        <span class="brand__name">{}</span></a>
        <div class="site-header__tools">{}{}</div>
        </div>
        {}
        </header>
        {}
        <main id="main" class="main">
        <h1>{}</h1>
        {}
        </main>
        <footer class="site-footer">
        <a href="/confidentialite">{}</a>
        <a href="/conditions">{}</a>
        </footer>
        </body>
        </html>
        """,
        request.lang().code(),
        page.title(),
        m.get("layout.site.name"),
        m.get("layout.skip"),
        m.get("layout.site.name"),
        languageSwitch(request),
        logout(request),
        navigation.equals(Html.EMPTY)
            ? Html.EMPTY
            : Html.of(
                "<nav class=\"site-nav\" aria-label=\"{}\">{}</nav>",
                m.get("layout.nav"),
                navigation),
        banner.apply(request),
        page.title(),
        page.body(),
        m.get("layout.footer.privacy"),
        m.get("layout.footer.terms"));
  }

  private static Html languageSwitch(Request request) {
    List<Html> links = new ArrayList<>();
    for (Lang lang : Lang.values()) {
      String label = lang.code().toUpperCase(Locale.ROOT);
      String name = request.messages().get("layout.lang." + lang.code());
      Html current = lang == request.lang() ? Html.of(" aria-current=\"true\"") : Html.EMPTY;
      links.add(
          Html.of(
              "<a href=\"{}\" hreflang=\"{}\" lang=\"{}\" title=\"{}\"{}>{}</a>",
              switchHref(request, lang),
              lang.code(),
              lang.code(),
              name,
              current,
              label));
    }
    return Html.of(
        "<nav class=\"lang-switch\" aria-label=\"{}\">{}</nav>",
        request.messages().get("layout.lang"),
        Html.join(links));
  }

  /** The current path and query with {@code lang} set: the router redirects back without it. */
  static String switchHref(Request request, Lang lang) {
    StringBuilder href = new StringBuilder(request.path()).append('?');
    for (Map.Entry<String, List<String>> parameter : request.queryParameters().entrySet()) {
      if (parameter.getKey().equals(LanguageSwitch.PARAMETER)) {
        continue;
      }
      for (String value : parameter.getValue()) {
        href.append(Urls.encode(parameter.getKey()))
            .append('=')
            .append(Urls.encode(value))
            .append('&');
      }
    }
    return href.append(LanguageSwitch.PARAMETER).append('=').append(lang.code()).toString();
  }

  private static Html logout(Request request) {
    Session session = request.existingSession().filter(Session::loggedIn).orElse(null);
    if (session == null) {
      return Html.EMPTY;
    }
    return Html.of(
        """
        <form class="logout" method="post" action="/deconnexion">\
        <input type="hidden" name="csrf" value="{}">\
        <button type="submit" class="button button--quiet">{}</button></form>""",
        session.csrfToken(),
        request.messages().get("layout.logout"));
  }
}
