package io.releve.portal.enrol;

import io.releve.cloud.store.Database;
import io.releve.portal.store.ClientRef;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.Method;
import io.releve.portal.web.FormErrors;
import io.releve.portal.web.Forms;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.RateLimits;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 3: the dwelling inside the residence, by a device's printed serial, the lot number or the
 * client reference of the rent notice. Each try counts against the site's limit, since guessing
 * serials of a site is how one would look for someone else's dwelling.
 */
final class DwellingStep {

  static final String PATH = "/inscription/logement";

  /** Longer than any serial, lot or reference; a bound on what the form stores. */
  private static final int MAX_IDENTIFIER = 64;

  private final Database database;
  private final Landlord landlord;
  private final RateLimits rateLimits;

  DwellingStep(Database database, Landlord landlord, RateLimits rateLimits) {
    this.database = database;
    this.landlord = landlord;
    this.rateLimits = rateLimits;
  }

  Response show(Request request) {
    Optional<Wizard> wizard = Wizard.of(request).filter(w -> w.site() != null);
    if (wizard.isEmpty()) {
      return StepPage.restart();
    }
    String method = wizard.get().method() == null ? "" : wizard.get().method().value();
    return page(request, new FormErrors(request), method, "");
  }

  Response submit(Request request) {
    Optional<Wizard> wizard = Wizard.of(request).filter(w -> w.site() != null);
    if (wizard.isEmpty()) {
      return StepPage.restart();
    }
    FormErrors errors = new FormErrors(request);
    Optional<Method> method = Method.parse(request.form("method"));
    String identifier = request.form("identifier").strip();
    if (method.isEmpty()) {
      errors.reject("method", "enrol.dwelling.method.required");
    }
    if (identifier.isEmpty()) {
      errors.reject("identifier", "form.required");
    } else if (identifier.length() > MAX_IDENTIFIER) {
      errors.reject("identifier", "form.too.long", MAX_IDENTIFIER);
    }
    String methodValue = method.map(Method::value).orElse("");
    if (!errors.isEmpty()) {
      return page(request, errors, methodValue, identifier);
    }
    rateLimits.enrolmentOnSite(wizard.get().site().value());
    Optional<DwellingRef> dwelling = find(wizard.get(), method.get(), identifier);
    if (dwelling.isEmpty()) {
      errors.reject("identifier", "enrol.dwelling.not_found." + methodValue);
      return page(request, errors, methodValue, identifier);
    }
    wizard.get().withDwelling(dwelling.get(), method.get()).save(request);
    return Response.redirect(ContactStep.PATH);
  }

  private Optional<DwellingRef> find(Wizard wizard, Method method, String identifier) {
    return database.read(
        "find the dwelling of an enrolment",
        c ->
            switch (method) {
              case SERIAL -> landlord.dwellingBySerial(c, wizard.site(), identifier);
              case LOT -> landlord.dwellingByLot(c, wizard.site(), identifier);
              case CLIENT_REF -> {
                Optional<ClientRef> ref = ClientRef.parse(identifier);
                yield ref.isEmpty()
                    ? Optional.empty()
                    : landlord.dwellingByClientRef(c, wizard.site(), ref.get());
              }
            });
  }

  private static Response page(
      Request request, FormErrors errors, String method, String identifier) {
    Messages m = request.messages();
    Map<String, String> options = new LinkedHashMap<>();
    for (Method each : List.of(Method.CLIENT_REF, Method.SERIAL, Method.LOT)) {
      options.put(each.value(), m.get("enrol.dwelling.method." + each.value()));
    }
    List<Html> help = Html.list();
    for (String key : options.keySet()) {
      help.add(
          Html.of(
              "<dt>{}</dt><dd>{}</dd>",
              m.get("enrol.dwelling.method." + key),
              m.get("enrol.dwelling.help." + key)));
    }
    Forms f = new Forms(request, errors);
    Html content =
        Html.join(
            f.form(
                PATH,
                f.radios("method", m.get("enrol.dwelling.method"), options, method),
                f.input(
                    "text",
                    "identifier",
                    m.get("enrol.dwelling.identifier"),
                    identifier,
                    "off",
                    m.get("enrol.dwelling.identifier.hint")),
                f.submit(m.get("form.next"))),
            Html.of(
                "<section class=\"card\" id=\"where-to-find\"><h2>{}</h2><dl>{}</dl></section>",
                m.get("enrol.dwelling.help.title"),
                Html.join(help)));
    return StepPage.of(request, 3, ResidenceStep.PATH, content, !errors.isEmpty());
  }
}
