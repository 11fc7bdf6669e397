package io.releve.portal.enrol;

import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Method;
import io.releve.portal.store.Role;
import io.releve.portal.store.SiteCode;
import io.releve.portal.web.Request;
import java.util.Optional;

/**
 * The answers of the enrolment steps so far, kept in the visitor's session; each step needs the
 * ones before it. Immutable: a step stores a new one.
 *
 * @param role step 1, never null
 * @param site step 2, null before
 * @param dwelling step 3, null before
 * @param method how step 3 found the dwelling, null before
 */
record Wizard(Role role, SiteCode site, DwellingRef dwelling, Method method) {

  private static final String ATTRIBUTE = "enrol.wizard";

  static Optional<Wizard> of(Request request) {
    return request.existingSession().flatMap(s -> s.attribute(ATTRIBUTE, Wizard.class));
  }

  void save(Request request) {
    request.session().setAttribute(ATTRIBUTE, this);
  }

  static void forget(Request request) {
    request.existingSession().ifPresent(s -> s.removeAttribute(ATTRIBUTE));
  }

  Wizard withRole(Role role) {
    // a new answer to an earlier step makes the later ones stale
    return new Wizard(role, null, null, null);
  }

  Wizard withSite(SiteCode site) {
    return new Wizard(role, site, null, null);
  }

  Wizard withDwelling(DwellingRef dwelling, Method method) {
    return new Wizard(role, site, dwelling, method);
  }
}
