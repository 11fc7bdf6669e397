package io.releve.portal.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.Visitor;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each step of the enrolment validates what it is given and says what is wrong, where. */
@Timeout(60)
class EnrolmentStepsTest {

  @TempDir Path dir;
  private EnrolWorld world;
  private Visitor v;

  @BeforeEach
  void start() throws Exception {
    world = new EnrolWorld(dir);
    long dwelling = world.dwelling("A02", "17", "L/12345-B");
    world.device(dwelling, "wm-1", "12345678");
    world.occupancy(dwelling, null, "2024-09-01");
    v = world.visitor();
  }

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void status_noChoice_isRefusedWithAMessageAndShowsStep1Of4() throws Exception {
    HttpResponse<String> page = v.get("/inscription/statut");
    assertTrue(page.body().contains("Étape 1 sur 4"), page.body());

    HttpResponse<String> refused = v.post("/inscription/statut");

    assertEquals(422, refused.statusCode());
    assertTrue(refused.body().contains("id=\"f-status-error\">Choisissez votre situation"));
  }

  @Test
  void status_inEnglish_showsEnglishTexts() throws Exception {
    HttpResponse<String> page = v.get("/inscription/statut?lang=en");
    if (page.statusCode() == 303) {
      page = v.get("/inscription/statut");
    }
    assertTrue(page.body().contains("Step 1 of 4"), page.body());
  }

  @Test
  void residence_unknownSiteCode_saysNoResidenceHasIt() throws Exception {
    v.get("/inscription/statut");
    v.post("/inscription/statut", "status", "occupant");
    HttpResponse<String> page = v.get("/inscription/residence");
    assertTrue(page.body().contains("Étape 2 sur 4"));
    assertTrue(page.body().contains("href=\"/inscription/statut\""), "the way back");

    HttpResponse<String> refused = v.post("/inscription/residence", "site", "zz999");

    assertEquals(422, refused.statusCode());
    assertTrue(refused.body().contains("Aucune résidence ne porte le code ZZ999"));
  }

  @Test
  void residence_addressSearchWithoutAccents_listsTheMatchingSite() throws Exception {
    v.get("/inscription/statut");
    v.post("/inscription/statut", "status", "occupant");
    v.get("/inscription/residence");

    HttpResponse<String> matches = v.post("/inscription/residence", "address", "RUE DES lilas");

    assertTrue(matches.body().contains("value=\"LY003\""), matches.body());
    assertTrue(matches.body().contains("12 rue des Lilas, 69003 Lyon"));
  }

  @Test
  void dwelling_clientRefWithPrefixSpacesAndLowerCase_isAccepted() throws Exception {
    HttpResponse<String> found = Walk.toContact(v, "occupant", "client_ref", " l/ 12 345-b ");

    assertEquals(303, found.statusCode());
    assertEquals("/inscription/coordonnees", found.headers().firstValue("Location").orElse(""));
  }

  @Test
  void dwelling_unknownSerial_saysWhatToCheck() throws Exception {
    HttpResponse<String> refused = Walk.toContact(v, "occupant", "serial", "99999999");

    assertEquals(422, refused.statusCode());
    assertTrue(refused.body().contains("Vérifiez les chiffres imprimés sur le compteur"));
  }

  @Test
  void contact_moveInBeforeTheLastRecordedMoveIn_isRefusedWithTheAcceptedRange() throws Exception {
    Walk.toContact(v, "occupant", "client_ref", "12345-B");
    v.get("/inscription/coordonnees");

    HttpResponse<String> refused =
        v.post(
            "/inscription/coordonnees",
            "last_name",
            "Petit",
            "first_name",
            "Jeanne",
            "email",
            "jeanne@exemple.fr",
            "move_in",
            "2024-08-31",
            "certify",
            "on");

    assertEquals(422, refused.statusCode());
    assertTrue(
        refused
            .body()
            .contains(
                "entre le 01/09/2024 (dernière entrée connue pour ce logement)"
                    + " et aujourd’hui (12/11/2026)"),
        refused.body());
    assertTrue(refused.body().contains("contactez votre gestionnaire"));
    assertEquals(0, world.smtp.getReceivedMessages().length);
  }

  @Test
  void contact_moveInTomorrowOrNoCertification_isRefused() throws Exception {
    Walk.toContact(v, "occupant", "client_ref", "12345-B");
    HttpResponse<String> form = v.get("/inscription/coordonnees");
    assertTrue(form.body().contains("2016/679"), "the information notice on the form");
    assertTrue(form.body().contains("href=\"/confidentialite\""));
    assertTrue(form.body().contains("CNIL"));

    HttpResponse<String> refused =
        v.post(
            "/inscription/coordonnees",
            "last_name",
            "Petit",
            "first_name",
            "Jeanne",
            "email",
            "jeanne@exemple.fr",
            "move_in",
            "2026-11-13");

    assertEquals(422, refused.statusCode());
    assertTrue(refused.body().contains("id=\"f-move_in-error\""));
    assertTrue(refused.body().contains("id=\"f-certify-error\""));
  }

  @Test
  void post_withoutCsrf_isForbidden() throws Exception {
    v.get("/inscription/statut");

    HttpResponse<String> refused = v.postRaw("/inscription/statut", "status", "occupant");

    assertEquals(403, refused.statusCode());
  }

  @Test
  void everyPage_hasNoInlineScriptOrStyle() throws Exception {
    List<String> paths =
        List.of(
            "/inscription/statut",
            "/inscription/envoyee",
            "/confidentialite",
            "/conditions",
            "/activation?token=nope");
    for (String path : paths) {
      String body = v.get(path).body();
      assertFalse(body.contains("<style"), path);
      assertFalse(body.contains("style=\""), path);
      assertFalse(body.matches("(?s).*<script(?![^>]*src=)[^>]*>.*"), path);
      assertFalse(body.contains(" onclick="), path);
    }
    String privacy = v.get("/confidentialite").body();
    assertTrue(privacy.contains("14 jours") && privacy.contains("5 ans après la fermeture"));
  }
}
