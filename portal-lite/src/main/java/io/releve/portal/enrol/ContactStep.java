package io.releve.portal.enrol;

import io.releve.portal.mail.Mail;
import io.releve.portal.store.Accounts;
import io.releve.portal.web.FormErrors;
import io.releve.portal.web.Forms;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Step 4: who the resident is and since when, the certification, and the information notice. Once
 * valid, the same code path runs whatever the e-mail, and the answer is the same redirect.
 */
final class ContactStep {

  static final String PATH = "/inscription/coordonnees";

  /** Longer than any name; a bound on what the form stores. */
  static final int MAX_NAME = 100;

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Enrolment enrolment;
  private final Clock clock;
  private final ZoneId zone;

  ContactStep(Enrolment enrolment, Clock clock, ZoneId zone) {
    this.enrolment = enrolment;
    this.clock = clock;
    this.zone = zone;
  }

  Response show(Request request) {
    Optional<Wizard> wizard = Wizard.of(request).filter(w -> w.dwelling() != null);
    if (wizard.isEmpty()) {
      return StepPage.restart();
    }
    return page(request, new FormErrors(request));
  }

  Response submit(Request request) {
    Optional<Wizard> wizard = Wizard.of(request).filter(w -> w.dwelling() != null);
    if (wizard.isEmpty()) {
      return StepPage.restart();
    }
    FormErrors errors = new FormErrors(request);
    String lastName = name(request, errors, "last_name");
    String firstName = name(request, errors, "first_name");
    String email = request.form("email").strip();
    if (email.isEmpty()) {
      errors.reject("email", "form.required");
    } else if (!Mail.isAddress(Accounts.normalizeEmail(email))) {
      errors.reject("email", "form.email.invalid");
    }
    LocalDate moveIn = moveIn(request, errors, wizard.get());
    if (!request.hasForm("certify")) {
      errors.reject("certify", "enrol.contact.certify.required");
    }
    if (!errors.isEmpty()) {
      return page(request, errors);
    }
    enrolment.submit(request, wizard.get(), new Applicant(lastName, firstName, email, moveIn));
    Wizard.forget(request);
    return Response.redirect(SentPage.PATH);
  }

  private static String name(Request request, FormErrors errors, String field) {
    String value = request.form(field).strip();
    if (value.isEmpty()) {
      errors.reject(field, "form.required");
    } else if (value.length() > MAX_NAME) {
      errors.reject(field, "form.too.long", MAX_NAME);
    }
    return value;
  }

  private LocalDate moveIn(Request request, FormErrors errors, Wizard wizard) {
    String input = request.form("move_in").strip();
    if (input.isEmpty()) {
      errors.reject("move_in", "form.required");
      return null;
    }
    LocalDate moveIn;
    try {
      moveIn = LocalDate.parse(input);
    } catch (DateTimeParseException e) {
      errors.reject("move_in", "form.date.invalid");
      return null;
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    Optional<LocalDate> earliest = enrolment.lastMoveIn(wizard.dwelling().id());
    if (moveIn.isAfter(today) || earliest.filter(moveIn::isBefore).isPresent()) {
      if (earliest.isPresent()) {
        errors.reject(
            "move_in",
            "enrol.contact.move_in.range",
            earliest.get().format(SHOWN),
            today.format(SHOWN));
      } else {
        errors.reject("move_in", "enrol.contact.move_in.future", today.format(SHOWN));
      }
    }
    return moveIn;
  }

  private static Response page(Request request, FormErrors errors) {
    Messages m = request.messages();
    Forms f = new Forms(request, errors);
    Html content =
        Html.join(
            f.form(
                PATH,
                f.text(
                    "last_name",
                    m.get("enrol.contact.last_name"),
                    request.form("last_name"),
                    "family-name"),
                f.text(
                    "first_name",
                    m.get("enrol.contact.first_name"),
                    request.form("first_name"),
                    "given-name"),
                f.input(
                    "email",
                    "email",
                    m.get("enrol.contact.email"),
                    request.form("email"),
                    "email",
                    m.get("enrol.contact.email.hint")),
                f.input(
                    "date",
                    "move_in",
                    m.get("enrol.contact.move_in"),
                    request.form("move_in"),
                    "off",
                    m.get("enrol.contact.move_in.hint")),
                f.checkbox("certify", m.get("enrol.contact.certify"), request.hasForm("certify")),
                f.submit(m.get("enrol.contact.submit"))),
            PrivacyNotice.summary(request));
    return StepPage.of(request, 4, DwellingStep.PATH, content, !errors.isEmpty());
  }
}
