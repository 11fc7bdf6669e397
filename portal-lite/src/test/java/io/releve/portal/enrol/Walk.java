package io.releve.portal.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.portal.Visitor;
import java.net.http.HttpResponse;

/** The four steps over HTTP, for the tests that need an enrolment done. */
public final class Walk {

  /** The residence code of the enrolment tests' site. */
  private static final String SITE = "ly003";

  private Walk() {}

  /** Steps 1 to 3 at the enrolment tests' site; returns step 3's answer. */
  static HttpResponse<String> toContact(Visitor v, String status, String method, String identifier)
      throws Exception {
    return toContact(v, SITE, status, method, identifier);
  }

  /** Steps 1 to 3 at {@code site}; returns step 3's answer. */
  static HttpResponse<String> toContact(
      Visitor v, String site, String status, String method, String identifier) throws Exception {
    v.get("/inscription/statut");
    assertEquals(303, v.post("/inscription/statut", "status", status).statusCode());
    v.get("/inscription/residence");
    assertEquals(303, v.post("/inscription/residence", "site", site).statusCode());
    v.get("/inscription/logement");
    return v.post("/inscription/logement", "method", method, "identifier", identifier);
  }

  /** The whole enrolment at the enrolment tests' site; returns step 4's answer. */
  static HttpResponse<String> enrol(
      Visitor v, String status, String method, String identifier, String email, String moveIn)
      throws Exception {
    return enrol(v, SITE, status, method, identifier, email, moveIn);
  }

  /** The whole enrolment at {@code site}, as Jeanne Petit; returns step 4's answer. */
  public static HttpResponse<String> enrol(
      Visitor v,
      String site,
      String status,
      String method,
      String identifier,
      String email,
      String moveIn)
      throws Exception {
    assertEquals(303, toContact(v, site, status, method, identifier).statusCode());
    v.get("/inscription/coordonnees");
    return v.post(
        "/inscription/coordonnees",
        "last_name",
        "Petit",
        "first_name",
        "Jeanne",
        "email",
        email,
        "move_in",
        moveIn,
        "certify",
        "on");
  }

  /** Opens the activation link and sets a password; returns the POST's answer. */
  public static HttpResponse<String> activate(Visitor v, String link, String password)
      throws Exception {
    String path = link.substring(link.indexOf("/activation"));
    v.get(path);
    return v.post(path, "password", password, "confirm", password, "terms", "on");
  }
}
