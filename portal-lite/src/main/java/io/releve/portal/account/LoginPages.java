package io.releve.portal.account;

import io.releve.portal.store.Account;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Accounts;
import io.releve.portal.web.Forms;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.RateLimits;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import io.releve.portal.web.Session;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The login page, login and logout. Every refusal (unknown e-mail, wrong password, closed or not
 * activated account, too many failures) takes the same path and answers the same page, byte for
 * byte, so that nothing tells whether an e-mail has an account.
 */
final class LoginPages {

  /** The notices other pages ask the login page to show with {@code ?notice=}. */
  private static final Map<String, String> NOTICES =
      Map.of(
          "password-reset", "account.notice.password_reset",
          "closed", "account.notice.closed",
          "logged-out", "account.notice.logged_out");

  private final Repos repos;

  LoginPages(Repos repos) {
    this.repos = repos;
  }

  /** {@code GET /}: the form, or the logged-in visitor's home. */
  Response home(Request request) {
    Optional<Session> session = request.existingSession().filter(Session::loggedIn);
    if (session.isPresent()) {
      return Response.redirect(homeOf(session.get().kind().orElseThrow()));
    }
    String noticeKey = NOTICES.get(request.query("notice"));
    Html notice =
        noticeKey == null
            ? Html.EMPTY
            : Html.of(
                "<p class=\"success\" role=\"status\">{}</p>", request.messages().get(noticeKey));
    return form(request, notice);
  }

  /** {@code POST /connexion}. */
  Response logIn(Request request) {
    String email = Accounts.normalizeEmail(request.form("email"));
    char[] password = request.form("password").toCharArray();
    RateLimits limits = repos.portal.web().rateLimits();
    try {
      Optional<Account> account =
          email.isEmpty() ? Optional.empty() : repos.accounts.byEmail(email);
      // one path: the hash is checked (or the same work done) whatever the account and the limit
      boolean verified =
          account.filter(Account::canLogIn).isPresent()
              ? repos.portal.passwords().verify(password, account.get().passwordHash())
              : repos.portal.passwords().dummyVerify(password);
      boolean blocked = limits.loginBlocked(email);
      Long actor = account.map(Account::id).orElse(null);
      if (!verified || blocked) {
        limits.loginFailed(email);
        repos.audit(actor, "login", subject(actor), request, blocked ? "blocked" : "refused");
        return form(
            request,
            Html.of(
                "<p class=\"card card--error\" role=\"alert\">{}</p>",
                request.messages().get("account.login.failed")));
      }
      Account found = account.get();
      AccountKind kind = found.kind();
      repos.portal.web().sessions().logIn(request, found.id(), kind);
      limits.loginSucceeded(email);
      repos.audit(actor, "login", subject(actor), request, "ok");
      return Response.redirect(homeOf(kind));
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** {@code POST /deconnexion}. */
  Response logOut(Request request) {
    Optional<Long> account = request.accountId();
    repos.portal.web().sessions().logOut(request);
    account.ifPresent(id -> repos.audit(id, "logout", subject(id), request, "ok"));
    return Response.redirect("/?notice=logged-out");
  }

  static String homeOf(AccountKind kind) {
    return kind == AccountKind.MANAGER ? "/gestion" : "/accueil";
  }

  static String subject(Long account) {
    return account == null ? null : "account:" + account;
  }

  // the form never echoes the e-mail typed: the failure page must not differ between e-mails
  private static Response form(Request request, Html notice) {
    Messages m = request.messages();
    Forms f = new Forms(request);
    Html body =
        Html.of(
            """
            {}{}<p><a href="/mot-de-passe-oublie">{}</a></p>
            <div class="card"><h2>{}</h2><p>{}</p>\
            <p><a class="button button--quiet" href="/inscription/statut">{}</a></p></div>""",
            notice,
            f.form(
                "/connexion",
                f.email("email", m.get("account.login.email"), ""),
                f.password("password", m.get("account.login.password"), "current-password"),
                f.submit(m.get("account.login.submit"))),
            m.get("account.login.forgot"),
            m.get("account.login.new.title"),
            m.get("account.login.new.text"),
            m.get("account.login.enrol"));
    return Response.page(Page.of(m.get("account.login.title"), body));
  }
}
