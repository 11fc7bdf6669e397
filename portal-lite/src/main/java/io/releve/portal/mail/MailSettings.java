package io.releve.portal.mail;

import io.releve.cloud.config.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/** Where the portal's mail goes: an SMTP server, or a folder of {@code .eml} files (the demo). */
public sealed interface MailSettings {

  /** The sender, such as {@code Relevé <no-reply@exemple.fr>}. */
  String from();

  /** The mailer these settings describe. */
  Mailer open(Clock clock);

  /**
   * An SMTP server (a submission port, normally 587 with STARTTLS).
   *
   * @param starttls when true the connection must switch to TLS before logging in, or fail
   * @param username who logs in, or null for a server without authentication
   * @param password the password of {@code username}, or null; never printed
   */
  record Smtp(
      String host, int port, boolean starttls, String username, Secret password, String from)
      implements MailSettings {
    public Smtp {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(from, "from");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must lie between 1 and 65535, not " + port);
      }
      if (password != null && username == null) {
        throw new IllegalArgumentException("a password needs a username");
      }
    }

    @Override
    public Mailer open(Clock clock) {
      return new SmtpMailer(this, clock);
    }
  }

  /**
   * A folder where each mail becomes an {@code .eml} file.
   *
   * @param byDefault true when no mail setting was given and the folder is the default one
   */
  record Folder(Path folder, String from, boolean byDefault) implements MailSettings {
    public Folder {
      Objects.requireNonNull(folder, "folder");
      Objects.requireNonNull(from, "from");
    }

    @Override
    public Mailer open(Clock clock) {
      return new FolderMailer(folder, from, clock);
    }
  }
}
