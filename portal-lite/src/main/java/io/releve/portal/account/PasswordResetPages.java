package io.releve.portal.account;

import io.releve.portal.auth.PasswordRules;
import io.releve.portal.auth.Tokens;
import io.releve.portal.mail.Mail;
import io.releve.portal.store.Account;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.TokenPurpose;
import io.releve.portal.web.FormErrors;
import io.releve.portal.web.Forms;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Forgot password and reset. The forgot page answers the same whatever the e-mail; only an active
 * account gets a link, single use and valid {@link #RESET_LIFETIME}. A reset does not log in: the
 * visitor logs in with the new password, which proves they know it. A reset ends every session of
 * the account.
 */
final class PasswordResetPages {

  static final Duration RESET_LIFETIME = Duration.ofHours(1);

  private final Repos repos;

  PasswordResetPages(Repos repos) {
    this.repos = repos;
  }

  /** {@code GET /mot-de-passe-oublie}. */
  Response forgotForm(Request request) {
    return forgotPage(request, new FormErrors(request), Html.EMPTY);
  }

  /** {@code POST /mot-de-passe-oublie}. */
  Response forgot(Request request) {
    String email = Accounts.normalizeEmail(request.form("email"));
    if (!Mail.isAddress(email)) {
      FormErrors errors = new FormErrors(request).reject("email", "form.email.invalid");
      return forgotPage(request, errors, Html.EMPTY).status(422);
    }
    Instant now = repos.now();
    // one path: the branch only decides whether a mail is queued
    Optional<Mail> mail =
        repos.write(
            "request a password reset",
            c -> {
              Optional<Account> account =
                  repos.accounts.byEmail(c, email).filter(Account::canLogIn);
              Long actor = account.map(Account::id).orElse(null);
              repos.audit(
                  c,
                  actor,
                  "password.reset.request",
                  LoginPages.subject(actor),
                  request,
                  account.isPresent() ? "sent" : "none");
              if (account.isEmpty()) {
                return Optional.empty();
              }
              String token = Tokens.newToken();
              // a new link makes the older ones worthless
              repos.tokens.revokeAll(c, actor, TokenPurpose.RESET, now);
              repos.tokens.insert(
                  c,
                  Tokens.sha256Hex(token),
                  actor,
                  TokenPurpose.RESET,
                  now,
                  now.plus(RESET_LIFETIME));
              Account found = account.get();
              return Optional.of(
                  repos
                      .portal
                      .texts()
                      .passwordReset(
                          found.email(),
                          Locale.forLanguageTag(found.lang().value()),
                          found.firstName(),
                          token));
            });
    mail.ifPresent(repos.portal.mail()::offer);
    Html sent =
        Html.of(
            "<p class=\"success\" role=\"status\">{}</p>",
            request.messages().get("account.forgot.sent"));
    return forgotPage(request, new FormErrors(request), sent);
  }

  /** {@code GET /reinitialisation?token=}. */
  Response resetForm(Request request) {
    String token = request.query("token");
    if (account(token).isEmpty()) {
      return invalidLink(request);
    }
    return resetPage(request, token, new FormErrors(request));
  }

  /** {@code POST /reinitialisation}. */
  Response reset(Request request) {
    String token = request.form("token");
    Optional<Account> account = account(token);
    if (account.isEmpty()) {
      return invalidLink(request);
    }
    FormErrors errors = new FormErrors(request);
    String password = request.form("password");
    PasswordRules.check(password, account.get().email())
        .ifPresent(key -> errors.reject("password", key));
    if (errors.isEmpty() && !password.equals(request.form("confirm"))) {
      errors.reject("confirm", "password.mismatch");
    }
    if (!errors.isEmpty()) {
      return resetPage(request, token, errors).status(422);
    }
    char[] chars = password.toCharArray();
    String hash = repos.portal.passwords().hash(chars);
    Arrays.fill(chars, '\0');
    Instant now = repos.now();
    Optional<Long> done =
        repos.write(
            "reset a password",
            c -> {
              Optional<Long> owner =
                  repos.tokens.consume(c, Tokens.sha256Hex(token), TokenPurpose.RESET, now);
              if (owner.isEmpty()) {
                // used by a request racing with this one
                return owner;
              }
              repos.accounts.setPasswordHash(c, owner.get(), hash);
              repos.tokens.revokeAll(c, owner.get(), TokenPurpose.RESET, now);
              repos.audit(
                  c, owner.get(), "password.reset", LoginPages.subject(owner.get()), request, "ok");
              return owner;
            });
    if (done.isEmpty()) {
      return invalidLink(request);
    }
    // a reset is what one does when the password leaked: no session made with the old one survives
    repos.portal.web().sessions().logOutAll(done.get());
    return Response.redirect("/?notice=password-reset");
  }

  /** The account of a usable reset link, without using it. */
  private Optional<Account> account(String token) {
    if (token.isEmpty()) {
      return Optional.empty();
    }
    Instant now = repos.now();
    return repos.read(
        "check a reset link",
        c -> {
          Optional<Long> owner =
              repos.tokens.peek(c, Tokens.sha256Hex(token), TokenPurpose.RESET, now);
          return owner.isEmpty()
              ? Optional.<Account>empty()
              : repos.accounts.byId(c, owner.get()).filter(Account::canLogIn);
        });
  }

  private Response forgotPage(Request request, FormErrors errors, Html notice) {
    Messages m = request.messages();
    Forms f = new Forms(request, errors);
    Html body =
        Html.of(
            "{}<p>{}</p>{}",
            notice,
            m.get("account.forgot.intro"),
            f.form(
                "/mot-de-passe-oublie",
                f.email("email", m.get("account.login.email"), ""),
                f.submit(m.get("account.forgot.submit"))));
    return Response.page(Page.of(m.get("account.forgot.title"), body));
  }

  private Response resetPage(Request request, String token, FormErrors errors) {
    Messages m = request.messages();
    Forms f = new Forms(request, errors);
    Html body =
        f.form(
            "/reinitialisation",
            f.hidden("token", token),
            f.input(
                "password",
                "password",
                m.get("account.reset.password"),
                "",
                "new-password",
                m.get("password.rule")),
            f.password("confirm", m.get("account.reset.confirm"), "new-password"),
            f.submit(m.get("account.reset.submit")));
    return Response.page(Page.of(m.get("account.reset.title"), body));
  }

  private static Response invalidLink(Request request) {
    Messages m = request.messages();
    Html body =
        Html.of(
            "<p class=\"card card--error\">{}</p><p><a href=\"/mot-de-passe-oublie\">{}</a></p>",
            m.get("account.reset.invalid"),
            m.get("account.reset.again"));
    return Response.page(Page.of(m.get("account.reset.title"), body)).status(410);
  }
}
