package io.releve.portal.account;

import io.releve.portal.auth.PasswordRules;
import io.releve.portal.store.Account;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.TokenPurpose;
import io.releve.portal.web.FormErrors;
import io.releve.portal.web.Forms;
import io.releve.portal.web.HttpError;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.RateLimits;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import io.releve.portal.web.Session;
import io.releve.portal.web.Sessions;
import java.util.Arrays;

/**
 * Changing one's password, knowing the current one. A wrong current password counts as a failed
 * login, so that a forgotten open session cannot be used to guess the password. A change ends every
 * other session of the account; the visitor's own continues on a new id.
 */
final class PasswordChangePage {

  private final Repos repos;

  PasswordChangePage(Repos repos) {
    this.repos = repos;
  }

  /** {@code GET /compte/mot-de-passe}. */
  Response form(Request request) {
    AccountPage.loggedIn(request);
    return page(request, new FormErrors(request));
  }

  /** {@code POST /compte/mot-de-passe}. */
  Response change(Request request) {
    long id = AccountPage.loggedIn(request);
    Account me =
        repos.accounts.byId(id).filter(Account::canLogIn).orElseThrow(HttpError::loginRequired);
    RateLimits limits = repos.portal.web().rateLimits();
    FormErrors errors = new FormErrors(request);
    char[] current = request.form("current").toCharArray();
    boolean verified = repos.portal.passwords().verify(current, me.passwordHash());
    Arrays.fill(current, '\0');
    if (!verified || limits.loginBlocked(me.email())) {
      limits.loginFailed(me.email());
      repos.audit(id, "password.change", LoginPages.subject(id), request, "refused");
      errors.reject("current", "account.password.wrong");
      return page(request, errors).status(422);
    }
    String password = request.form("password");
    PasswordRules.check(password, me.email()).ifPresent(key -> errors.reject("password", key));
    if (errors.isEmpty() && !password.equals(request.form("confirm"))) {
      errors.reject("confirm", "password.mismatch");
    }
    if (!errors.isEmpty()) {
      return page(request, errors).status(422);
    }
    char[] chars = password.toCharArray();
    String hash = repos.portal.passwords().hash(chars);
    Arrays.fill(chars, '\0');
    repos.write(
        "change a password",
        c -> {
          repos.accounts.setPasswordHash(c, id, hash);
          // a reset link asked for before the change must not undo it
          repos.tokens.revokeAll(c, id, TokenPurpose.RESET, repos.now());
          repos.audit(c, id, "password.change", LoginPages.subject(id), request, "ok");
          return null;
        });
    // whoever else held a session (the reason for a change, often) is out; this visitor stays
    // logged in, on a fresh session id
    Sessions sessions = repos.portal.web().sessions();
    AccountKind kind = request.existingSession().flatMap(Session::kind).orElseThrow();
    sessions.logOutAll(id);
    sessions.logIn(request, id, kind);
    return Response.redirect("/compte?notice=password-changed");
  }

  private static Response page(Request request, FormErrors errors) {
    Messages m = request.messages();
    Forms f = new Forms(request, errors);
    return Response.page(
        Page.of(
            m.get("account.password.title"),
            f.form(
                "/compte/mot-de-passe",
                f.password("current", m.get("account.password.current"), "current-password"),
                f.input(
                    "password",
                    "password",
                    m.get("account.reset.password"),
                    "",
                    "new-password",
                    m.get("password.rule")),
                f.password("confirm", m.get("account.reset.confirm"), "new-password"),
                f.submit(m.get("account.password.submit")))));
  }
}
