package io.releve.portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SmtpMailerTest {

  private GreenMail server;

  @BeforeEach
  void startServer() {
    server = TestSmtp.start();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  private int port() {
    return server.getSmtp().getPort();
  }

  @Test
  void send_activationInFrench_arrivesWithItsAccentsAndLink() throws Exception {
    Mail mail =
        new MailTexts("https://portail.exemple.fr")
            .activation("claire@exemple.fr", Locale.FRENCH, "Zoé", "abc_DEF-123");

    TestSmtp.mailer(port(), false, null, null).send(mail);

    assertTrue(server.waitForIncomingEmail(5_000, 1));
    MimeMessage received = server.getReceivedMessages()[0];
    assertEquals("Relevé : activez votre compte", received.getSubject());
    // the raw header is encoded (RFC 2047): accents travel as UTF-8 words
    assertTrue(
        received.getHeader("Subject")[0].contains("=?UTF-8?"), received.getHeader("Subject")[0]);
    assertEquals("Relevé", ((InternetAddress) received.getFrom()[0]).getPersonal());
    assertEquals("claire@exemple.fr", received.getAllRecipients()[0].toString());
    String text = (String) received.getContent();
    assertTrue(text.contains("Bonjour Zoé,"), text);
    assertTrue(text.contains("https://portail.exemple.fr/activation?token=abc_DEF-123"), text);
  }

  @Test
  void send_withTheRightLogin_isAccepted() throws Exception {
    server.setUser("portal@releve.test", "portal", "s3cret-smtp");

    TestSmtp.mailer(port(), false, "portal", "s3cret-smtp")
        .send(new Mail("claire@exemple.fr", "Test", "corps"));

    assertTrue(server.waitForIncomingEmail(5_000, 1));
  }

  @Test
  void send_withAWrongPassword_failsNamingTheUserNotThePassword() {
    server.setUser("portal@releve.test", "portal", "s3cret-smtp");
    SmtpMailer mailer = TestSmtp.mailer(port(), false, "portal", "wrong-pass-42");

    MailException e =
        assertThrows(
            MailException.class, () -> mailer.send(new Mail("claire@exemple.fr", "Test", "corps")));

    assertTrue(e.getMessage().contains("refused the login of user [portal]"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-pass-42"), e.getMessage());
    assertEquals(0, server.getReceivedMessages().length);
  }

  @Test
  void send_starttlsRequiredButServerWithoutTls_failsClearlyBeforeLoggingIn() {
    SmtpMailer mailer = TestSmtp.mailer(port(), true, "portal", "s3cret-smtp");

    MailException e =
        assertThrows(
            MailException.class, () -> mailer.send(new Mail("claire@exemple.fr", "Test", "corps")));

    assertEquals(
        "the SMTP server 127.0.0.1:"
            + port()
            + " did not take a mail: it does not offer STARTTLS, which portal.mail.starttls = true"
            + " requires (the password would travel in clear); use a server with TLS, or set"
            + " portal.mail.starttls = false only for a server on this machine",
        e.getMessage());
    assertEquals(0, server.getReceivedMessages().length);
  }

  @Test
  void send_nothingListening_failsNamingTheServer() throws Exception {
    SmtpMailer mailer = TestSmtp.mailer(TestSmtp.freePort(), false, null, null);

    MailException e =
        assertThrows(
            MailException.class, () -> mailer.send(new Mail("claire@exemple.fr", "Test", "corps")));

    assertTrue(e.getMessage().contains("nothing answers there"), e.getMessage());
  }
}
