package io.releve.portal.notify;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.Durability;
import io.releve.portal.Periodic;
import io.releve.portal.Portal;
import io.releve.portal.mail.Mail;
import io.releve.portal.mail.MailQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells residents about leak alerts that opened or rose a level ({@link AlertNotices}) and about
 * their new documents ({@link DocumentNotices}), by e-mail and SMS as each chose ({@link
 * Settings}). Every notice is recorded in {@code notifications} in the transaction that decides to
 * send it, one transaction per alert or document, and handed to the mail queue or the SMS sender
 * only once that commits: a notice goes out at most once, whatever restarts or how many portals run
 * (a crash between the commit and the sending loses it rather than repeating it).
 *
 * <p>{@link #start} runs it every {@link #PERIOD} on one daemon thread; {@link #runOnce()} is one
 * run, for tests and for the schedule.
 */
public final class Notifier implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  /** How often the notifier looks for alerts and documents. */
  public static final Duration PERIOD = Duration.ofSeconds(30);

  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  /** What one run did. */
  public record Run(int alerts, int documents, int mails, int sms) {}

  private final Database database;
  private final Clock clock;
  private final MailQueue mail;
  private final SmsSender sms;
  private final AlertNotices alerts;
  private final DocumentNotices documents;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong smsFailures = new AtomicLong();
  private Periodic schedule;

  /** A notifier of {@code portal}'s store that sends SMS through {@code sms}; nothing runs yet. */
  public Notifier(Portal portal, SmsSender sms) {
    this.database = portal.database();
    this.clock = portal.clock();
    this.mail = portal.mail();
    this.sms = sms;
    Notices notices = new Notices();
    NoticeTexts texts =
        new NoticeTexts(
            portal.web()::messages, portal.config().baseUrl(), portal.config().siteZone());
    this.alerts = new AlertNotices(notices, texts, portal.config().siteZone());
    this.documents = new DocumentNotices(notices, texts);
  }

  /** A notifier that runs every {@link #PERIOD}, the first time one period from now. */
  public static Notifier start(Portal portal, SmsSender sms) {
    Notifier notifier = new Notifier(portal, sms);
    notifier.schedule =
        Periodic.start(
            "portal-notifier", "Notifier run", PERIOD, PERIOD, CLOSE_WAIT, notifier::runLogged);
    return notifier;
  }

  /**
   * Looks for alerts and documents to tell about, records and sends the notices. An alert or a
   * document whose decision fails is counted in {@link #failures()}, logged and left for the next
   * run; the others go ahead.
   *
   * @throws io.releve.cloud.store.StoreException when the store fails while looking; what committed
   *     before stays committed and is sent
   */
  public Run runOnce() {
    int mails = 0;
    int texts = 0;
    List<LeakAlert> changed = database.read("find alerts to notify", alerts::changed);
    for (LeakAlert alert : changed) {
      Outgoing out =
          decide(
              "alert " + alert.describe(),
              () ->
                  database.write(
                      "record the notices of an alert",
                      Durability.FULL,
                      c -> alerts.decide(c, alert, clock.instant())));
      mails += send(out.mails());
      texts += sendSms(out.sms());
    }
    database.write("forget the marks of ended alerts", Durability.FULL, alerts::forgetEnded);
    List<NewDocument> fresh =
        database.read("find documents to notify", c -> documents.fresh(c, clock.instant()));
    for (NewDocument document : fresh) {
      Outgoing out =
          decide(
              "document " + document.id(),
              () ->
                  database.write(
                      "record the notices of a document",
                      Durability.FULL,
                      c -> documents.decide(c, document, clock.instant())));
      mails += send(out.mails());
      texts += sendSms(out.sms());
    }
    return new Run(changed.size(), fresh.size(), mails, texts);
  }

  /**
   * One alert's or document's decision; when it fails, nothing of it committed, so it is counted,
   * logged and tried again next run, and the others still go ahead.
   */
  private Outgoing decide(String what, Supplier<Outgoing> decision) {
    try {
      return decision.get();
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      log.error("Notices of {} not decided; tried again next run", what, e);
      return new Outgoing();
    }
  }

  /** How many runs, alerts or documents failed since the start (each logged). */
  public long failures() {
    return failures.get() + (schedule == null ? 0 : schedule.failures());
  }

  /** How many SMS the sender refused since the start (each logged, never retried). */
  public long smsFailures() {
    return smsFailures.get();
  }

  private int send(List<Mail> mails) {
    int queued = 0;
    for (Mail m : mails) {
      // a full queue is counted and logged by the queue itself
      if (mail.offer(m)) {
        queued++;
      }
    }
    return queued;
  }

  private int sendSms(List<Sms> messages) {
    int sent = 0;
    for (Sms message : messages) {
      try {
        sms.send(message);
        sent++;
      } catch (SmsException | RuntimeException e) {
        // recorded as sent already: trying again could send it twice, so it is counted and logged
        smsFailures.incrementAndGet();
        log.error("SMS to {} not sent: {}", message.maskedTo(), e.getMessage());
      }
    }
    return sent;
  }

  private void runLogged() {
    Run run = runOnce();
    if (run.mails() + run.sms() > 0) {
      log.info(
          "Notifications: {} alerts and {} documents handled, {} e-mails and {} SMS sent",
          run.alerts(),
          run.documents(),
          run.mails(),
          run.sms());
    }
  }

  /** Stops the schedule, letting a run under way finish; a notifier never started has none. */
  @Override
  public void close() {
    if (schedule != null) {
      schedule.close();
    }
  }
}
