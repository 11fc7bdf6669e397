package io.releve.portal.enrol;

import io.releve.portal.Portal;

/** The routes of this feature: the table of contents of its pages. */
public final class EnrolRoutes {

  private EnrolRoutes() {}

  /** Adds this feature's routes to the portal's router. */
  public static void register(Portal portal) {}
}
