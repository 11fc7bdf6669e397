package io.releve.portal.enrol;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.Durability;
import io.releve.cloud.store.SqlWork;
import io.releve.cloud.store.StoreSettings;
import io.releve.portal.Poll;
import io.releve.portal.Portal;
import io.releve.portal.PortalConfig;
import io.releve.portal.TestClock;
import io.releve.portal.Visitor;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.ClientRef;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.Lang;
import io.releve.portal.store.ManagerSites;
import io.releve.portal.store.Method;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import io.releve.portal.store.SiteAddress;
import io.releve.portal.store.SiteCode;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running portal on a real SQLite file with a real SMTP server (GreenMail), and the registry and
 * landlord rows enrolment needs: a site with its address, dwellings, installed devices, readings.
 */
public final class EnrolWorld implements AutoCloseable {

  /** 10:00 in Paris on 12 November 2026. */
  public static final Instant START = Instant.parse("2026-11-12T09:00:00Z");

  public static final SiteCode SITE = new SiteCode("LY003");

  private static final Pattern LINK = Pattern.compile("(https?://\\S+/activation\\?token=[\\w-]+)");

  public final TestClock clock = new TestClock(START);
  public final Database database;
  public final GreenMail smtp;
  public final Portal portal;
  public final Landlord landlord;
  public final Accounts accounts;
  public final Residencies residencies;
  private int gatewaySeq;

  public EnrolWorld(Path folder) throws Exception {
    database = Database.open(new StoreSettings.Sqlite(folder.resolve("cloud.db")), clock);
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    int port = freePort();
    Path config = folder.resolve("cloud.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "database.path = cloud.db",
            "portal.listen = 127.0.0.1:" + port,
            "portal.base-url = http://localhost:" + port,
            "portal.mail.smtp-host = 127.0.0.1",
            "portal.mail.smtp-port = " + smtp.getSmtp().getPort(),
            "portal.mail.starttls = false",
            "portal.mail.from = Relevé <no-reply@releve.test>",
            ""));
    portal = Portal.start(PortalConfig.load(config), database, clock);
    landlord = new Landlord(database);
    accounts = new Accounts(database);
    residencies = new Residencies(database);
    write(
        c -> {
          landlord.upsertAddress(
              c, new SiteAddress(SITE, "12 rue des Lilas", "69003", "Lyon"), START);
          return null;
        });
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  public <T> T write(SqlWork<T> work) {
    return database.write("arrange the test", Durability.FULL, work);
  }

  public <T> T read(SqlWork<T> work) {
    return database.read("read for the test", work);
  }

  /** A new visitor of the portal at its {@code localhost} address. */
  public Visitor visitor() {
    return new Visitor(portal.uri());
  }

  /** A dwelling of {@link #SITE} with a lot and a client reference (null: none). */
  public long dwelling(String label, String lot, String clientRef) {
    return write(
        c ->
            landlord.upsertDwelling(
                c,
                SITE,
                label,
                lot,
                clientRef == null ? null : ClientRef.parse(clientRef).orElseThrow(),
                START));
  }

  /** An installed water meter of the dwelling. */
  public void device(long dwelling, String device, String printedSerial) {
    write(
        c -> {
          execute(
              c, "INSERT INTO gateways (id, last_seen) VALUES ('gw-1', 0) ON CONFLICT DO NOTHING");
          execute(
              c,
              "INSERT INTO epochs (gateway, epoch, first_seen) VALUES ('gw-1', 'e1', 0)"
                  + " ON CONFLICT DO NOTHING");
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO devices (device, state, medium, printed_serial, dwelling, gateway,"
                      + " change_epoch, change_seq, changed_at) VALUES (?, 'installed', 'water',"
                      + " ?, ?, 'gw-1', (SELECT id FROM epochs WHERE epoch = 'e1'), 1, 0)")) {
            insert.setString(1, device);
            insert.setString(2, printedSerial);
            insert.setLong(3, dwelling);
            insert.executeUpdate();
          }
          return null;
        });
  }

  /** A current volume index of the device, received at {@code at}. */
  public void reading(String device, String value, Instant at) {
    int seq = ++gatewaySeq;
    write(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO readings (gateway, epoch, seq, device, medium, quantity, value,"
                      + " value_kind, unit, storage, tariff, subunit, function, meter_time,"
                      + " received_at, clock_state, source, rssi, status, stored_at) VALUES"
                      + " ('gw-1', 'e1', ?, ?, 'water', 'volume', ?, 'number', 'm3', 0, 0, 0,"
                      + " 'instantaneous', NULL, ?, 'synced', 'radio', -70, 0, ?)")) {
            insert.setInt(1, seq);
            insert.setString(2, device);
            insert.setString(3, value);
            insert.setLong(4, at.toEpochMilli());
            insert.setLong(5, at.toEpochMilli());
            insert.executeUpdate();
          }
          return null;
        });
  }

  /** The landlord's record of someone living in the dwelling since {@code moveIn}. */
  public long occupancy(long dwelling, String email, String moveIn) {
    return write(
        c ->
            landlord.upsertOccupancy(
                c, dwelling, "Durand", "Paul", email, LocalDate.parse(moveIn), null, START));
  }

  /** A manager of {@link #SITE}, activated. */
  public long manager(String email) {
    return write(
        c -> {
          long id =
              accounts.create(c, email, AccountKind.MANAGER, "Bernard", "Luc", Lang.FR, START);
          accounts.activate(c, id, START);
          new ManagerSites().grant(c, id, SITE, START);
          return id;
        });
  }

  /** An activated resident with an active residency of the dwelling since {@code moveIn}. */
  public long resident(String email, long dwelling, String moveIn) {
    return write(
        c -> {
          long id =
              accounts.create(c, email, AccountKind.RESIDENT, "Martin", "Claire", Lang.FR, START);
          accounts.activate(c, id, START);
          residencies.create(
              c,
              id,
              dwelling,
              Role.OCCUPANT,
              Method.CLIENT_REF,
              LocalDate.parse(moveIn),
              ResidencyState.ACTIVE,
              START);
          return id;
        });
  }

  /** Waits until {@code count} mails arrived, then returns them all. */
  public List<MimeMessage> mails(int count) {
    Poll.until(
        () -> smtp.getReceivedMessages().length >= count,
        () -> count + " mails, got " + smtp.getReceivedMessages().length);
    return Arrays.asList(smtp.getReceivedMessages());
  }

  /** The activation link of the latest mail to {@code to}. */
  public String activationLink(String to) throws Exception {
    Poll.until(() -> !mailsTo(to).isEmpty(), () -> "a mail to the applicant");
    List<MimeMessage> mine = mailsTo(to);
    String text = com.icegreen.greenmail.util.GreenMailUtil.getBody(mine.get(mine.size() - 1));
    Matcher m = LINK.matcher(text.replace("=\r\n", "").replace("=3D", "="));
    if (!m.find()) {
      throw new AssertionError("no activation link in the mail");
    }
    return m.group(1);
  }

  public List<MimeMessage> mailsTo(String to) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            message -> {
              try {
                return Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().equalsIgnoreCase(to));
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (var statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() {
    try {
      portal.close();
    } finally {
      try {
        smtp.stop();
      } finally {
        database.close();
      }
    }
  }
}
