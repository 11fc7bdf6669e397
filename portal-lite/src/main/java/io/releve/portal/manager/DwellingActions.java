package io.releve.portal.manager;

import io.releve.cloud.store.Durability;
import io.releve.portal.Portal;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.AuditLog;
import io.releve.portal.store.Choice;
import io.releve.portal.store.Consents;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.Occupancy;
import io.releve.portal.store.Recorder;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.Residency;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.web.FormErrors;
import io.releve.portal.web.HttpError;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The manager's posts on a dwelling's page: an occupant's exit ({@code POST
 * /gestion/logement/sortie}) and a resident's consent recorded on their behalf ({@code POST
 * /gestion/consentement}). Each change and its audit row commit together.
 */
final class DwellingActions {

  private final Portal portal;
  private final DwellingPage page;
  private final Landlord landlord;
  private final Residencies residencies;
  private final AuditLog audit;

  DwellingActions(Portal portal, DwellingPage page) {
    this.portal = portal;
    this.page = page;
    this.landlord = new Landlord(portal.database());
    this.residencies = new Residencies(portal.database());
    this.audit = new AuditLog(portal.database());
  }

  /** What an exit is about: the dwelling (for the page) and the move-in (the earliest exit). */
  private record Stay(long dwelling, LocalDate moveIn) {}

  Response exit(Request request) {
    long manager = request.requireAccount(AccountKind.MANAGER);
    String kind = request.form("kind");
    long id = ManagerAccess.id(request.form("id"));
    if (!kind.equals("occupancy") && !kind.equals("residency")) {
      throw HttpError.notFound();
    }
    Stay stay =
        portal
            .database()
            .read("find a stay to end", c -> stay(c, manager, kind, id))
            .orElseThrow(HttpError::notFound);
    FormErrors errors = new FormErrors(request);
    LocalDate moveOut = date(request.form("move_out"));
    LocalDate today = DwellingPage.today(portal);
    if (moveOut == null) {
      errors.reject("move_out", "manager.exit.date.invalid");
    } else if (moveOut.isBefore(stay.moveIn())) {
      errors.reject("move_out", "manager.exit.before", Show.date(stay.moveIn(), request.lang()));
    } else if (moveOut.isAfter(today)) {
      errors.reject("move_out", "manager.exit.future");
    }
    if (!errors.isEmpty()) {
      return page.render(
          request, manager, stay.dwelling(), new DwellingPage.Target(kind, id, errors));
    }
    Instant now = portal.clock().instant();
    portal
        .database()
        .write(
            "record an exit",
            Durability.FULL,
            c -> {
              boolean ended =
                  kind.equals("occupancy")
                      ? landlord.endOccupancy(c, id, moveOut)
                      : residencies.end(c, id, moveOut);
              audit.append(
                  c,
                  now,
                  manager,
                  "exit",
                  kind + " " + id,
                  request.clientIp(),
                  ended ? "move_out " + moveOut : "unchanged");
              return ended;
            });
    return Response.redirect("/gestion/logement?id=" + stay.dwelling());
  }

  private Optional<Stay> stay(java.sql.Connection c, long manager, String kind, long id)
      throws java.sql.SQLException {
    if (kind.equals("occupancy")) {
      Optional<Occupancy> occupancy = landlord.occupancy(c, id);
      if (occupancy.isEmpty()
          || occupancy.get().moveOut() != null
          || ManagerAccess.dwelling(c, landlord, manager, occupancy.get().dwelling()).isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Stay(occupancy.get().dwelling(), occupancy.get().moveIn()));
    }
    return ManagerAccess.residency(c, landlord, residencies, manager, id)
        .filter(r -> r.state() == ResidencyState.ACTIVE && r.moveOut() == null)
        .map(r -> new Stay(r.dwelling(), r.moveIn()));
  }

  Response consent(Request request) {
    long manager = request.requireAccount(AccountKind.MANAGER);
    long id = ManagerAccess.id(request.form("residency"));
    Residency residency =
        portal
            .database()
            .read(
                "find a residency",
                c -> ManagerAccess.residency(c, landlord, residencies, manager, id))
            .filter(r -> r.state() == ResidencyState.ACTIVE)
            .orElseThrow(HttpError::notFound);
    FormErrors errors = new FormErrors(request);
    Optional<Choice> choice = Choice.parse(request.form("choice"));
    String evidence = request.form("evidence").strip();
    if (choice.isEmpty()) {
      errors.reject("choice", "manager.consent.choice.required");
    } else if (choice.get() == Choice.GRANTED && evidence.isEmpty()) {
      // a manager never grants alone: the resident's signed form is the consent
      errors.reject("evidence", "manager.consent.evidence.required");
    } else if (evidence.length() > Fields.MAX_LENGTH) {
      errors.reject("evidence", "form.too.long", Fields.MAX_LENGTH);
    }
    if (!errors.isEmpty()) {
      return page.render(
          request, manager, residency.dwelling(), new DwellingPage.Target("consent", id, errors));
    }
    Instant now = portal.clock().instant();
    portal
        .database()
        .write(
            "record a consent",
            Durability.FULL,
            c -> {
              new Consents()
                  .append(
                      c,
                      residency.account(),
                      residency.dwelling(),
                      choice.get(),
                      manager,
                      Recorder.MANAGER,
                      evidence.isEmpty() ? null : evidence,
                      now);
              return audit.append(
                  c,
                  now,
                  manager,
                  "consent",
                  "residency " + id,
                  request.clientIp(),
                  choice.get().value() + " recorded by manager");
            });
    return Response.redirect("/gestion/logement?id=" + residency.dwelling());
  }

  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
