package io.releve.portal.documents;

import io.releve.portal.Portal;

/** The routes of this feature: a resident's documents. */
public final class DocumentsRoutes {

  private DocumentsRoutes() {}

  /**
   * Adds the documents list and download to the portal's router. Both are a resident's: nobody
   * logged in gets the login page, a manager 404.
   */
  public static void register(Portal portal) {
    DocumentsPage page = new DocumentsPage(portal.database());
    portal
        .web()
        .router()
        .get(DocumentsPage.PATH, page::list)
        .get(DocumentsPage.DOWNLOAD, page::download);
  }
}
