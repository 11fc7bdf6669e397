package io.releve.portal.notify;

import static io.releve.portal.notify.NotifyWorld.DEVICE;
import static io.releve.portal.notify.NotifyWorld.SERIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.PortalWorld;
import io.releve.portal.store.Lang;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(120)
class DocumentNotificationTest {

  private static final String TITLE = "Relevé de consommation – octobre 2026";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void newDocument_isToldToItsResidentOnce_byEmailAndBySmsAsChosen(Engine engine) throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long claire = world.resident("claire@exemple.fr", Lang.FR, "+33612345678");
      long stay = world.residency(claire, home, "2026-03-01");
      world.settings(claire, new Settings(true, false, true, true));
      long id = world.document(stay, "2026-10", TITLE, PortalWorld.NOW);

      Notifier.Run first = world.notifier.runOnce();
      Notifier.Run second = world.notifier.runOnce();
      Notifier.Run restarted = world.restarted(new RecordingSms()).runOnce();

      assertEquals(new Notifier.Run(0, 1, 1, 1), first);
      assertEquals(new Notifier.Run(0, 0, 0, 0), second);
      assertEquals(new Notifier.Run(0, 0, 0, 0), restarted);
      MimeMessage mail = world.mails(1)[0];
      assertEquals("Nouveau document : " + TITLE, mail.getSubject());
      String text = ((String) mail.getContent()).replace("\r\n", "\n");
      assertTrue(
          text.contains(
              "Bonjour Claire,\n\nUn nouveau document est disponible dans votre espace : "
                  + TITLE
                  + " (octobre 2026).\n\nVos documents :\n"
                  + world.portal.config().baseUrl()
                  + "/documents\n"),
          text);
      String link = world.portal.config().baseUrl() + "/documents";
      assertEquals(
          List.of(new Sms("+33612345678", "Relevé : nouveau document « " + TITLE + " ». " + link)),
          world.sms.sent());
      assertEquals(
          List.of(claire + " document:" + id + " email", claire + " document:" + id + " sms"),
          world.notices());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void newDocument_emailTurnedOff_sendsNothing_andALaterOneIsStillTold(Engine engine)
      throws Exception {
    try (NotifyWorld world = new NotifyWorld(engine, dir)) {
      long home = world.dwellingWithMeter("A02", DEVICE, SERIAL);
      long claire = world.resident("claire@exemple.fr", Lang.EN, null);
      long stay = world.residency(claire, home, "2026-03-01");
      world.settings(claire, new Settings(true, false, false, false));
      world.document(stay, "2026-09", "Statement – September 2026", PortalWorld.NOW);
      Notifier.Run off = world.notifier.runOnce();

      world.settings(claire, Settings.DEFAULTS);
      world.clock.advance(Duration.ofDays(31));
      long october =
          world.document(stay, "2026-10", "Statement – October 2026", world.clock.instant());
      Notifier.Run on = world.notifier.runOnce();

      assertEquals(new Notifier.Run(0, 1, 0, 0), off);
      assertEquals(new Notifier.Run(0, 1, 1, 0), on);
      MimeMessage mail = world.mails(1)[0];
      assertEquals("New document: Statement – October 2026", mail.getSubject());
      assertTrue(((String) mail.getContent()).contains("(October 2026)"));
      assertEquals(List.of(claire + " document:" + october + " email"), world.notices());
    }
  }
}
