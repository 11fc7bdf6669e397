package io.releve.portal.manager;

import io.releve.portal.Portal;
import io.releve.portal.store.AccountKind;
import io.releve.portal.web.FormErrors;
import io.releve.portal.web.Forms;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import io.releve.portal.web.UploadedFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET/POST /gestion/import}: a manager uploads one of the landlord's CSV files for their own
 * sites, and reads which lines were stored and which were refused, and why.
 */
final class ImportPage {

  private final Portal portal;
  private final LandlordImport imports;

  ImportPage(Portal portal) {
    this.portal = portal;
    this.imports =
        new LandlordImport(portal.database(), portal.mail(), portal.texts(), portal.clock());
  }

  Response show(Request request) {
    request.requireAccount(AccountKind.MANAGER);
    return form(request, new FormErrors(request));
  }

  Response upload(Request request) {
    long manager = request.requireAccount(AccountKind.MANAGER);
    FormErrors errors = new FormErrors(request);
    Optional<ImportKind> kind = ImportKind.parse(request.form("kind"));
    Optional<UploadedFile> file = request.file("file").filter(f -> f.bytes().length > 0);
    if (kind.isEmpty()) {
      errors.reject("kind", "manager.import.kind.required");
    }
    if (file.isEmpty()) {
      errors.reject("file", "manager.import.file.required");
    }
    if (!errors.isEmpty()) {
      return form(request, errors).status(422);
    }
    ImportReport report =
        imports.run(
            kind.get(), file.get().bytes(), ImportScope.sitesOf(manager), request.clientIp());
    return report(request, report);
  }

  private Response form(Request request, FormErrors errors) {
    Messages messages = request.messages();
    Forms forms = new Forms(request, errors);
    Map<String, String> kinds = new LinkedHashMap<>();
    List<Html> headers = Html.list();
    for (ImportKind kind : ImportKind.values()) {
      kinds.put(kind.value(), messages.get("manager.import.kind." + kind.value()));
      headers.add(
          Html.of(
              "<li>{} : <code>{}</code></li>",
              messages.get("manager.import.kind." + kind.value()),
              kind.headerLine()));
    }
    return Response.page(
        Page.of(
            messages.get("manager.import.title"),
            Html.of(
                "<p><a href=\"/gestion\">{}</a></p><h1>{}</h1><p>{}</p><ul>{}</ul>{}",
                messages.get("manager.back"),
                messages.get("manager.import.title"),
                messages.get("manager.import.intro"),
                Html.join(headers),
                forms.uploadForm(
                    "/gestion/import",
                    forms.radios(
                        "kind", messages.get("manager.import.kind"), kinds, request.form("kind")),
                    forms.input("file", "file", messages.get("manager.import.file"), "", "off", ""),
                    forms.submit(messages.get("manager.import.submit"))))));
  }

  private Response report(Request request, ImportReport report) {
    Messages messages = request.messages();
    List<Html> rows = Html.list();
    for (ImportReport.Rejection rejection : report.rejected()) {
      rows.add(
          Html.of("<tr><td>{}</td><td>{}</td></tr>", rejection.line(), rejection.reason(messages)));
    }
    Html rejected =
        rows.isEmpty()
            ? Html.EMPTY
            : Html.of(
                "<div class=\"table-wrap\"><table id=\"rejected\"><thead><tr><th>{}</th><th>{}</th>"
                    + "</tr></thead><tbody>{}</tbody></table></div>",
                messages.get("manager.import.line"),
                messages.get("manager.import.reason"),
                Html.join(rows));
    return Response.page(
        Page.of(
            messages.get("manager.import.report.title"),
            Html.of(
                "<p><a href=\"/gestion\">{}</a></p><h1>{}</h1><p id=\"accepted\">{}</p>{}"
                    + "<p><a href=\"/gestion/import\">{}</a></p>",
                messages.get("manager.back"),
                messages.get("manager.import.report.title"),
                messages.get(
                    "manager.import.report.counts",
                    String.valueOf(report.accepted()),
                    String.valueOf(report.rejected().size())),
                rejected,
                messages.get("manager.import.again"))));
  }
}
