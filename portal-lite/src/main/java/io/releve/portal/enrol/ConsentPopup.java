package io.releve.portal.enrol;

import io.releve.cloud.store.Durability;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Choice;
import io.releve.portal.store.Recorder;
import io.releve.portal.store.Residency;
import io.releve.portal.web.Forms;
import io.releve.portal.web.Html;
import io.releve.portal.web.HttpError;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The consent question asked on the home page until the resident answers it; either answer is one
 * click, and is appended to the ledger as the resident's own.
 */
final class ConsentPopup {

  static final String PATH = "/accueil/consentement";

  private final Repositories store;
  private final Clock clock;

  ConsentPopup(Repositories store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The open dialog; without script it shows in the page, with it it is modal. */
  static Html dialog(Request request) {
    Messages m = request.messages();
    Forms f = new Forms(request);
    return Html.of(
        "<dialog id=\"consent-dialog\" open aria-labelledby=\"consent-title\">"
            + "<h2 id=\"consent-title\">{}</h2><p>{}</p><p>{}</p>{}</dialog>",
        m.get("enrol.consent.title"),
        m.get("enrol.consent.question"),
        m.get("enrol.consent.later"),
        f.form(
            PATH,
            Html.of(
                "<div class=\"actions\">{}{}</div>",
                f.submit(m.get("enrol.consent.grant"), "choice", Choice.GRANTED.value()),
                f.submit(m.get("enrol.consent.withdraw"), "choice", Choice.WITHDRAWN.value()))));
  }

  Response submit(Request request) {
    long account = request.requireAccount(AccountKind.RESIDENT);
    Choice choice =
        Choice.parse(request.form("choice"))
            .orElseThrow(
                () -> HttpError.badRequest(request.messages().get("enrol.consent.invalid")));
    Instant now = clock.instant();
    boolean recorded =
        store
            .database()
            .write(
                "record a resident's consent",
                Durability.FULL,
                c -> {
                  // only a resident who lives there answers: never a pending enrolment nor an
                  // owner lessor
                  Optional<Residency> residency =
                      store.residencies().activeWindow(c, account).filter(r -> r.role().occupies());
                  if (residency.isEmpty()) {
                    return false;
                  }
                  long dwelling = residency.get().dwelling();
                  store
                      .consents()
                      .append(c, account, dwelling, choice, account, Recorder.RESIDENT, null, now);
                  store
                      .audit()
                      .append(
                          c,
                          now,
                          account,
                          "consent." + choice.value(),
                          "dwelling:" + dwelling,
                          request.clientIp(),
                          "success");
                  return true;
                });
    if (!recorded) {
      throw HttpError.notFound();
    }
    return Response.redirect(HomePage.PATH);
  }
}
