package io.releve.portal.account;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.SqlWork;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.Portal;
import io.releve.portal.PortalConfig;
import io.releve.portal.PortalTestStores;
import io.releve.portal.TestClock;
import io.releve.portal.Visitor;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.Lang;
import io.releve.portal.store.ManagerSites;
import io.releve.portal.store.Method;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import io.releve.portal.store.SiteCode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The whole portal over HTTP on a real SQLite store, with a real SMTP server (GreenMail) on the
 * loopback; accounts, dwellings, devices and readings are made directly in the store.
 */
public final class AccountFixture implements AutoCloseable {

  public static final Instant NOW = PortalTestStores.NOW;
  public static final SiteCode SITE = new SiteCode("LY003");
  public static final String PASSWORD = "Bonjour-2026!";

  // one hash for every test account: Argon2id takes its time on purpose
  private static volatile String passwordHash;

  public final TestClock clock = new TestClock(NOW);
  public final Database database;
  public final GreenMail smtp;
  public final Portal portal;
  public final Accounts accounts;
  public final Residencies residencies;
  public final Landlord landlord;

  public AccountFixture(Path dir) throws Exception {
    database = PortalTestStores.open(Engine.SQLITE, dir);
    accounts = new Accounts(database);
    residencies = new Residencies(database);
    landlord = new Landlord(database);
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    int port = freePort();
    Path config = dir.resolve("cloud.conf");
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
            ""));
    portal = Portal.start(PortalConfig.load(config), database, clock);
  }

  public Visitor visitor() {
    return new Visitor(portal.uri());
  }

  public <T> T write(SqlWork<T> work) {
    return PortalTestStores.write(database, work);
  }

  public <T> T read(SqlWork<T> work) {
    return database.read("read for the test", work);
  }

  String hash() {
    if (passwordHash == null) {
      passwordHash = portal.passwords().hash(PASSWORD.toCharArray());
    }
    return passwordHash;
  }

  /** An activated resident account with {@link #PASSWORD}. */
  public long resident(String email) {
    String hash = hash();
    return write(
        c -> {
          long id =
              accounts.create(c, email, AccountKind.RESIDENT, "Martin", "Claire", Lang.FR, NOW);
          accounts.setPasswordHash(c, id, hash);
          accounts.activate(c, id, NOW);
          return id;
        });
  }

  /** An activated manager of {@link #SITE} with {@link #PASSWORD}. */
  public long manager(String email) {
    return manager(email, SITE);
  }

  /** An activated manager of {@code site} only, with {@link #PASSWORD}. */
  public long manager(String email, SiteCode site) {
    String hash = hash();
    return write(
        c -> {
          long id = accounts.create(c, email, AccountKind.MANAGER, "Bernard", "Luc", Lang.FR, NOW);
          accounts.setPasswordHash(c, id, hash);
          accounts.activate(c, id, NOW);
          new ManagerSites().grant(c, id, site, NOW);
          return id;
        });
  }

  public long dwelling(String label) {
    return dwelling(SITE, label);
  }

  /** A dwelling of {@code site} (the site row is made when missing). */
  public long dwelling(SiteCode site, String label) {
    return write(c -> landlord.upsertDwelling(c, site, label, "lot-" + label, null, NOW));
  }

  /** An active occupant residency from {@code moveIn}. */
  public long lives(long account, long dwelling, String moveIn) {
    return write(
        c ->
            residencies.create(
                c,
                account,
                dwelling,
                Role.OCCUPANT,
                Method.CLIENT_REF,
                LocalDate.parse(moveIn),
                ResidencyState.ACTIVE,
                NOW));
  }

  /** An occupant who lived in {@code dwelling} from {@code moveIn} to {@code moveOut}. */
  public long lived(long account, long dwelling, String moveIn, String moveOut) {
    long id = lives(account, dwelling, moveIn);
    write(c -> residencies.end(c, id, LocalDate.parse(moveOut)));
    return id;
  }

  /** An installed water meter in the dwelling. */
  public void device(long dwelling, String device) {
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
                      + " change_epoch, change_seq, changed_at)"
                      + " VALUES (?, 'installed', 'water', ?, ?, 'gw-1',"
                      + " (SELECT id FROM epochs WHERE epoch = 'e1'), 1, 0)")) {
            insert.setString(1, device);
            insert.setString(2, device.replaceAll("[^0-9]", ""));
            insert.setLong(3, dwelling);
            insert.executeUpdate();
          }
          return null;
        });
  }

  private int seq;

  /** A reading of {@code device} received at {@code at}, its value {@code value}. */
  public void reading(String device, Instant at, String value) {
    int next = ++seq;
    write(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO readings (gateway, epoch, seq, device, medium, quantity, value,"
                      + " value_kind, unit, storage, tariff, subunit, function, meter_time,"
                      + " received_at, clock_state, source, rssi, status, stored_at)"
                      + " VALUES ('gw-1', 'e1', ?, ?, 'water', 'volume', ?, 'number', 'm3', 0, 0,"
                      + " 0, 'instantaneous', NULL, ?, 'ok', 'radio', NULL, 0, ?)")) {
            insert.setInt(1, next);
            insert.setString(2, device);
            insert.setString(3, value);
            insert.setLong(4, at.toEpochMilli());
            insert.setLong(5, at.toEpochMilli());
            insert.executeUpdate();
          }
          return null;
        });
  }

  /** A leak alert of {@code device} that started at {@code at}. */
  public void alert(String device, Instant at, String loss) {
    int next = ++seq;
    write(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO alerts (gateway, epoch, alert_id, device, type, condition, level,"
                      + " start, detected_at, ended_at, total_loss_m3, average_flow_lph, source,"
                      + " event_seq) VALUES ('gw-1', 'e1', ?, ?, 'leak', 'continuous_flow', NULL,"
                      + " ?, ?, NULL, ?, '1.5', 'radio', ?)")) {
            insert.setInt(1, next);
            insert.setString(2, device);
            insert.setLong(3, at.toEpochMilli());
            insert.setLong(4, at.toEpochMilli());
            insert.setString(5, loss);
            insert.setInt(6, next);
            insert.executeUpdate();
          }
          return null;
        });
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (var statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
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
