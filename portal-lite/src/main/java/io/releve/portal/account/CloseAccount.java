package io.releve.portal.account;

import io.releve.portal.store.Account;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Choice;
import io.releve.portal.store.Recorder;
import io.releve.portal.store.Residency;
import io.releve.portal.store.TokenPurpose;
import io.releve.portal.web.HttpError;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Closing one's account (the right to erasure): in one transaction, consent withdrawn for each of
 * its dwellings (unless it already is), residencies ended today (pending ones lapse), personal
 * fields erased, links revoked; then every session of the account ends. The account row, the ledger
 * and the audit stay, naming an account that has no name any more.
 */
final class CloseAccount {

  private final Repos repos;

  CloseAccount(Repos repos) {
    this.repos = repos;
  }

  /** {@code POST /compte/fermer} with {@code password}. */
  Response close(Request request) {
    long id = request.requireAccount(AccountKind.RESIDENT);
    Account me =
        repos.accounts.byId(id).filter(Account::canLogIn).orElseThrow(HttpError::loginRequired);
    char[] password = request.form("password").toCharArray();
    boolean verified = repos.portal.passwords().verify(password, me.passwordHash());
    Arrays.fill(password, '\0');
    if (!verified) {
      repos.audit(id, "account.close", LoginPages.subject(id), request, "refused");
      return Response.redirect("/compte?notice=close-refused");
    }
    Instant now = repos.now();
    LocalDate today = LocalDate.ofInstant(now, repos.portal.config().siteZone());
    repos.write(
        "close an account",
        c -> {
          Set<Long> dwellings = new HashSet<>();
          for (Residency residency : repos.residencies.ofAccount(c, id)) {
            if (dwellings.add(residency.dwelling())
                && repos
                    .consents
                    .current(c, id, residency.dwelling())
                    .filter(row -> row.choice() == Choice.WITHDRAWN)
                    .isEmpty()) {
              repos.consents.append(
                  c, id, residency.dwelling(), Choice.WITHDRAWN, id, Recorder.RESIDENT, null, now);
            }
          }
          repos.residencies.endAll(c, id, today);
          repos.accounts.close(c, id, now);
          repos.tokens.revokeAll(c, id, TokenPurpose.RESET, now);
          repos.tokens.revokeAll(c, id, TokenPurpose.ACTIVATION, now);
          repos.audit(c, id, "account.close", LoginPages.subject(id), request, "ok");
          return null;
        });
    // every browser logged in as the account, not only this one
    repos.portal.web().sessions().logOutAll(id);
    repos.portal.web().sessions().logOut(request);
    return Response.redirect("/?notice=closed");
  }
}
