package io.releve.portal.export;

import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Notation;
import java.util.List;
import java.util.Optional;

/**
 * The statement as the body of a page that prints cleanly on A4: when it was made, the dwelling and
 * its resident, and a table of every device's index with its fluid, kind, serial, room and time of
 * reading. The print button ({@code data-print}) stays hidden until {@code portal.js} shows it and
 * wires it to the browser's printing; the page, navigation and buttons are left out of the print by
 * the {@code @media print} rules of {@code portal.css}.
 */
public final class IndexStatement {

  private IndexStatement() {}

  /** The page's title: "Relevé de compteurs" / "Meter statement". */
  public static String title(Messages m) {
    return m.get("export.title");
  }

  /**
   * The page's body.
   *
   * @param csvHref where the same statement downloads as CSV, if anywhere (a local path)
   */
  public static Html body(Statement statement, Messages m, Optional<String> csvHref) {
    return Html.of(
        "<article class=\"statement\" id=\"statement\">"
            + "<p class=\"statement__made\">{}</p>{}{}"
            + "<div class=\"actions statement__actions\">"
            + "<button type=\"button\" class=\"button\" data-print hidden>{}</button>{}</div>"
            + "</article>",
        m.get(
            "export.made",
            Texts.DAY.format(statement.madeLocally()),
            Texts.TIME.format(statement.madeLocally())),
        dwelling(statement, m),
        indexes(statement, m),
        m.get("export.print"),
        csvHref
            .map(
                href ->
                    Html.of(
                        "<a class=\"button button--quiet\" href=\"{}\" download>{}</a>",
                        href,
                        m.get("export.download")))
            .orElse(Html.EMPTY));
  }

  private static Html dwelling(Statement statement, Messages m) {
    List<Html> rows = Html.list();
    rows.add(term(m.get("export.resident"), statement.resident()));
    rows.add(term(m.get("export.site"), statement.siteCode()));
    rows.add(term(m.get("export.address"), statement.address()));
    if (!statement.lot().isEmpty()) {
      rows.add(term(m.get("export.lot"), statement.lot()));
    }
    return Html.of(
        "<section class=\"statement__dwelling\"><h2>{}</h2><dl>{}</dl></section>",
        m.get("export.dwelling"),
        Html.join(rows));
  }

  private static Html term(String term, String value) {
    return Html.of("<div><dt>{}</dt><dd>{}</dd></div>", term, value);
  }

  private static Html indexes(Statement statement, Messages m) {
    if (statement.lines().isEmpty()) {
      return Html.of("<p class=\"notice\" id=\"statement-empty\">{}</p>", m.get("export.none"));
    }
    List<Html> rows = Html.list();
    for (IndexLine index : statement.lines()) {
      rows.add(
          Html.of(
              "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                  + "<td class=\"number\">{}</td><td>{}</td><td>{}</td></tr>",
              Texts.fluid(index.fluid(), m),
              Texts.medium(index.medium(), m),
              index.serial(),
              index.room(),
              Notation.number(index.value().toPlainString(), m.lang().locale()),
              Texts.unit(index.unit()),
              Texts.readAt(index.readAt(), statement.zone())));
    }
    return Html.of(
        "<div class=\"table-wrap\"><table class=\"statement__table\" id=\"statement-indexes\">"
            + "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
            + "<th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
            + "<th scope=\"col\" class=\"number\">{}</th><th scope=\"col\">{}</th>"
            + "<th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table></div>",
        m.get("export.fluid"),
        m.get("export.medium"),
        m.get("export.serial"),
        m.get("export.room"),
        m.get("export.index"),
        m.get("export.unit"),
        m.get("export.read"),
        Html.join(rows));
  }
}
