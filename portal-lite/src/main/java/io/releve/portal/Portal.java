package io.releve.portal;

import io.releve.cloud.store.Database;
import io.releve.portal.auth.Passwords;
import io.releve.portal.mail.MailQueue;
import io.releve.portal.mail.MailSettings;
import io.releve.portal.mail.MailTexts;
import io.releve.portal.mail.Mailer;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running portal: the one place that builds its parts and wires them together — mail, password
 * hashing, the store's repositories and the web server with its routes. Closing it stops the web
 * server first (no new work), then sends what mail waits.
 */
public final class Portal implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Portal.class);

  private final PortalConfig config;
  private final Database database;
  private final Clock clock;
  private final MailQueue mail;
  private final MailTexts texts;
  private final Passwords passwords;
  private final PortalHttp http;

  private Portal(
      PortalConfig config,
      Database database,
      Clock clock,
      MailQueue mail,
      MailTexts texts,
      Passwords passwords,
      PortalHttp http) {
    this.config = config;
    this.database = database;
    this.clock = clock;
    this.mail = mail;
    this.texts = texts;
    this.passwords = passwords;
    this.http = http;
  }

  /**
   * Starts the portal on {@code database}.
   *
   * @throws IOException when the web server cannot listen on {@code portal.listen}
   */
  public static Portal start(PortalConfig config, Database database, Clock clock)
      throws IOException {
    if (config.mail() instanceof MailSettings.Folder folder && folder.byDefault()) {
      log.info(
          "No portal.mail.folder or portal.mail.smtp-host set: mail is written as .eml files to {}",
          folder.folder());
    }
    Mailer mailer = config.mail().open(clock);
    MailQueue mail = new MailQueue(mailer);
    try {
      Passwords passwords = new Passwords();
      MailTexts texts = new MailTexts(config.baseUrl());
      PortalHttp http = PortalHttp.start(config.listen());
      return new Portal(config, database, clock, mail, texts, passwords, http);
    } catch (IOException | RuntimeException e) {
      mail.close();
      throw e;
    }
  }

  public PortalConfig config() {
    return config;
  }

  /** The store the portal reads and writes. */
  public Database database() {
    return database;
  }

  public Clock clock() {
    return clock;
  }

  /** Where pages queue mail, so that no request waits for SMTP. */
  public MailQueue mail() {
    return mail;
  }

  public MailTexts texts() {
    return texts;
  }

  public Passwords passwords() {
    return passwords;
  }

  /** The address the web server listens on (its real port). */
  public java.net.InetSocketAddress address() {
    return http.address();
  }

  @Override
  public void close() {
    try {
      http.close();
    } finally {
      mail.close();
    }
  }
}
