package io.releve.portal.account;

import io.releve.portal.Portal;
import io.releve.portal.web.Html;
import io.releve.portal.web.Page;
import io.releve.portal.web.Response;

/** The routes of this feature: the table of contents of its pages. */
public final class AccountRoutes {

  private AccountRoutes() {}

  /** Adds this feature's routes to the portal's router. */
  public static void register(Portal portal) {
    portal.web().router().get("/", request -> Response.page(Page.of("Portail Relevé", Html.EMPTY)));
  }
}
