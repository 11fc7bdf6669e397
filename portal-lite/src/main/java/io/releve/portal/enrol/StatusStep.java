package io.releve.portal.enrol;

import io.releve.portal.store.Role;
import io.releve.portal.web.FormErrors;
import io.releve.portal.web.Forms;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Step 1: occupant, owner occupant or owner lessor (who will see no consumption data). */
final class StatusStep {

  static final String PATH = "/inscription/statut";

  private StatusStep() {}

  static Response show(Request request) {
    String selected = Wizard.of(request).map(w -> w.role().value()).orElse("");
    return page(request, new FormErrors(request), selected);
  }

  static Response submit(Request request) {
    Optional<Role> role = Role.parse(request.form("status"));
    if (role.isEmpty()) {
      FormErrors errors = new FormErrors(request).reject("status", "enrol.status.required");
      return page(request, errors, "");
    }
    Wizard.of(request)
        .map(w -> w.role() == role.get() ? w : w.withRole(role.get()))
        .orElse(new Wizard(role.get(), null, null, null))
        .save(request);
    return Response.redirect(ResidenceStep.PATH);
  }

  private static Response page(Request request, FormErrors errors, String selected) {
    Messages m = request.messages();
    Map<String, String> options = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      options.put(role.value(), m.get("enrol.status." + role.value()));
    }
    Forms f = new Forms(request, errors);
    Html content =
        Html.join(
            Html.of("<p>{}</p>", m.get("enrol.status.intro")),
            f.form(
                PATH,
                f.radios("status", m.get("enrol.status.legend"), options, selected),
                Html.of(
                    "<p class=\"notice\" id=\"lessor-notice\">{}</p>",
                    m.get("enrol.status.lessor_notice")),
                f.submit(m.get("form.next"))));
    return StepPage.of(request, 1, null, content, !errors.isEmpty());
  }
}
