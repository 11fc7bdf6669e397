package io.releve.portal.notify;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.PortalTestStores;
import io.releve.portal.PortalWorld;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Lang;
import io.releve.portal.store.Method;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import io.releve.portal.store.SiteCode;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The portal on one engine with GreenMail, its scheduled notifier stopped so that each test runs
 * the notifier by hand ({@link #notifier}), with a {@link RecordingSms}; and the rows the bridge
 * and the documents' job would write (alerts as {@code Alerts.update} leaves them, documents).
 */
final class NotifyWorld extends PortalWorld {

  static final SiteCode SITE = new SiteCode("LY003");
  static final String DEVICE = "KAM-12345678-01-16";
  static final String SERIAL = "12345678";

  final RecordingSms sms = new RecordingSms();
  final Notifier notifier;

  NotifyWorld(Engine engine, Path dir) throws Exception {
    super(dir, clock -> open(engine, dir, clock));
    // the portal's own schedule would race the tests' runs
    portal.notifier().close();
    notifier = new Notifier(portal, sms);
  }

  private static Database open(Engine engine, Path dir, java.time.Clock clock) {
    return Database.open(PortalTestStores.fresh(engine, dir), clock);
  }

  /** Another notifier on the same store: a restarted portal, or a second one. */
  Notifier restarted(SmsSender sender) {
    return new Notifier(portal, sender);
  }

  /** A dwelling of {@link #SITE} with one cold water meter {@code device}. */
  long dwellingWithMeter(String label, String device, String serial) {
    long dwelling = dwelling(SITE, label, "lot-" + label, null);
    device(dwelling, device, serial);
    write(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement("UPDATE devices SET medium = 'cold_water' WHERE device = ?")) {
            update.setString(1, device);
            return update.executeUpdate();
          }
        });
    return dwelling;
  }

  /** An activated resident (Claire Martin) in {@code lang}, with {@code phone} (may be null). */
  long resident(String email, Lang lang, String phone) {
    long id = account(email, AccountKind.RESIDENT, null);
    write(
        c -> {
          accounts.setLang(c, id, lang);
          accounts.setPhone(c, id, phone);
          return null;
        });
    return id;
  }

  /** A residency of {@code role} in {@code state}. */
  long residency(long account, long dwelling, Role role, ResidencyState state, String moveIn) {
    return write(
        c ->
            residencies.create(
                c,
                account,
                dwelling,
                role,
                Method.CLIENT_REF,
                LocalDate.parse(moveIn),
                state,
                NOW));
  }

  void settings(long account, Settings settings) {
    write(
        c -> {
          new SettingsStore().set(c, account, settings, NOW);
          return null;
        });
  }

  /**
   * The alert {@code id} of gateway gw-1, epoch e1, as the bridge's upsert leaves it: a leak of
   * {@link #DEVICE} at {@code level} with its figures; a later call is a later event.
   */
  void leak(long id, String device, int level, Instant start, String loss, String flow) {
    alert(id, device, "leak", "", level, start, loss, flow, null);
  }

  void alert(
      long id,
      String device,
      String type,
      String condition,
      Integer level,
      Instant start,
      String loss,
      String flow,
      Instant end) {
    write(
        c -> {
          long seq;
          try (PreparedStatement next =
                  c.prepareStatement("SELECT COALESCE(MAX(event_seq), 0) + 1 FROM alerts");
              ResultSet row = next.executeQuery()) {
            row.next();
            seq = row.getLong(1);
          }
          try (PreparedStatement upsert =
              c.prepareStatement(
                  "INSERT INTO alerts (gateway, epoch, alert_id, device, type, condition, level,"
                      + " start, detected_at, ended_at, total_loss_m3, average_flow_lph, source,"
                      + " event_seq) VALUES ('gw-1', 'e1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'flow', ?)"
                      + " ON CONFLICT (gateway, epoch, alert_id) DO UPDATE SET"
                      + " level = excluded.level, ended_at = excluded.ended_at,"
                      + " total_loss_m3 = excluded.total_loss_m3,"
                      + " average_flow_lph = excluded.average_flow_lph,"
                      + " event_seq = excluded.event_seq")) {
            int i = 0;
            upsert.setLong(++i, id);
            upsert.setString(++i, device);
            upsert.setString(++i, type);
            upsert.setString(++i, condition);
            setNullable(upsert, ++i, level == null ? null : level.longValue());
            upsert.setLong(++i, start.toEpochMilli());
            upsert.setLong(++i, start.plusSeconds(3600).toEpochMilli());
            setNullable(upsert, ++i, end == null ? null : end.toEpochMilli());
            upsert.setString(++i, loss);
            upsert.setString(++i, flow);
            upsert.setLong(++i, seq);
            return upsert.executeUpdate();
          }
        });
  }

  private static void setNullable(PreparedStatement statement, int index, Long value)
      throws java.sql.SQLException {
    if (value == null) {
      statement.setNull(index, java.sql.Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  /** A monthly statement of {@code residency} made at {@code at}; its id. */
  long document(long residency, String period, String title, Instant at) {
    return write(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO documents (residency, kind, period, lang, title, content_type,"
                      + " body, created_at) VALUES (?, 'monthly_statement', ?, 'fr', ?,"
                      + " 'application/pdf', ?, ?) RETURNING id")) {
            insert.setLong(1, residency);
            insert.setString(2, period);
            insert.setString(3, title);
            insert.setBytes(4, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
            insert.setLong(5, at.toEpochMilli());
            try (ResultSet row = insert.executeQuery()) {
              row.next();
              return row.getLong(1);
            }
          }
        });
  }

  /** The notices recorded, as {@code account subject channel}, in id order. */
  List<String> notices() {
    return read(
        c -> {
          List<String> rows = new ArrayList<>();
          try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT account, subject, channel FROM notifications ORDER BY id");
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              rows.add(row.getLong(1) + " " + row.getString(2) + " " + row.getString(3));
            }
          }
          return rows;
        });
  }

  /** The notifier's marks, as {@code name=mark}, by name. */
  List<String> marks() {
    return read(
        c -> {
          List<String> rows = new ArrayList<>();
          try (PreparedStatement select =
                  c.prepareStatement("SELECT name, mark FROM portal_marks ORDER BY name");
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              rows.add(row.getString(1) + "=" + row.getLong(2));
            }
          }
          return rows;
        });
  }

  /** Waits for {@code count} mails in all and returns them. */
  MimeMessage[] mails(int count) {
    if (!smtp.waitForIncomingEmail(10_000, count)) {
      throw new AssertionError(
          "expected " + count + " mails, got " + smtp.getReceivedMessages().length);
    }
    return smtp.getReceivedMessages();
  }
}
