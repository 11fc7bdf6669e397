package io.releve.portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import io.releve.portal.Poll;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MailQueueTest {

  private static final Mail MAIL = new Mail("claire@exemple.fr", "Relevé : essai", "corps");

  @Test
  void offer_serverDownThenUp_theRetryDeliversIt() throws Exception {
    int port = TestSmtp.freePort();
    try (MailQueue queue =
        new MailQueue(
            TestSmtp.mailer(port, false, null, null), 10, Duration.ofSeconds(1), Duration.ZERO)) {
      // retries after 1 s, 4 s and 16 s: room for a slow server start on a loaded machine
      assertTrue(queue.offer(MAIL));
      Poll.until(() -> queue.attempts() >= 1, () -> "a first try");

      GreenMail server = TestSmtp.start(port);
      try {
        assertTrue(server.waitForIncomingEmail(30_000, 1));
        Poll.until(() -> queue.sent() == 1, () -> "the queue to count the mail as sent");
        assertEquals(0, queue.failed());
        assertTrue(queue.attempts() >= 2);
        assertEquals("Relevé : essai", server.getReceivedMessages()[0].getSubject());
      } finally {
        server.stop();
      }
    }
  }

  @Test
  void offer_serverNeverUp_dropsTheMailAfterThreeRetries() throws Exception {
    int port = TestSmtp.freePort();
    try (MailQueue queue =
        new MailQueue(
            TestSmtp.mailer(port, false, null, null), 10, Duration.ofMillis(1), Duration.ZERO)) {
      queue.offer(MAIL);

      Poll.until(() -> queue.failed() == 1, () -> "the mail to be dropped");
      assertEquals(1 + MailQueue.RETRIES, queue.attempts());
      assertEquals(0, queue.sent());
    }
  }

  @Test
  void close_mailsWaiting_sendsThemBeforeStopping() throws Exception {
    GreenMail server = TestSmtp.start();
    try {
      MailQueue queue =
          new MailQueue(
              TestSmtp.mailer(server.getSmtp().getPort(), false, null, null),
              10,
              Duration.ofMillis(100),
              Duration.ofSeconds(20));
      for (int i = 0; i < 5; i++) {
        queue.offer(MAIL);
      }

      queue.close();

      assertEquals(5, queue.sent());
      assertEquals(5, server.getReceivedMessages().length);
      assertFalse(queue.offer(MAIL), "a closed queue takes no more mail");
      assertEquals(1, queue.refused());
    } finally {
      server.stop();
    }
  }

  @Test
  void offer_queueFull_refusesAndCounts() throws Exception {
    int port = TestSmtp.freePort();
    // a long backoff keeps the first mail in its retry while the queue fills
    try (MailQueue queue =
        new MailQueue(
            TestSmtp.mailer(port, false, null, null), 2, Duration.ofMinutes(5), Duration.ZERO)) {
      queue.offer(MAIL);
      Poll.until(() -> queue.attempts() >= 1, () -> "the first mail to be tried");
      assertTrue(queue.offer(MAIL));
      assertTrue(queue.offer(MAIL));

      assertFalse(queue.offer(MAIL));
      assertEquals(1, queue.refused());
    }
  }
}
