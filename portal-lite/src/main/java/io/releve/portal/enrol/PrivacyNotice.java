package io.releve.portal.enrol;

import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.util.List;

/**
 * The information notice of regulation (EU) 2016/679: its summary on the enrolment form, the whole
 * notice with the retention table on {@code /confidentialite}, and the terms of use.
 */
final class PrivacyNotice {

  static final String PRIVACY_PATH = "/confidentialite";
  static final String TERMS_PATH = "/conditions";

  /** The items of the notice, in the order article 13 lists them. */
  private static final List<String> ITEMS =
      List.of("controller", "purpose", "legal_basis", "recipients", "retention", "rights", "cnil");

  /** The retention table's rows: one per kind of data. */
  private static final List<String> RETENTION =
      List.of(
          "pending", "activation", "reset", "sessions", "audit", "consents", "readings", "closed");

  private static final List<String> TERMS =
      List.of("service", "account", "data", "consent", "availability", "changes");

  private PrivacyNotice() {}

  /** The notice as the enrolment form shows it, with a link to the whole of it. */
  static Html summary(Request request) {
    Messages m = request.messages();
    return Html.of(
        "<section class=\"card\" id=\"gdpr-notice\"><h2>{}</h2><dl>{}</dl>"
            + "<p><a href=\"{}\">{}</a></p></section>",
        m.get("privacy.notice.title"),
        items(m),
        PRIVACY_PATH,
        m.get("privacy.notice.more"));
  }

  static Response privacy(Request request) {
    Messages m = request.messages();
    List<Html> rows = Html.list();
    for (String kind : RETENTION) {
      rows.add(
          Html.of(
              "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
              m.get("privacy.retention." + kind),
              m.get("privacy.retention." + kind + ".period")));
    }
    Html body =
        Html.of(
            "<p>{}</p><dl>{}</dl><h2>{}</h2><div class=\"table-wrap\"><table id=\"retention\">"
                + "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>"
                + "<tbody>{}</tbody></table></div>",
            m.get("privacy.page.intro"),
            items(m),
            m.get("privacy.retention.title"),
            m.get("privacy.retention.data"),
            m.get("privacy.retention.period"),
            Html.join(rows));
    return Response.page(Page.of(m.get("privacy.page.title"), body));
  }

  static Response terms(Request request) {
    Messages m = request.messages();
    List<Html> sections = Html.list();
    for (String part : TERMS) {
      sections.add(
          Html.of(
              "<h2>{}</h2><p>{}</p>",
              m.get("privacy.terms." + part + ".title"),
              m.get("privacy.terms." + part)));
    }
    return Response.page(Page.of(m.get("privacy.terms.title"), Html.join(sections)));
  }

  private static Html items(Messages m) {
    List<Html> items = Html.list();
    for (String item : ITEMS) {
      items.add(
          Html.of(
              "<dt>{}</dt><dd>{}</dd>",
              m.get("privacy.notice." + item + ".title"),
              m.get("privacy.notice." + item)));
    }
    return Html.join(items);
  }
}
