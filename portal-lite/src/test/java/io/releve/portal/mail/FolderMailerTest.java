package io.releve.portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderMailerTest {

  @TempDir Path dir;

  private final Clock clock =
      Clock.fixed(Instant.parse("2026-11-28T10:15:02.123Z"), ZoneOffset.UTC);

  @Test
  void send_twoMails_writesTwoParsableEmlFilesInOrder() throws Exception {
    Path folder = dir.resolve("mail");
    FolderMailer mailer = new FolderMailer(folder, TestSmtp.FROM, clock);
    MailTexts texts = new MailTexts("http://localhost:8080/");

    mailer.send(texts.passwordReset("zoe@exemple.fr", Locale.FRENCH, "Zoé", "tok123"));
    mailer.send(texts.alreadyHasAccount("zoe@exemple.fr", Locale.ENGLISH));

    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.sorted().toList();
    }
    assertEquals(
        List.of("20261128-101502-123-000001.eml", "20261128-101502-123-000002.eml"),
        files.stream().map(f -> f.getFileName().toString()).toList());
    MimeMessage first;
    try (InputStream in = Files.newInputStream(files.get(0))) {
      first = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertEquals("Relevé : réinitialisation de votre mot de passe", first.getSubject());
    assertEquals("zoe@exemple.fr", first.getAllRecipients()[0].toString());
    assertEquals(Instant.parse("2026-11-28T10:15:02Z"), first.getSentDate().toInstant());
    String text = (String) first.getContent();
    assertTrue(text.contains("http://localhost:8080/reinitialisation?token=tok123"), text);
  }
}
