package io.releve.portal;

import io.releve.cloud.config.Secret;
import io.releve.common.config.ConfigException;
import io.releve.common.config.ConfigFile;
import io.releve.portal.mail.Mail;
import io.releve.portal.mail.MailSettings;
import io.releve.portal.notify.SmsSenderKind;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's settings: the {@code portal.*} keys of the cloud's configuration file, validated as
 * a whole when loaded. Every error names the file, the key with its line and the bad value (never a
 * password), and {@code releve cloud} exits 78 on it. The documented list is {@code
 * config/cloud.conf}.
 *
 * @param file where it was read from
 * @param enabled false to run the bridge without the portal ({@code portal.enabled})
 * @param listen the address the web server binds ({@code portal.listen})
 * @param baseUrl the portal as residents reach it, without a trailing slash ({@code
 *     portal.base-url}): links in e-mails start with it
 * @param mail where mail goes ({@code portal.mail.*})
 * @param siteZone the zone of the sites' calendar days ({@code portal.site-zone})
 * @param smsSender how text messages go out ({@code portal.sms.sender})
 * @param complaintContact who residents contact about a monthly statement, printed on each one
 *     ({@code portal.complaint-contact}); null when not set (the statement then says to ask the
 *     manager or landlord)
 */
public record PortalConfig(
    Path file,
    boolean enabled,
    InetSocketAddress listen,
    String baseUrl,
    MailSettings mail,
    ZoneId siteZone,
    SmsSenderKind smsSender,
    String complaintContact) {

  /** {@code portal.complaint-contact}: one line of printable text, such as a name and a phone. */
  private static final Pattern CONTACT = Pattern.compile("[^\\p{Cntrl}]{1,200}");

  public static final String DEFAULT_LISTEN = "127.0.0.1:8080";

  /** {@code portal.base-url} when not set and {@code portal.listen} is not set either. */
  public static final String DEFAULT_BASE_URL = "http://localhost:8080";

  public static final int DEFAULT_SMTP_PORT = 587;
  public static final String DEFAULT_FROM = "Relevé <no-reply@localhost>";
  public static final String DEFAULT_ZONE = "Europe/Paris";

  /** The mail folder when neither a folder nor an SMTP host is set, beside the configuration. */
  public static final String DEFAULT_MAIL_FOLDER = "mail";

  /** {@code HOST:PORT}, the host a name, an IPv4 address or a bracketed IPv6 address. */
  private static final Pattern LISTEN =
      Pattern.compile("([A-Za-z0-9.\\-]{1,253}|\\[[0-9a-fA-F:.]+\\]):([0-9]{1,5})");

  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.\\-]{1,253}|\\[[0-9a-fA-F:.]+\\]");
  private static final Pattern USERNAME = Pattern.compile("[^\\s]{1,256}");
  private static final Pattern ANY = Pattern.compile("(?s).*");

  /** Reads and validates the {@code portal.*} keys of {@code file}. */
  public static PortalConfig load(Path file) throws ConfigException {
    PortalConfigReader reader = new PortalConfigReader(ConfigFile.read(file));
    boolean enabled = reader.bool("portal.enabled", true);
    InetSocketAddress listen = listen(reader);
    String baseUrl = baseUrl(reader, listen);
    MailSettings mail = mail(reader);
    ZoneId zone = zone(reader);
    SmsSenderKind smsSender = smsSender(reader);
    ConfigFile.Entry plainPassword = reader.entry("portal.mail.password");
    if (plainPassword != null) {
      throw reader.bad(
          plainPassword,
          "a password is never written in this file: put it alone on the first line of a file"
              + " (mode 0600) named by portal.mail.password-file.");
    }
    String complaintContact =
        reader.string(
            "portal.complaint-contact", null, CONTACT, "one line of up to 200 characters");
    reader.rejectUnknownKeys();
    return new PortalConfig(
        file, enabled, listen, baseUrl, mail, zone, smsSender, complaintContact);
  }

  private static InetSocketAddress listen(PortalConfigReader reader) throws ConfigException {
    String value =
        reader.string(
            "portal.listen",
            DEFAULT_LISTEN,
            LISTEN,
            "HOST:PORT (such as " + DEFAULT_LISTEN + ", or 0.0.0.0:8080 behind a reverse proxy)");
    Matcher m = LISTEN.matcher(value);
    m.matches();
    int port = Integer.parseInt(m.group(2));
    if (port < 1 || port > 65535) {
      throw reader.bad(reader.entry("portal.listen"), "must have a port between 1 and 65535.");
    }
    String host = m.group(1).replace("[", "").replace("]", "");
    // unresolved: a name is looked up when the server binds, where a failure names the address
    return InetSocketAddress.createUnresolved(host, port);
  }

  private static String baseUrl(PortalConfigReader reader, InetSocketAddress listen)
      throws ConfigException {
    ConfigFile.Entry entry = reader.entry("portal.base-url");
    if (entry == null) {
      // the portal on this machine, at the port it listens on: right for the demo and for a test
      return "http://localhost:" + listen.getPort();
    }
    URI uri;
    try {
      uri = new URI(entry.value());
    } catch (URISyntaxException e) {
      throw reader.bad(entry, "must be a URL such as https://portail.example.org.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw reader.bad(entry, "must start with https:// (or http:// for a test on this machine).");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw reader.bad(entry, "must name a host, without a user name: https://HOST[:PORT][/PATH].");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw reader.bad(entry, "must not have a query (?…) or a fragment (#…): links append to it.");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw reader.bad(entry, "must have a port between 1 and 65535.");
    }
    String text = entry.value();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static MailSettings mail(PortalConfigReader reader) throws ConfigException {
    String from = from(reader);
    ConfigFile.Entry folder = reader.entry("portal.mail.folder");
    ConfigFile.Entry host = reader.entry("portal.mail.smtp-host");
    if (folder != null && host != null) {
      throw reader.bad(
          folder,
          "writes mail to files, but portal.mail.smtp-host (line "
              + host.line()
              + ") sends it: set one of the two.");
    }
    if (host == null) {
      for (String key :
          new String[] {
            "portal.mail.smtp-port",
            "portal.mail.username",
            "portal.mail.password-file",
            "portal.mail.starttls"
          }) {
        ConfigFile.Entry entry = reader.entry(key);
        if (entry != null) {
          throw reader.bad(entry, "is an SMTP setting, but portal.mail.smtp-host is not set.");
        }
      }
      return folder == null
          ? new MailSettings.Folder(reader.beside(DEFAULT_MAIL_FOLDER), from, true)
          : new MailSettings.Folder(reader.beside(folder.value()), from, false);
    }
    if (!HOST.matcher(host.value()).matches()) {
      throw reader.bad(host, "must be a host name or an IP address (such as smtp.example.org).");
    }
    int port = reader.port("portal.mail.smtp-port", DEFAULT_SMTP_PORT);
    boolean starttls = reader.bool("portal.mail.starttls", true);
    String username =
        reader.string("portal.mail.username", null, USERNAME, "1 to 256 characters without spaces");
    Secret password = reader.secretFile("portal.mail.password-file");
    if (password != null && username == null) {
      throw reader.bad(
          reader.entry("portal.mail.password-file"),
          "needs portal.mail.username: a password logs in a user.");
    }
    String hostName = host.value().replace("[", "").replace("]", "");
    return new MailSettings.Smtp(hostName, port, starttls, username, password, from);
  }

  private static String from(PortalConfigReader reader) throws ConfigException {
    String from = reader.string("portal.mail.from", DEFAULT_FROM, ANY, "an address");
    try {
      InternetAddress address = new InternetAddress(from, true);
      if (!Mail.isAddress(address.getAddress())) {
        throw new AddressException("not a bare address inside");
      }
    } catch (AddressException e) {
      throw reader.bad(
          reader.entry("portal.mail.from"),
          "must be an address such as no-reply@example.org or Relevé <no-reply@example.org>.");
    }
    return from;
  }

  private static ZoneId zone(PortalConfigReader reader) throws ConfigException {
    ConfigFile.Entry entry = reader.entry("portal.site-zone");
    if (entry == null) {
      return ZoneId.of(DEFAULT_ZONE);
    }
    try {
      return ZoneId.of(entry.value());
    } catch (DateTimeException e) {
      throw reader.bad(entry, "must be a time zone such as Europe/Paris.");
    }
  }

  private static SmsSenderKind smsSender(PortalConfigReader reader) throws ConfigException {
    ConfigFile.Entry entry = reader.entry("portal.sms.sender");
    if (entry == null) {
      return SmsSenderKind.LOG;
    }
    return SmsSenderKind.parse(entry.value())
        .orElseThrow(
            () ->
                reader.bad(
                    entry,
                    "must be log (the only SMS sender for now: it writes each message to the"
                        + " log, the number masked)."));
  }
}
