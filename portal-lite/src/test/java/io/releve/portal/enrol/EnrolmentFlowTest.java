package io.releve.portal.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.Poll;
import io.releve.portal.Visitor;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Enrolment to home page: the takeover guard, enumeration safety, the activation link. */
@Timeout(60)
class EnrolmentFlowTest {

  private static final String PASSWORD = "Tr3s-Bon-Mot!";

  @TempDir Path dir;
  private EnrolWorld world;
  private long empty;
  private long occupied;

  @BeforeEach
  void start() throws Exception {
    world = new EnrolWorld(dir);
    empty = world.dwelling("A01", "16", "L/11111-A");
    world.device(empty, "wm-a", "11111111");
    // a former occupant's reading, before the new move-in, and one inside the window
    world.reading("wm-a", "100.5", Instant.parse("2026-10-01T08:00:00Z"));
    world.reading("wm-a", "123.25", Instant.parse("2026-11-11T08:00:00Z"));
    occupied = world.dwelling("A02", "17", "L/22222-B");
    world.device(occupied, "wm-b", "22222222");
    world.reading("wm-b", "999.75", Instant.parse("2026-11-11T08:00:00Z"));
    world.resident("claire@exemple.fr", occupied, "2025-01-01");
    world.manager("luc@gestion.fr");
  }

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void clientRefOnEmptyDwelling_isActiveAtActivation_andShowsOnlyItsOwnWindow() throws Exception {
    Visitor v = world.visitor();
    HttpResponse<String> sent =
        Walk.enrol(v, "occupant", "client_ref", "l/11111-a", "jeanne@exemple.fr", "2026-11-01");
    assertEquals("/inscription/envoyee", sent.headers().firstValue("Location").orElse(""));

    HttpResponse<String> activated =
        Walk.activate(v, world.activationLink("jeanne@exemple.fr"), PASSWORD);
    assertEquals("/accueil", activated.headers().firstValue("Location").orElse(""));
    String home = v.get("/accueil").body();

    assertTrue(home.contains("123,25 m³"), home);
    assertFalse(home.contains("100.5"), "a reading before the move-in");
    assertFalse(home.contains("999,75"), "another dwelling's reading");
    assertTrue(home.contains("<dialog id=\"consent-dialog\" open"));
  }

  @Test
  void serialOnOccupiedDwelling_staysPending_mailsOccupantAndManager_andShowsNothing()
      throws Exception {
    Visitor v = world.visitor();
    Walk.enrol(v, "occupant", "serial", "22222222", "intrus@exemple.fr", "2026-11-01");

    world.mails(3);
    assertEquals(1, world.mailsTo("claire@exemple.fr").size());
    assertEquals(1, world.mailsTo("luc@gestion.fr").size());
    Walk.activate(v, world.activationLink("intrus@exemple.fr"), PASSWORD);
    String home = v.get("/accueil").body();

    assertTrue(home.contains("attend la validation de votre gestionnaire"), home);
    assertFalse(home.contains("999,75"));
  }

  @Test
  void existingEmail_getsTheSameAnswer_andAnAlreadyMail() throws Exception {
    HttpResponse<String> fresh =
        Walk.enrol(
            world.visitor(), "occupant", "client_ref", "11111-A", "new@exemple.fr", "2026-11-01");
    HttpResponse<String> known =
        Walk.enrol(
            world.visitor(),
            "occupant",
            "client_ref",
            "11111-A",
            "CLAIRE@exemple.fr",
            "2026-11-01");

    assertEquals(fresh.statusCode(), known.statusCode());
    assertEquals(fresh.body(), known.body());
    assertEquals(withoutDate(fresh), withoutDate(known));
    world.mails(2);
    assertTrue(world.mailsTo("claire@exemple.fr").get(0).getSubject().contains("déjà un compte"));
  }

  /** The JDK server adds {@code Date}; two answers a second apart differ only there. */
  private static java.util.Map<String, java.util.List<String>> withoutDate(HttpResponse<?> r) {
    java.util.Map<String, java.util.List<String>> headers =
        new java.util.TreeMap<>(r.headers().map());
    headers.remove("date");
    headers.remove("Date");
    return headers;
  }

  @Test
  void activationLink_worksOnce_andNotAfter24Hours_andRefusesAWeakPassword() throws Exception {
    Visitor v = world.visitor();
    Walk.enrol(v, "owner_lessor", "client_ref", "11111-A", "a@exemple.fr", "2026-11-01");
    String link = world.activationLink("a@exemple.fr");

    HttpResponse<String> weak = Walk.activate(v, link, "password");
    assertEquals(422, weak.statusCode());
    assertTrue(weak.body().contains("id=\"f-password-error\""));
    assertEquals(303, Walk.activate(v, link, PASSWORD).statusCode());
    assertTrue(v.get("/accueil").body().contains("pas de données de consommation"));
    assertEquals(
        410, world.visitor().get(link.substring(link.indexOf("/activation"))).statusCode());

    Visitor late = world.visitor();
    Walk.enrol(late, "occupant", "client_ref", "11111-A", "b@exemple.fr", "2026-11-01");
    String expiring = world.activationLink("b@exemple.fr");
    world.clock.advance(Duration.ofHours(24));
    HttpResponse<String> expired = late.get(expiring.substring(expiring.indexOf("/activation")));
    assertEquals(410, expired.statusCode());
    assertTrue(expired.body().contains("/mot-de-passe-oublie"));
  }

  @Test
  void enrolmentNeverActivated_isReplacedByTheNextOneWithTheSameEmail() throws Exception {
    Walk.enrol(world.visitor(), "occupant", "client_ref", "11111-A", "c@exemple.fr", "2026-11-01");
    String first = world.activationLink("c@exemple.fr");
    world.clock.advance(Duration.ofHours(25));

    // the link expired unused: enrolling again sends a new one instead of "you have an account"
    Walk.enrol(world.visitor(), "occupant", "client_ref", "11111-A", "c@exemple.fr", "2026-11-02");
    world.mails(2);
    String second = world.activationLink("c@exemple.fr");
    assertTrue(!second.equals(first));
    Visitor v = world.visitor();
    assertEquals(303, Walk.activate(v, second, PASSWORD).statusCode());
    assertTrue(!v.get("/accueil").body().contains("attend la validation"));
  }

  @Test
  void enrolmentNeverActivated_makesNobodyTheOccupant_soTheNextOneIsNotHeldBack() throws Exception {
    Walk.enrol(world.visitor(), "occupant", "client_ref", "11111-A", "e@exemple.fr", "2026-11-01");
    world.activationLink("e@exemple.fr");

    Walk.enrol(world.visitor(), "occupant", "serial", "11111111", "f@exemple.fr", "2026-11-02");
    Visitor v = world.visitor();
    assertEquals(
        303, Walk.activate(v, world.activationLink("f@exemple.fr"), PASSWORD).statusCode());

    String home = v.get("/accueil").body();
    assertTrue(!home.contains("attend la validation"), home);
    assertTrue(home.contains("123"), home);
  }

  @Test
  void moveIn_beforeThePreviousOccupantLeft_isRefused_soTheirDaysStayTheirs() throws Exception {
    world.write(
        c ->
            world.landlord.upsertOccupancy(
                c,
                empty,
                "Durand",
                "Paul",
                null,
                java.time.LocalDate.parse("2023-01-01"),
                java.time.LocalDate.parse("2026-10-15"),
                EnrolWorld.START));

    HttpResponse<String> early =
        Walk.enrol(
            world.visitor(), "occupant", "client_ref", "11111-A", "g@exemple.fr", "2023-01-02");
    HttpResponse<String> onTheDay =
        Walk.enrol(
            world.visitor(), "occupant", "client_ref", "11111-A", "h@exemple.fr", "2026-10-15");

    assertEquals(422, early.statusCode());
    assertTrue(early.body().contains("15/10/2026"), early.body());
    assertEquals(303, onTheDay.statusCode());
    assertTrue(world.mailsTo("g@exemple.fr").isEmpty());
  }

  @Test
  void enrolmentActivatedAfterSomebodyElseMovedIn_staysPending_andTellsTheOccupant()
      throws Exception {
    Visitor intruder = world.visitor();
    Walk.enrol(intruder, "occupant", "lot", "16", "x@exemple.fr", "2026-11-01");
    String late = world.activationLink("x@exemple.fr");
    Visitor tenant = world.visitor();
    Walk.enrol(tenant, "occupant", "client_ref", "11111-A", "y@exemple.fr", "2026-11-02");
    Walk.activate(tenant, world.activationLink("y@exemple.fr"), PASSWORD);

    assertEquals(303, Walk.activate(intruder, late, PASSWORD).statusCode());

    String home = intruder.get("/accueil").body();
    assertTrue(home.contains("attend la validation"), home);
    assertFalse(home.contains("123,25"), home);
    assertFalse(home.contains("consent-dialog"), home);
    Poll.until(() -> world.mailsTo("y@exemple.fr").size() == 2, () -> "the occupant's notice");
    Poll.until(() -> world.mailsTo("luc@gestion.fr").size() == 1, () -> "the manager's notice");
  }
}
