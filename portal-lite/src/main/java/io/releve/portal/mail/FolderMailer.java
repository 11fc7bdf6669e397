package io.releve.portal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each mail as an RFC 822 {@code .eml} file (which mail clients open) instead of sending it:
 * the demo's mailbox. Files are named by UTC time and a counter ({@code
 * 20261128-101502-123-000001.eml}) so they sort in sending order, and appear whole: written beside,
 * then renamed.
 */
public final class FolderMailer implements Mailer {

  private static final Logger log = LoggerFactory.getLogger(FolderMailer.class);

  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final Path folder;
  private final Clock clock;
  private final InternetAddress from;
  private final Session session = Session.getInstance(new Properties());
  private final AtomicLong counter = new AtomicLong();

  public FolderMailer(Path folder, String from, Clock clock) {
    this.folder = folder;
    this.clock = clock;
    this.from = MimeMessages.sender(from);
  }

  /** The folder the files go to. */
  public Path folder() {
    return folder;
  }

  @Override
  public void send(Mail mail) throws MailException {
    java.time.Instant now = clock.instant();
    String name = NAME_TIME.format(now) + String.format("-%06d.eml", counter.incrementAndGet());
    Path target = folder.resolve(name);
    Path partial = folder.resolve("." + name + ".part");
    try {
      Files.createDirectories(folder);
      try (OutputStream out = Files.newOutputStream(partial)) {
        MimeMessages.build(session, from, mail, now).writeTo(out);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | MessagingException e) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw new MailException("cannot write a mail into " + folder + ": " + e.getMessage(), e);
    }
    log.info("Mail to a recipient at {} written to {}", mail.domain(), target);
  }
}
