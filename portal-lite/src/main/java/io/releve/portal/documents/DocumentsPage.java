package io.releve.portal.documents;

import io.releve.cloud.store.Database;
import io.releve.portal.store.AccountKind;
import io.releve.portal.web.Html;
import io.releve.portal.web.HttpError;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Notation;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;

/**
 * A resident's documents: the list, newest month first (title, month, size, a download link), and
 * the download of one. A resident reads the documents of their own residencies only; any other id,
 * existing or not, is the same 404, so that ids reveal nothing.
 */
final class DocumentsPage {

  static final String PATH = "/documents";

  static final String DOWNLOAD = "/documents/telecharger";

  private static final BigDecimal KILOBYTE = BigDecimal.valueOf(1024);

  private final Database database;
  private final Documents documents = new Documents();

  DocumentsPage(Database database) {
    this.database = database;
  }

  /** {@code GET /documents}. */
  Response list(Request request) {
    long account = request.requireAccount(AccountKind.RESIDENT);
    List<Document> found =
        database.read("list a resident's documents", c -> documents.ofAccount(c, account));
    Messages m = request.messages();
    Html content;
    if (found.isEmpty()) {
      content = Html.of("<p id=\"no-documents\">{}</p>", m.get("documents.none"));
    } else {
      List<Html> items = Html.list();
      for (Document document : found) {
        items.add(item(m, document));
      }
      content = Html.of("<ul class=\"document-list\" id=\"documents\">{}</ul>", Html.join(items));
    }
    Html body =
        Html.of("<section class=\"card\"><p>{}</p>{}</section>", m.get("documents.intro"), content);
    return Response.page(Page.of(m.get("documents.title"), body));
  }

  private static Html item(Messages m, Document document) {
    YearMonth period = YearMonth.parse(document.period());
    return Html.of(
        "<li class=\"document\" id=\"document-{}\"><div class=\"document__what\">"
            + "<span class=\"document__title\">{}</span>"
            + "<span class=\"document__meta\">{} · {} · {}</span></div>"
            + "<a class=\"button document__download\" href=\"{}?id={}\" download>{}</a></li>",
        document.id(),
        document.title(),
        StatementPdf.monthName(m, period),
        m.get("documents.kind.pdf"),
        size(m, document.size()),
        DOWNLOAD,
        document.id(),
        m.get("documents.download"));
  }

  /** {@code 12,3 Ko}: kilobytes of 1 024 bytes, one decimal, rounded up (never 0,0). */
  static String size(Messages m, long bytes) {
    BigDecimal kb = BigDecimal.valueOf(bytes).divide(KILOBYTE, 1, RoundingMode.UP);
    return m.get("documents.size", Notation.number(kb.toPlainString(), m.lang().locale()));
  }

  /** {@code GET /documents/telecharger?id=N}: the PDF as an attachment. */
  Response download(Request request) {
    long account = request.requireAccount(AccountKind.RESIDENT);
    long id = id(request.query("id"));
    Documents.Stored stored =
        database
            .read("read a resident's document", c -> documents.ofAccount(c, account, id))
            .orElseThrow(HttpError::notFound);
    Messages m = request.messages();
    return Response.download(
        m.get("documents.file", stored.document().period()),
        stored.document().contentType(),
        stored.body());
  }

  private static long id(String value) {
    if (value == null) {
      throw HttpError.notFound();
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw HttpError.notFound();
    }
  }
}
