package io.releve.portal.notify;

import static io.releve.portal.notify.NotifyWorld.DEVICE;
import static io.releve.portal.notify.NotifyWorld.SERIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.PortalWorld;
import io.releve.portal.store.Lang;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(120)
class AlertNotificationTest {

  /** 08:30 in Paris (UTC+1 in November). */
  private static final Instant START = Instant.parse("2026-11-12T07:30:00Z");

  private static final Settings EMAIL_AND_SMS = new Settings(true, true, true, false);
  private static final Settings NOTHING = new Settings(false, false, false, false);

  @TempDir Path dir;

  private static String text(MimeMessage mail) throws Exception {
    return ((String) mail.getContent()).replace("\r\n", "\n");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void leak_frenchResident_getsAnEmailWithTheFigures(Engine engine) throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long claire = world.resident("claire@exemple.fr", Lang.FR, null);
      world.residency(claire, home, "2026-03-01");
      world.leak(1, DEVICE, 2, START, "0.355", "5.00");

      Notifier.Run run = world.notifier.runOnce();

      assertEquals(new Notifier.Run(1, 0, 1, 0), run);
      MimeMessage mail = world.mails(1)[0];
      assertEquals("claire@exemple.fr", mail.getAllRecipients()[0].toString());
      assertEquals("Alerte fuite niveau 2 – compteur 12345678", mail.getSubject());
      String text = text(mail);
      assertTrue(
          text.contains(
              "Bonjour Claire,\n\nUne fuite est détectée sur votre compteur d’eau froide"
                  + " n° 12345678.\n\nNiveau : 2 – filet d’eau (8 à 12 L/h)\n"
                  + "Depuis le : 12/11/2026 à 08:30\nPerte totale : 0,355 m³\n"
                  + "Débit moyen de fuite : 5,00 L/h\n"),
          text);
      assertTrue(text.contains("\n" + world.portal.config().baseUrl() + "/alertes\n"), text);
      assertEquals(List.of(claire + " alert:gw-1/e1/1:level-2 email"), world.notices());
      assertEquals(List.of(), world.sms.sent());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void leak_englishResident_getsTheEmailInEnglish(Engine engine) throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long claire = world.resident("claire@exemple.fr", Lang.EN, null);
      world.residency(claire, home, "2026-03-01");
      world.leak(7, DEVICE, 1, START, "12.5", "4.25");

      world.notifier.runOnce();

      MimeMessage mail = world.mails(1)[0];
      assertEquals("Leak alert level 1 – meter 12345678", mail.getSubject());
      String text = text(mail);
      assertTrue(
          text.contains(
              "Hello Claire,\n\nA leak is detected on your cold water meter no. 12345678.\n\n"
                  + "Level: 1 – drip (4 to 8 L/h)\nSince: 12 November 2026 at 08:30\n"
                  + "Total loss: 12.5 m³\nAverage leak flow: 4.25 L/h\n"),
          text);
      assertTrue(text.contains(world.portal.config().baseUrl() + "/alertes"), text);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void leak_smsChosenWithAPhone_sendsTheSmsAsWellAsTheEmail(Engine engine) throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long claire = world.resident("claire@exemple.fr", Lang.FR, "+33612345678");
      world.residency(claire, home, "2026-03-01");
      world.settings(claire, EMAIL_AND_SMS);
      world.leak(1, DEVICE, 2, START, "0.355", "5.00");

      Notifier.Run run = world.notifier.runOnce();

      assertEquals(new Notifier.Run(1, 0, 1, 1), run);
      world.mails(1);
      assertEquals(
          List.of(
              new Sms(
                  "+33612345678",
                  "Relevé : fuite niveau 2 sur le compteur 12345678 (eau froide) depuis le"
                      + " 12/11/2026 à 08:30, perte 0,355 m³. Détail : "
                      + world.portal.config().baseUrl()
                      + "/alertes")),
          world.sms.sent());
      assertEquals(
          List.of(
              claire + " alert:gw-1/e1/1:level-2 email", claire + " alert:gw-1/e1/1:level-2 sms"),
          world.notices());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void leak_everythingTurnedOff_sendsNothing(Engine engine) throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long claire = world.resident("claire@exemple.fr", Lang.FR, "+33612345678");
      world.residency(claire, home, "2026-03-01");
      world.settings(claire, NOTHING);
      world.leak(1, DEVICE, 2, START, "0.355", "5.00");

      Notifier.Run run = world.notifier.runOnce();

      assertEquals(new Notifier.Run(1, 0, 0, 0), run);
      assertEquals(List.of(), world.notices());
      assertEquals(List.of(), world.sms.sent());
      assertEquals(0, world.portal.mail().waiting());
      assertEquals(0, world.smtp.getReceivedMessages().length);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void leak_secondRunRestartOrLostMark_neverSendsTwice(Engine engine) throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long claire = world.resident("claire@exemple.fr", Lang.FR, "+33612345678");
      world.residency(claire, home, "2026-03-01");
      world.settings(claire, EMAIL_AND_SMS);
      world.leak(1, DEVICE, 2, START, "0.355", "5.00");
      world.notifier.runOnce();

      Notifier.Run again = world.notifier.runOnce();
      RecordingSms afterRestart = new RecordingSms();
      Notifier.Run restarted = world.restarted(afterRestart).runOnce();
      // another portal that looks before this one marked the alert: the notices table decides
      world.write(
          c -> {
            PortalWorld.execute(c, "DELETE FROM portal_marks");
            return null;
          });
      Notifier.Run unmarked = world.restarted(afterRestart).runOnce();

      assertEquals(new Notifier.Run(0, 0, 0, 0), again);
      assertEquals(new Notifier.Run(0, 0, 0, 0), restarted);
      assertEquals(new Notifier.Run(1, 0, 0, 0), unmarked);
      assertEquals(1, world.mails(1).length);
      assertEquals(1, world.sms.sent().size());
      assertEquals(List.of(), afterRestart.sent());
      assertEquals(2, world.notices().size());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void leak_twoPortalsAtOnce_tellOnce(Engine engine) throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long claire = world.resident("claire@exemple.fr", Lang.FR, null);
      world.residency(claire, home, "2026-03-01");
      world.leak(1, DEVICE, 3, START, "1.2", "20.0");
      Notifier other = world.restarted(new RecordingSms());

      var first = java.util.concurrent.CompletableFuture.supplyAsync(world.notifier::runOnce);
      var second = java.util.concurrent.CompletableFuture.supplyAsync(other::runOnce);
      int mails = first.get().mails() + second.get().mails();

      assertEquals(1, mails);
      assertEquals(List.of(claire + " alert:gw-1/e1/1:level-3 email"), world.notices());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void leak_levelRiseNotifiesAgain_butALossUpdateOrAFallDoesNot(Engine engine) throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long claire = world.resident("claire@exemple.fr", Lang.FR, null);
      world.residency(claire, home, "2026-03-01");
      world.leak(1, DEVICE, 1, START, "0.100", "4.50");
      world.notifier.runOnce();

      world.leak(1, DEVICE, 1, START, "0.180", "4.60");
      Notifier.Run lossUpdate = world.notifier.runOnce();
      world.leak(1, DEVICE, 3, START, "0.950", "13.00");
      Notifier.Run rise = world.notifier.runOnce();
      world.leak(1, DEVICE, 2, START, "1.100", "11.00");
      Notifier.Run fall = world.notifier.runOnce();

      assertEquals(new Notifier.Run(0, 0, 0, 0), lossUpdate);
      assertEquals(new Notifier.Run(1, 0, 1, 0), rise);
      assertEquals(new Notifier.Run(0, 0, 0, 0), fall);
      MimeMessage[] mails = world.mails(2);
      assertEquals("Alerte fuite niveau 1 – compteur 12345678", mails[0].getSubject());
      assertEquals("Alerte fuite niveau 3 – compteur 12345678", mails[1].getSubject());
      assertTrue(text(mails[1]).contains("Perte totale : 0,950 m³\n"), text(mails[1]));
      assertEquals(
          List.of(
              claire + " alert:gw-1/e1/1:level-1 email", claire + " alert:gw-1/e1/1:level-3 email"),
          world.notices());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void leak_onlyTheCurrentOccupantsOfThatDwellingAreTold_ownersLivingThereToo(Engine engine)
      throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long elsewhere = world.dwellingWithMeter("B01", "KAM-87654321-01-16", "87654321");
      long claire = world.resident("claire@exemple.fr", Lang.FR, null);
      world.residency(claire, home, "2026-03-01");
      long former = world.resident("ancien@exemple.fr", Lang.FR, null);
      long left = world.residency(former, home, "2025-01-01");
      world.write(c -> world.residencies.end(c, left, LocalDate.parse("2026-02-28")));
      long owner = world.resident("proprio@exemple.fr", Lang.FR, null);
      world.residency(owner, home, Role.OWNER_LESSOR, ResidencyState.ACTIVE, "2020-01-01");
      long applicant = world.resident("candidat@exemple.fr", Lang.FR, null);
      world.residency(applicant, home, Role.OCCUPANT, ResidencyState.PENDING, "2026-03-01");
      long coOwner = world.resident("coproprio@exemple.fr", Lang.FR, null);
      world.residency(coOwner, home, Role.OWNER_OCCUPANT, ResidencyState.ACTIVE, "2026-03-01");
      long neighbour = world.resident("voisin@exemple.fr", Lang.FR, null);
      world.residency(neighbour, elsewhere, "2024-05-01");
      // moved in two days after the leak began: the leak's start lies before their window
      long newcomer = world.resident("nouveau@exemple.fr", Lang.FR, null);
      world.residency(newcomer, home, "2026-11-14");
      world.leak(1, DEVICE, 2, Instant.parse("2026-11-12T07:30:00Z"), "0.355", "5.00");

      Notifier.Run run = world.notifier.runOnce();

      assertEquals(new Notifier.Run(1, 0, 2, 0), run);
      assertEquals(
          List.of(
              claire + " alert:gw-1/e1/1:level-2 email",
              coOwner + " alert:gw-1/e1/1:level-2 email"),
          world.notices());
      MimeMessage[] mails = world.mails(2);
      assertEquals(
          List.of("claire@exemple.fr", "coproprio@exemple.fr"),
          List.of(
              mails[0].getAllRecipients()[0].toString(),
              mails[1].getAllRecipients()[0].toString()));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void leak_closedAccountGetsNothing_andNoPhoneGetsNoSms(Engine engine) throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long claire = world.resident("claire@exemple.fr", Lang.FR, null);
      world.residency(claire, home, "2026-03-01");
      // chosen while she had a phone, which she removed since
      world.settings(claire, EMAIL_AND_SMS);
      long closed = world.resident("parti@exemple.fr", Lang.FR, "+33698765432");
      world.residency(closed, home, "2026-03-01");
      world.settings(closed, EMAIL_AND_SMS);
      world.write(c -> world.accounts.close(c, closed, PortalWorld.NOW));
      world.leak(1, DEVICE, 2, START, "0.355", "5.00");

      Notifier.Run run = world.notifier.runOnce();

      assertEquals(new Notifier.Run(1, 0, 1, 0), run);
      assertEquals(List.of(claire + " alert:gw-1/e1/1:level-2 email"), world.notices());
      assertEquals(List.of(), world.sms.sent());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void meterAlarm_isTold_butNotHeardAndEndedAlertsAreNot(Engine engine) throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long claire = world.resident("claire@exemple.fr", Lang.FR, null);
      world.residency(claire, home, "2026-03-01");
      world.alert(1, DEVICE, "meter_alarm", "burst", null, START, null, null, null);
      world.alert(2, DEVICE, "not_heard", "", null, START, null, null, null);
      world.alert(3, DEVICE, "leak", "", 2, START, "0.010", "4.00", START.plusSeconds(7200));

      Notifier.Run run = world.notifier.runOnce();

      assertEquals(new Notifier.Run(1, 0, 1, 0), run);
      MimeMessage mail = world.mails(1)[0];
      assertEquals("Alarme sur votre compteur 12345678", mail.getSubject());
      assertTrue(
          text(mail)
              .contains(
                  "Votre compteur d’eau froide n° 12345678 signale une alarme : rupture.\n"
                      + "Depuis le : 12/11/2026 à 08:30\n"),
          text(mail));
      assertEquals(List.of(claire + " alert:gw-1/e1/1:opened email"), world.notices());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void leak_whenItEnds_itsMarkIsForgottenAndNothingIsSent(Engine engine) throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long claire = world.resident("claire@exemple.fr", Lang.FR, null);
      world.residency(claire, home, "2026-03-01");
      world.leak(1, DEVICE, 1, START, "0.100", "4.50");
      world.notifier.runOnce();
      List<String> marked = world.marks();

      world.alert(1, DEVICE, "leak", "", 1, START, "0.120", "4.40", START.plusSeconds(86_400));
      Notifier.Run ended = world.notifier.runOnce();

      assertEquals(List.of("notify.alert:gw-1/e1/1=1"), marked);
      assertEquals(new Notifier.Run(0, 0, 0, 0), ended);
      assertEquals(List.of(), world.marks());
      assertEquals(1, world.notices().size());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void leakRowWithoutItsFigures_isToldAsALeakWithoutFigures_andBlocksNothing(Engine engine)
      throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long claire = world.resident("claire@exemple.fr", Lang.EN, "+33612345678");
      world.residency(claire, home, "2026-03-01");
      world.settings(claire, EMAIL_AND_SMS);
      world.alert(1, DEVICE, "leak", "", null, START, null, null, null);
      world.leak(2, DEVICE, 1, START.plusSeconds(60), "0.004", "4.00");

      Notifier.Run run = world.notifier.runOnce();

      assertEquals(new Notifier.Run(2, 0, 2, 2), run);
      assertEquals(0, world.notifier.failures());
      MimeMessage[] mails = world.mails(2);
      assertEquals("Alarm on your meter 12345678", mails[0].getSubject());
      assertTrue(text(mails[0]).contains("reports an alarm: leak.\nSince: 12 November 2026 at"));
      assertEquals("Leak alert level 1 – meter 12345678", mails[1].getSubject());
      assertEquals(
          "Relevé: alarm “leak” on meter 12345678 (cold water) since 12 November 2026 at 08:30."
              + " Details: "
              + world.portal.config().baseUrl()
              + "/alertes",
          world.sms.sent().get(0).text());
    }
  }
}
