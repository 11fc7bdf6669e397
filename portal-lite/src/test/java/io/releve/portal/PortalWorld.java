package io.releve.portal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.SqlWork;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The whole portal over HTTP on a real store, with a real SMTP server (GreenMail) on the loopback,
 * and the rows the tests arrange directly in the store: the registry's (dwellings, installed
 * devices, readings, alerts) and accounts. The static methods make the same rows inside a
 * transaction of a store with no portal.
 */
public class PortalWorld implements AutoCloseable {

  public static final Instant NOW = PortalTestStores.NOW;

  public final TestClock clock = new TestClock(NOW);
  public final Database database;
  public final GreenMail smtp;
  public final Portal portal;
  public final Accounts accounts;
  public final Residencies residencies;
  public final Landlord landlord;
  private int seq;

  /**
   * Opens the store ({@code store} is given the world's clock), starts GreenMail and the portal,
   * whose configuration in {@code folder} gets the {@code extraConfig} lines too.
   */
  protected PortalWorld(Path folder, Function<TestClock, Database> store, String... extraConfig)
      throws Exception {
    database = store.apply(clock);
    accounts = new Accounts(database);
    residencies = new Residencies(database);
    landlord = new Landlord(database);
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    int port = freePort();
    List<String> lines =
        new ArrayList<>(
            List.of(
                "database.path = cloud.db",
                "portal.listen = 127.0.0.1:" + port,
                "portal.base-url = http://localhost:" + port,
                "portal.mail.smtp-host = 127.0.0.1",
                "portal.mail.smtp-port = " + smtp.getSmtp().getPort(),
                "portal.mail.starttls = false"));
    lines.addAll(List.of(extraConfig));
    lines.add("");
    Path config = folder.resolve("cloud.conf");
    Files.writeString(config, String.join("\n", lines));
    portal = Portal.start(PortalConfig.load(config), database, clock);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A new visitor of the portal at its {@code localhost} address. */
  public Visitor visitor() {
    return new Visitor(portal.uri());
  }

  public <T> T write(SqlWork<T> work) {
    return PortalTestStores.write(database, work);
  }

  public <T> T read(SqlWork<T> work) {
    return database.read("read for the test", work);
  }

  /** An activated account (see {@link #activeAccount}); {@code passwordHash} may be null. */
  public long account(String email, AccountKind kind, String passwordHash) {
    return write(c -> activeAccount(c, accounts, email, kind, passwordHash, NOW));
  }

  /** An activated manager of {@code site} only; {@code passwordHash} may be null. */
  public long managerOf(String email, SiteCode site, String passwordHash) {
    return write(
        c -> {
          long id = activeAccount(c, accounts, email, AccountKind.MANAGER, passwordHash, NOW);
          new ManagerSites().grant(c, id, site, NOW);
          return id;
        });
  }

  /** An active occupant residency from {@code moveIn}, by client reference. */
  public long residency(long account, long dwelling, String moveIn) {
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

  /**
   * A dwelling of {@code site} (the site row is made when missing); {@code clientRef} may be null.
   */
  public long dwelling(SiteCode site, String label, String lot, String clientRef) {
    return write(
        c ->
            landlord.upsertDwelling(
                c,
                site,
                label,
                lot,
                clientRef == null ? null : ClientRef.parse(clientRef).orElseThrow(),
                NOW));
  }

  /** An installed water meter of the dwelling. */
  public void device(long dwelling, String device, String printedSerial) {
    write(
        c -> {
          installedDevice(c, dwelling, device, printedSerial);
          return null;
        });
  }

  /** A volume index of {@code device} received at {@code at}, its value {@code value}. */
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
                      + " 0, 'instantaneous', NULL, ?, 'synced', 'radio', -70, 0, ?)")) {
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

  /**
   * An activated account made at {@code at}: a resident is Claire Martin, a manager Luc Bernard;
   * with {@code passwordHash} as its password when not null.
   */
  public static long activeAccount(
      Connection c,
      Accounts accounts,
      String email,
      AccountKind kind,
      String passwordHash,
      Instant at)
      throws SQLException {
    long id =
        kind == AccountKind.MANAGER
            ? accounts.create(c, email, kind, "Bernard", "Luc", Lang.FR, at)
            : accounts.create(c, email, kind, "Martin", "Claire", Lang.FR, at);
    if (passwordHash != null) {
      accounts.setPasswordHash(c, id, passwordHash);
    }
    accounts.activate(c, id, at);
    return id;
  }

  /** An installed water meter in the dwelling, with the gateway and epoch the registry needs. */
  public static void installedDevice(
      Connection c, long dwelling, String device, String printedSerial) throws SQLException {
    execute(c, "INSERT INTO gateways (id, last_seen) VALUES ('gw-1', 0) ON CONFLICT DO NOTHING");
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
      insert.setString(2, printedSerial);
      insert.setLong(3, dwelling);
      insert.executeUpdate();
    }
  }

  public static void execute(Connection c, String sql) throws SQLException {
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
