package io.releve.portal.enrol;

import io.releve.cloud.store.Durability;
import io.releve.portal.auth.PasswordRules;
import io.releve.portal.auth.Passwords;
import io.releve.portal.auth.Tokens;
import io.releve.portal.mail.Mail;
import io.releve.portal.mail.MailQueue;
import io.releve.portal.store.Account;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Residency;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.TokenPurpose;
import io.releve.portal.web.FormErrors;
import io.releve.portal.web.Forms;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import io.releve.portal.web.Sessions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * First login through the activation link: choose a password, accept the terms, and be logged in.
 * Showing the form only peeks at the link; posting it uses the link up, once.
 */
final class Activation {

  static final String PATH = "/activation";

  private final Repositories store;
  private final Passwords passwords;
  private final Sessions sessions;
  private final Clock clock;

  private final Enrolment enrolment;
  private final MailQueue queue;

  Activation(
      Repositories store,
      Passwords passwords,
      Sessions sessions,
      Clock clock,
      Enrolment enrolment,
      MailQueue queue) {
    this.enrolment = enrolment;
    this.queue = queue;
    this.store = store;
    this.passwords = passwords;
    this.sessions = sessions;
    this.clock = clock;
  }

  Response show(Request request) {
    String token = token(request);
    if (account(token).isEmpty()) {
      return invalid(request);
    }
    return page(request, new FormErrors(request), token);
  }

  Response submit(Request request) throws Exception {
    String token = token(request);
    Optional<Account> account = account(token);
    if (account.isEmpty()) {
      return invalid(request);
    }
    FormErrors errors = new FormErrors(request);
    String password = request.form("password");
    PasswordRules.check(password, account.get().email())
        .ifPresent(key -> errors.reject("password", key));
    if (!password.equals(request.form("confirm"))) {
      errors.reject("confirm", "password.mismatch");
    }
    if (!request.hasForm("terms")) {
      errors.reject("terms", "enrol.activation.terms.required");
    }
    if (!errors.isEmpty()) {
      return page(request, errors, token);
    }
    char[] chars = password.toCharArray();
    String hash;
    try {
      hash = passwords.hash(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
    Instant now = clock.instant();
    List<Mail> notices = new ArrayList<>();
    Optional<Account> activated =
        store
            .database()
            .write(
                "activate an account",
                Durability.FULL,
                c -> {
                  notices.clear();
                  Optional<Long> id =
                      store
                          .tokens()
                          .consume(c, Tokens.sha256Hex(token), TokenPurpose.ACTIVATION, now);
                  if (id.isEmpty()) {
                    return Optional.<Account>empty();
                  }
                  // the takeover guard again, now that the e-mail is proven: somebody may have
                  // moved in (and proven theirs) since the enrolment was sent
                  notices.addAll(holdIfOccupied(c, id.get(), request));
                  if (!store.accounts().activate(c, id.get(), now)) {
                    return Optional.<Account>empty();
                  }
                  store.accounts().setPasswordHash(c, id.get(), hash);
                  store.accounts().acceptTerms(c, id.get(), now);
                  store
                      .audit()
                      .append(
                          c,
                          now,
                          id.get(),
                          "enrolment.activated",
                          "account:" + id.get(),
                          request.clientIp(),
                          "success");
                  return store.accounts().byId(c, id.get());
                });
    if (activated.isEmpty()) {
      // the same link posted twice at once: the other request used it
      return invalid(request);
    }
    notices.forEach(queue::offer);
    Account opened = activated.get();
    // imported managers activate through the same link
    sessions.logIn(request, opened.id(), opened.kind());
    return Response.redirect(opened.kind() == AccountKind.MANAGER ? "/gestion" : HomePage.PATH);
  }

  /**
   * Puts back to pending each active residency of the account on a dwelling that somebody lives in
   * now, and returns the notices of those pending enrolments.
   */
  private List<Mail> holdIfOccupied(Connection c, long account, Request request)
      throws SQLException {
    List<Mail> notices = new ArrayList<>();
    for (Residency residency : store.residencies().ofAccount(c, account)) {
      if (residency.state() != ResidencyState.ACTIVE || !residency.role().occupies()) {
        continue;
      }
      if (store.landlord().activeOccupants(c, residency.dwelling()).isEmpty()) {
        continue;
      }
      store.residencies().hold(c, residency.id());
      Account applicant = store.accounts().byId(c, account).orElseThrow();
      DwellingRef dwelling = store.landlord().dwelling(c, residency.dwelling()).orElseThrow();
      notices.addAll(
          enrolment.pendingNotices(
              c,
              dwelling,
              applicant.firstName() + " " + applicant.lastName(),
              request.lang().locale()));
    }
    return notices;
  }

  private static String token(Request request) {
    String fromQuery = request.query("token");
    return fromQuery.isEmpty() ? request.form("token") : fromQuery;
  }

  /** The not yet activated account the link is for, if the link still works. */
  private Optional<Account> account(String token) {
    if (token.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return store
        .database()
        .read(
            "check an activation link",
            c -> {
              Optional<Long> id =
                  store.tokens().peek(c, Tokens.sha256Hex(token), TokenPurpose.ACTIVATION, now);
              return id.isEmpty()
                  ? Optional.<Account>empty()
                  : store
                      .accounts()
                      .byId(c, id.get())
                      .filter(a -> !a.isActivated() && !a.isClosed());
            });
  }

  private static Response page(Request request, FormErrors errors, String token) {
    Messages m = request.messages();
    Forms f = new Forms(request, errors);
    Html terms =
        Html.of(
            "<p><a href=\"{}\">{}</a></p>",
            PrivacyNotice.TERMS_PATH,
            m.get("enrol.activation.terms.read"));
    Html form =
        f.form(
            PATH + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
            f.input(
                "password",
                "password",
                m.get("enrol.activation.password"),
                "",
                "new-password",
                m.get("password.rule")),
            f.password("confirm", m.get("enrol.activation.confirm"), "new-password"),
            terms,
            f.checkbox("terms", m.get("enrol.activation.terms"), false),
            f.submit(m.get("enrol.activation.submit")));
    Response response =
        Response.page(
            Page.of(
                m.get("enrol.activation.title"),
                Html.join(Html.of("<p>{}</p>", m.get("enrol.activation.intro")), form)));
    return errors.isEmpty() ? response : response.status(422);
  }

  private static Response invalid(Request request) {
    Messages m = request.messages();
    return Response.page(
            Page.of(
                m.get("enrol.activation.invalid.title"),
                Html.of(
                    "<p class=\"notice\" id=\"link-invalid\">{}</p>"
                        + "<ul><li><a href=\"{}\">{}</a></li><li><a href=\"{}\">{}</a></li></ul>",
                    m.get("enrol.activation.invalid.text"),
                    StatusStep.PATH,
                    m.get("enrol.activation.invalid.enrol"),
                    "/mot-de-passe-oublie",
                    m.get("enrol.activation.invalid.forgot"))))
        .status(410);
  }
}
