package io.releve.portal.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.portal.Visitor;
import java.net.http.HttpResponse;

/** The four steps over HTTP, for the tests that need an enrolment done. */
final class Walk {
  private Walk() {}

  /** Steps 1 to 3; returns step 3's answer. */
  static HttpResponse<String> toContact(Visitor v, String status, String method, String identifier)
      throws Exception {
    v.get("/inscription/statut");
    assertEquals(303, v.post("/inscription/statut", "status", status).statusCode());
    v.get("/inscription/residence");
    assertEquals(303, v.post("/inscription/residence", "site", "ly003").statusCode());
    v.get("/inscription/logement");
    return v.post("/inscription/logement", "method", method, "identifier", identifier);
  }

  /** The whole enrolment; returns step 4's answer. */
  static HttpResponse<String> enrol(
      Visitor v, String status, String method, String identifier, String email, String moveIn)
      throws Exception {
    assertEquals(303, toContact(v, status, method, identifier).statusCode());
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
  static HttpResponse<String> activate(Visitor v, String link, String password) throws Exception {
    String path = link.substring(link.indexOf("/activation"));
    v.get(path);
    return v.post(path, "password", password, "confirm", password, "terms", "on");
  }
}
