package io.releve.portal.manager;

import io.releve.cloud.store.Durability;
import io.releve.portal.Portal;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.AuditLog;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.PendingEnrolment;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.Residency;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.web.Forms;
import io.releve.portal.web.Html;
import io.releve.portal.web.HttpError;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /gestion/inscriptions} and {@code POST /gestion/inscriptions/decision}: the pending
 * enrolments of the manager's sites (the takeover guard's), validated or rejected. Validating ends
 * the previous occupant's stay on the new resident's move-in day.
 */
final class EnrolmentsPage {

  private final Portal portal;
  private final Residencies residencies;
  private final Landlord landlord;

  EnrolmentsPage(Portal portal) {
    this.portal = portal;
    this.residencies = new Residencies(portal.database());
    this.landlord = new Landlord(portal.database());
  }

  Response show(Request request) {
    long manager = request.requireAccount(AccountKind.MANAGER);
    Messages messages = request.messages();
    List<PendingEnrolment> pending =
        portal
            .database()
            .read("list pending enrolments", c -> residencies.pendingForManager(c, manager));
    List<Html> items = Html.list();
    for (PendingEnrolment enrolment : pending) {
      items.add(item(request, enrolment));
    }
    return Response.page(
        Page.of(
            messages.get("manager.enrolments.title"),
            Html.of(
                "<p><a href=\"/gestion\">{}</a></p><h1>{}</h1>{}",
                messages.get("manager.back"),
                messages.get("manager.enrolments.title"),
                items.isEmpty()
                    ? Html.of("<p>{}</p>", messages.get("manager.enrolments.none"))
                    : Html.join(items))));
  }

  private Html item(Request request, PendingEnrolment enrolment) {
    Messages messages = request.messages();
    Forms forms = new Forms(request);
    Residency residency = enrolment.residency();
    return Html.of(
        "<section class=\"card\"><h2>{} {}</h2><p>{}</p><p>{}</p>{}</section>",
        enrolment.firstName(),
        enrolment.lastName(),
        messages.get(
            "manager.enrolments.dwelling",
            enrolment.dwelling().site().value(),
            enrolment.dwelling().label(),
            Show.date(residency.moveIn(), messages.lang())),
        messages.get(
            "manager.enrolments.how",
            messages.get("manager.enrolments.role." + residency.role().value()),
            messages.get("manager.enrolments.method." + residency.method().value())),
        forms.form(
            "/gestion/inscriptions/decision",
            forms.hidden("residency", String.valueOf(residency.id())),
            forms.submit(messages.get("manager.enrolments.validate"), "decision", "validate"),
            forms.submit(messages.get("manager.enrolments.reject"), "decision", "reject")));
  }

  Response decide(Request request) {
    long manager = request.requireAccount(AccountKind.MANAGER);
    long id = ManagerAccess.id(request.form("residency"));
    String decision = request.form("decision");
    if (!decision.equals("validate") && !decision.equals("reject")) {
      throw HttpError.notFound();
    }
    Instant now = portal.clock().instant();
    boolean decided =
        portal
            .database()
            .write(
                "decide on an enrolment",
                Durability.FULL,
                c -> {
                  // exactly what the list offers: pending, of the manager's sites, of an account
                  // whose e-mail is proven
                  var offered = residencies.pendingForManager(c, manager);
                  var residency =
                      ManagerAccess.residency(c, landlord, residencies, manager, id)
                          .filter(r -> r.state() == ResidencyState.PENDING)
                          .filter(
                              r -> offered.stream().anyMatch(p -> p.residency().id() == r.id()));
                  if (residency.isEmpty()) {
                    return false;
                  }
                  boolean changed =
                      decision.equals("validate")
                          ? residencies.validate(c, id, manager, now)
                          : residencies.reject(c, id, manager, now);
                  new AuditLog(portal.database())
                      .append(
                          c,
                          now,
                          manager,
                          "enrolment",
                          "residency " + id,
                          request.clientIp(),
                          decision.equals("validate") ? "validated" : "rejected");
                  return changed;
                });
    if (!decided) {
      throw HttpError.notFound();
    }
    return Response.redirect("/gestion/inscriptions");
  }
}
