package io.releve.portal.documents;

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
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The whole portal on a real SQLite file (or PostgreSQL) with a complaint contact configured, and
 * the rows the statements are made from: dwellings of site LY003 with meters and allocators of any
 * medium, index readings at local times of Europe/Paris (the default site zone), residents with a
 * password. Today is 12/11/2026, so a statement run makes the statements of October 2026.
 */
public final class DocumentsWorld extends PortalWorld {

  public static final SiteCode SITE = new SiteCode("LY003");
  public static final String PASSWORD = "Bonjour-2026!";
  public static final String CONTACT = "Gestion Lyon Est, 04 72 00 00 00, réclamations@bailleur.fr";
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static volatile String passwordHash;
  private int seq;

  public DocumentsWorld(Path dir) throws Exception {
    this(Engine.SQLITE, dir);
  }

  /** The same world on {@code engine}: an empty database of its own on PostgreSQL. */
  public DocumentsWorld(Engine engine, Path dir) throws Exception {
    super(
        dir,
        clock -> Database.open(PortalTestStores.fresh(engine, dir), clock),
        "portal.complaint-contact = " + CONTACT);
  }

  /** A job of its own: the portal's runs only five minutes after its start. */
  public StatementJob job() {
    return new StatementJob(portal);
  }

  public long dwelling(String label) {
    return dwelling(SITE, label, "lot-" + label, null);
  }

  /** An activated manager of {@link #SITE} with {@link #PASSWORD}. */
  public long manager(String email) {
    return managerOf(email, SITE, hash());
  }

  private String hash() {
    if (passwordHash == null) {
      passwordHash = portal.passwords().hash(PASSWORD.toCharArray());
    }
    return passwordHash;
  }

  /** An activated resident named {@code first last} with {@link #PASSWORD}, in {@code lang}. */
  public long resident(String email, Lang lang, String first, String last) {
    long id = account(email, AccountKind.RESIDENT, hash());
    write(
        c -> {
          accounts.setLang(c, id, lang);
          try (PreparedStatement rename =
              c.prepareStatement(
                  "UPDATE accounts SET first_name = ?, last_name = ? WHERE id = ?")) {
            rename.setString(1, first);
            rename.setString(2, last);
            rename.setLong(3, id);
            return rename.executeUpdate();
          }
        });
    return id;
  }

  /** A residency of {@code role} in {@code state} from {@code moveIn}, ended on {@code moveOut}. */
  public long stay(
      long account, long dwelling, Role role, ResidencyState state, String moveIn, String moveOut) {
    return write(
        c -> {
          long id =
              residencies.create(
                  c,
                  account,
                  dwelling,
                  role,
                  Method.CLIENT_REF,
                  LocalDate.parse(moveIn),
                  state,
                  NOW);
          if (moveOut != null) {
            residencies.end(c, id, LocalDate.parse(moveOut));
          }
          return id;
        });
  }

  /** An active occupant from {@code moveIn}. */
  public long lives(long account, long dwelling, String moveIn) {
    return stay(account, dwelling, Role.OCCUPANT, ResidencyState.ACTIVE, moveIn, null);
  }

  /** An installed device of {@code medium} in the dwelling. */
  public void device(long dwelling, String device, String medium) {
    write(
        c -> {
          installedDevice(c, dwelling, device, device.replaceAll("[^0-9]", ""));
          try (PreparedStatement update =
              c.prepareStatement("UPDATE devices SET medium = ? WHERE device = ?")) {
            update.setString(1, medium);
            update.setString(2, device);
            return update.executeUpdate();
          }
        });
  }

  /** A water volume index in m³ at local time {@code local} ("2026-10-31T12:00"). */
  public void water(String device, String medium, String local, String value) {
    reading(device, medium, "volume", local, value, "m3");
  }

  /** An allocator's units at local time {@code local}. */
  public void allocator(String device, String local, String value) {
    reading(device, "heat_cost_allocator", "heat_cost_allocation", local, value, "HCA");
  }

  private void reading(
      String device, String medium, String quantity, String local, String value, String unit) {
    long at = LocalDateTime.parse(local).atZone(PARIS).toInstant().toEpochMilli();
    int next = ++seq;
    write(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO readings (gateway, epoch, seq, device, medium, quantity, value,"
                      + " value_kind, unit, storage, tariff, subunit, function, meter_time,"
                      + " received_at, clock_state, source, rssi, status, stored_at)"
                      + " VALUES ('gw-1', 'e1', ?, ?, ?, ?, ?, 'number', ?, 0, 0, 0,"
                      + " 'instantaneous', NULL, ?, 'synced', 'radio', -70, 0, ?)")) {
            insert.setInt(1, 10_000 + next);
            insert.setString(2, device);
            insert.setString(3, medium);
            insert.setString(4, quantity);
            insert.setString(5, value);
            insert.setString(6, unit);
            insert.setLong(7, at);
            insert.setLong(8, at);
            return insert.executeUpdate();
          }
        });
  }

  /** The documents kept, as {@code residency period lang title}, in id order. */
  public List<String> documents() {
    return read(
        c -> {
          List<String> rows = new ArrayList<>();
          try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT residency, period, lang, title, content_type FROM documents"
                          + " ORDER BY id");
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              rows.add(
                  row.getLong(1)
                      + " "
                      + row.getString(2)
                      + " "
                      + row.getString(3)
                      + " "
                      + row.getString(4)
                      + " "
                      + row.getString(5));
            }
          }
          return rows;
        });
  }

  /** The id of the statement of {@code residency} for {@code period}. */
  public long documentId(long residency, String period) {
    return read(
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT id FROM documents WHERE residency = ? AND period = ?")) {
            select.setLong(1, residency);
            select.setString(2, period);
            try (ResultSet row = select.executeQuery()) {
              row.next();
              return row.getLong(1);
            }
          }
        });
  }

  /** The stored PDF of a document. */
  public byte[] body(long document) {
    return read(
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT body FROM documents WHERE id = ?")) {
            select.setLong(1, document);
            try (ResultSet row = select.executeQuery()) {
              row.next();
              return row.getBytes(1);
            }
          }
        });
  }

  /** The text of a PDF as PDFBox reads it back, lines joined by {@code \n}. */
  public static String text(byte[] pdf) throws Exception {
    try (var document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replace("\r\n", "\n");
    }
  }
}
