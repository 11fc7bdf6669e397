package io.releve.portal.mail;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail on one background thread, so that a web request never waits for SMTP. A mail that
 * fails is tried again {@value #RETRIES} times, waiting {@code backoff}, then 4 × and 16 × as long;
 * then it is dropped, counted and logged (recipient's domain and reason, never the body, which may
 * hold a link's token). Mail that arrives when {@code capacity} mails already wait is refused.
 */
public final class MailQueue implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MailQueue.class);

  /** Tries after the first: with the default backoff they span about a minute and a half. */
  public static final int RETRIES = 3;

  /** The first wait after a failure; the next ones are 4 × longer each. */
  public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(5);

  /** Mails that may wait: a burst of enrolments fits, a mail loop does not fill the heap. */
  public static final int DEFAULT_CAPACITY = 1000;

  /** How long {@link #close()} keeps sending what waits, by default. */
  public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(10);

  private static final int BACKOFF_FACTOR = 4;

  private final Mailer mailer;
  private final Duration backoff;
  private final Duration drain;
  private final BlockingQueue<Mail> waiting;
  private final Thread worker;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong attempts = new AtomicLong();
  private volatile long drainDeadline = Long.MAX_VALUE;

  /** A queue with the default capacity, backoff and drain time; its thread starts now. */
  public MailQueue(Mailer mailer) {
    this(mailer, DEFAULT_CAPACITY, DEFAULT_BACKOFF, DEFAULT_DRAIN);
  }

  /**
   * @param capacity mails that may wait
   * @param backoff the wait after the first failure of a mail
   * @param drain how long {@link #close()} keeps sending what waits
   */
  public MailQueue(Mailer mailer, int capacity, Duration backoff, Duration drain) {
    this.mailer = mailer;
    this.backoff = backoff;
    this.drain = drain;
    this.waiting = new ArrayBlockingQueue<>(capacity);
    this.worker = new Thread(this::run, "portal-mail");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Queues {@code mail} and returns at once; false when the queue is full or closed (counted and
   * logged: the caller's page stays the same, so that a full queue reveals nothing).
   */
  public boolean offer(Mail mail) {
    if (closing.getCount() == 0 || !waiting.offer(mail)) {
      refused.incrementAndGet();
      log.warn(
          "Mail to a recipient at {} refused: the mail queue is full or closed", mail.domain());
      return false;
    }
    return true;
  }

  /** Mails sent since the start. */
  public long sent() {
    return sent.get();
  }

  /** Mails dropped after their last try. */
  public long failed() {
    return failed.get();
  }

  /** Mails refused because the queue was full or closed. */
  public long refused() {
    return refused.get();
  }

  /** Tries ended, successful or not (a try is counted once it has succeeded or failed). */
  public long attempts() {
    return attempts.get();
  }

  /** Mails waiting now, not counting the one being sent. */
  public int waiting() {
    return waiting.size();
  }

  private void run() {
    try {
      while (true) {
        Mail mail = waiting.poll(100, TimeUnit.MILLISECONDS);
        if (mail == null) {
          if (closing.getCount() == 0) {
            return;
          }
          continue;
        }
        deliver(mail);
      }
    } catch (InterruptedException e) {
      // close() gave up waiting: what remains is reported there
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(Mail mail) throws InterruptedException {
    long wait = backoff.toMillis();
    for (int attempt = 0; ; attempt++) {
      try {
        mailer.send(mail);
        attempts.incrementAndGet();
        sent.incrementAndGet();
        return;
      } catch (MailException | RuntimeException e) {
        attempts.incrementAndGet();
        if (attempt == RETRIES || System.nanoTime() > drainDeadline) {
          failed.incrementAndGet();
          log.error(
              "Mail to a recipient at {} dropped (tries: {}): {}",
              mail.domain(),
              attempt + 1,
              e.getMessage());
          return;
        }
        log.warn(
            "Mail to a recipient at {} not sent (try {} of {}), next try in {} ms: {}",
            mail.domain(),
            attempt + 1,
            RETRIES + 1,
            wait,
            e.getMessage());
        // wakes early when closing: the remaining tries then run back to back until the deadline
        closing.await(wait, TimeUnit.MILLISECONDS);
        wait *= BACKOFF_FACTOR;
      }
    }
  }

  /**
   * Refuses new mail, keeps sending what waits for up to the drain time, then stops the thread;
   * mails still waiting then are counted as failed and logged (how many, not what).
   */
  @Override
  public void close() {
    if (closing.getCount() == 0) {
      return;
    }
    drainDeadline = System.nanoTime() + drain.toNanos();
    closing.countDown();
    try {
      worker.join(Math.max(1, drain.toMillis()));
      if (worker.isAlive()) {
        worker.interrupt();
        worker.join(SmtpMailer.TIMEOUT_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int left = waiting.size();
    if (left > 0) {
      failed.addAndGet(left);
      waiting.clear();
      log.error("{} mails not sent: the portal stopped before they could be", left);
    }
  }
}
