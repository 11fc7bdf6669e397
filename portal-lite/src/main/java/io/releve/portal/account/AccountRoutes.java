package io.releve.portal.account;

import io.releve.portal.Portal;
import io.releve.portal.web.Router;

/** The routes of this feature: the table of contents of its pages. */
public final class AccountRoutes {

  private AccountRoutes() {}

  /** Adds this feature's routes to the portal's router. */
  public static void register(Portal portal) {
    Repos repos = new Repos(portal);
    LoginPages login = new LoginPages(repos);
    PasswordResetPages reset = new PasswordResetPages(repos);
    AccountPage account = new AccountPage(repos);
    PasswordChangePage password = new PasswordChangePage(repos);
    MyData data = new MyData(repos);
    CloseAccount close = new CloseAccount(repos);
    Router router = portal.web().router();
    router
        .get("/", login::home)
        .post("/connexion", login::logIn)
        .post("/deconnexion", login::logOut)
        .get("/mot-de-passe-oublie", reset::forgotForm)
        .post("/mot-de-passe-oublie", reset::forgot)
        .get("/reinitialisation", reset::resetForm)
        .post("/reinitialisation", reset::reset)
        .get("/compte", account::show)
        .post("/compte/coordonnees", account::contact)
        .post("/compte/consentement", account::consent)
        .post("/compte/notifications", account::notifications)
        .get("/compte/mot-de-passe", password::form)
        .post("/compte/mot-de-passe", password::change)
        .get("/compte/donnees", data::download)
        .post("/compte/fermer", close::close);
  }
}
