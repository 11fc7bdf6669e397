package io.releve.portal;

import io.releve.cloud.store.Database;
import io.releve.portal.account.AccountRoutes;
import io.releve.portal.account.Retention;
import io.releve.portal.alerts.AlertsRoutes;
import io.releve.portal.auth.Passwords;
import io.releve.portal.documents.DocumentsRoutes;
import io.releve.portal.documents.StatementJob;
import io.releve.portal.enrol.EnrolRoutes;
import io.releve.portal.mail.MailQueue;
import io.releve.portal.mail.MailSettings;
import io.releve.portal.mail.MailTexts;
import io.releve.portal.mail.Mailer;
import io.releve.portal.manager.ManagerRoutes;
import io.releve.portal.notify.Notifier;
import io.releve.portal.usage.Rollups;
import io.releve.portal.web.PortalServer;
import io.releve.portal.web.WebApp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
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
  private final WebApp web;
  private PortalServer server;
  private Retention retention;
  private Notifier notifier;
  private Rollups rollups;
  private StatementJob statements;

  private Portal(
      PortalConfig config,
      Database database,
      Clock clock,
      MailQueue mail,
      MailTexts texts,
      Passwords passwords) {
    this.config = config;
    this.database = database;
    this.clock = clock;
    this.mail = mail;
    this.texts = texts;
    this.passwords = passwords;
    this.web = new WebApp(clock);
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
      Portal portal = new Portal(config, database, clock, mail, texts, passwords);
      // every route of the portal, by feature; each feature's class is its table of contents
      EnrolRoutes.register(portal);
      AccountRoutes.register(portal);
      ManagerRoutes.register(portal);
      AlertsRoutes.register(portal);
      DocumentsRoutes.register(portal);
      io.releve.portal.dashboard.DashboardRoutes.register(portal);
      portal.server = listen(portal.web, config.listen());
      // retention periods are applied now and then daily, for as long as the portal runs
      portal.retention = Retention.start(database, clock);
      // residents' e-mails and SMS about leak alerts and new documents, every 30 s
      portal.notifier = Notifier.start(portal, config.smsSender().open());
      // consumption rollups (device_days, device_months) now and then every minute
      portal.rollups = Rollups.start(database, config.siteZone());
      // last month's statements, daily; the notifier tells residents about them
      portal.statements = StatementJob.start(portal);
      return portal;
    } catch (IOException | RuntimeException e) {
      mail.close();
      throw e;
    }
  }

  private static PortalServer listen(WebApp web, InetSocketAddress address) throws IOException {
    try {
      // the configuration keeps the address unresolved: the name is looked up when listening
      return web.start(new InetSocketAddress(address.getHostString(), address.getPort()));
    } catch (IOException e) {
      throw new IOException(
          "cannot listen on "
              + address.getHostString()
              + ":"
              + address.getPort()
              + " (portal.listen): "
              + e.getMessage(),
          e);
    }
  }

  /** The web application: routes, sessions, rate limits, texts. */
  public WebApp web() {
    return web;
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

  /** The job that tells residents about alerts and documents. */
  public Notifier notifier() {
    return notifier;
  }

  /** The consumption rollups' runner: {@link Rollups#runOnce()} brings them up to date now. */
  public Rollups rollups() {
    return rollups;
  }

  /** Where the web server listens, such as {@code http://127.0.0.1:41234} (its real port). */
  public URI uri() {
    return server.uri();
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      try {
        if (retention != null) {
          retention.close();
        }
      } finally {
        try {
          if (rollups != null) {
            rollups.close();
          }
          if (statements != null) {
            statements.close();
          }
        } finally {
          try {
            // before the mail queue: what a last run queued is still sent
            if (notifier != null) {
              notifier.close();
            }
          } finally {
            mail.close();
          }
        }
      }
    }
  }
}
