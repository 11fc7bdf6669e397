package io.releve.portal.bench;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.Durability;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.Lang;
import io.releve.portal.store.Method;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import io.releve.portal.store.SiteCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fleet the dashboard benchmark reads: sites of {@link #DWELLINGS_PER_SITE} dwellings, each
 * with a cold water meter, a hot water meter and {@link #RADIATORS} heat cost allocators read once
 * a day for the {@code days} days up to yesterday, every dwelling with an activated resident whose
 * residency began before the first reading. Seeded, so two runs hold the same indexes.
 *
 * <p>The rows are those the bridge stores from a gateway's messages (registry, readings); the
 * allocators restart from zero on their set day, 1 January, as real ones do.
 */
final class BenchBuilding {

  static final int DWELLINGS_PER_SITE = 50;
  static final int RADIATORS = 3;
  static final String PASSWORD = "bench-dashboard-password";
  private static final String GATEWAY = "bench-gw";
  private static final String EPOCH = "bench-epoch";
  private static final MonthDay SET_DAY = MonthDay.of(1, 1);

  /**
   * The schema's index over the readings' {@code stored_at}: set aside while the fleet is written,
   * whose historical times come in no order, and built again once at the end, with the statement
   * the schema made it with (SQLite keeps it).
   */
  private static final String STORED_AT_INDEX = "readings_by_stored_at";

  /** Dwellings written per transaction: about 36 000 readings at the defaults. */
  private static final int DWELLINGS_PER_TRANSACTION = 10;

  private final Database database;
  private final ZoneId zone;
  private final LocalDate today;
  private final int days;
  private final Instant now;

  BenchBuilding(Database database, ZoneId zone, LocalDate today, int days, Instant now) {
    this.database = database;
    this.zone = zone;
    this.today = today;
    this.days = days;
    this.now = now;
  }

  /** The resident's e-mail of dwelling {@code index} (from 0). */
  static String email(int index) {
    return "resident" + index + "@bench.invalid";
  }

  /**
   * Writes {@code dwellings} dwellings with their devices, readings and residents; returns the
   * number of readings.
   */
  long write(int dwellings, String passwordHash) {
    database.write(
        "bench gateway",
        Durability.NORMAL,
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                "INSERT INTO gateways (id, last_seen) VALUES ('"
                    + GATEWAY
                    + "', 0) ON CONFLICT DO NOTHING");
            s.execute(
                "INSERT INTO epochs (gateway, epoch, first_seen) VALUES ('"
                    + GATEWAY
                    + "', '"
                    + EPOCH
                    + "', 0) ON CONFLICT DO NOTHING");
          }
          return null;
        });
    String index = setIndexAside();
    try {
      return writeDwellings(dwellings, passwordHash);
    } finally {
      if (index != null) {
        database.write(
            "build the " + STORED_AT_INDEX + " index again",
            Durability.NORMAL,
            c -> {
              try (Statement s = c.createStatement()) {
                s.execute(index);
              }
              return null;
            });
      }
    }
  }

  /** Drops the {@code stored_at} index; returns the statement that makes it, or null if none. */
  private String setIndexAside() {
    return database.write(
        "set the " + STORED_AT_INDEX + " index aside",
        Durability.NORMAL,
        c -> {
          String sql;
          try (PreparedStatement query =
              c.prepareStatement(
                  "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")) {
            query.setString(1, STORED_AT_INDEX);
            try (ResultSet row = query.executeQuery()) {
              sql = row.next() ? row.getString(1) : null;
            }
          }
          if (sql != null) {
            try (Statement s = c.createStatement()) {
              s.execute("DROP INDEX " + STORED_AT_INDEX);
            }
          }
          return sql;
        });
  }

  private long writeDwellings(int dwellings, String passwordHash) {
    long readings = 0;
    long[] seq = {0};
    for (int from = 0; from < dwellings; from += DWELLINGS_PER_TRANSACTION) {
      int start = from;
      int end = Math.min(dwellings, from + DWELLINGS_PER_TRANSACTION);
      readings +=
          database.write(
              "bench dwellings",
              Durability.NORMAL,
              c -> {
                long written = 0;
                for (int i = start; i < end; i++) {
                  written += dwelling(c, i, passwordHash, seq);
                }
                return written;
              });
    }
    return readings;
  }

  private long dwelling(Connection c, int index, String passwordHash, long[] seq)
      throws SQLException {
    SiteCode site = new SiteCode(String.format("BN%03d", index / DWELLINGS_PER_SITE));
    String label = "Lot " + (index % DWELLINGS_PER_SITE + 1);
    long dwelling = new Landlord(database).upsertDwelling(c, site, label, label, null, now);
    Accounts accounts = new Accounts(database);
    long account =
        accounts.create(c, email(index), AccountKind.RESIDENT, "Résident", "Banc", Lang.FR, now);
    accounts.setPasswordHash(c, account, passwordHash);
    accounts.activate(c, account, now);
    new Residencies(database)
        .create(
            c,
            account,
            dwelling,
            Role.OCCUPANT,
            Method.CLIENT_REF,
            today.minusDays(days + 1L),
            ResidencyState.ACTIVE,
            now);
    Random random = new Random(index);
    List<Device> devices = new ArrayList<>();
    devices.add(new Device("cw" + index, "water", "volume", "m3", 0.05, 0.25, 3));
    devices.add(new Device("hw" + index, "warm_water", "volume", "m3", 0.02, 0.12, 3));
    for (int r = 1; r <= RADIATORS; r++) {
      devices.add(
          new Device(
              "hca" + index + "-" + r,
              "heat_cost_allocator",
              "heat_cost_allocation",
              "HCA",
              0,
              9,
              0));
    }
    long written = 0;
    try (PreparedStatement device =
            c.prepareStatement(
                "INSERT INTO devices (device, state, medium, printed_serial, dwelling, gateway,"
                    + " change_epoch, change_seq, changed_at)"
                    + " VALUES (?, 'installed', ?, ?, ?, ?,"
                    + " (SELECT id FROM epochs WHERE epoch = ?), 1, 0)");
        PreparedStatement reading =
            c.prepareStatement(
                "INSERT INTO readings (gateway, epoch, seq, device, medium, quantity, value,"
                    + " value_kind, unit, storage, tariff, subunit, function, meter_time,"
                    + " received_at, clock_state, source, rssi, status, stored_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'number', ?, 0, 0, 0, 'instantaneous',"
                    + " NULL, ?, 'synced', 'radio', -70, 0, ?)")) {
      for (Device d : devices) {
        device.setString(1, d.key());
        device.setString(2, d.medium());
        device.setString(3, String.format("%08d", Math.abs(d.key().hashCode()) % 100_000_000));
        device.setLong(4, dwelling);
        device.setString(5, GATEWAY);
        device.setString(6, EPOCH);
        device.executeUpdate();
        BigDecimal index0 = BigDecimal.valueOf(100 + random.nextInt(400));
        BigDecimal value = d.decimals() == 0 ? BigDecimal.ZERO : index0;
        for (int day = days; day >= 1; day--) {
          LocalDate date = today.minusDays(day);
          if (d.decimals() == 0 && MonthDay.from(date).equals(SET_DAY)) {
            value = BigDecimal.ZERO;
          }
          double use = d.minPerDay() + random.nextDouble() * (d.maxPerDay() - d.minPerDay());
          if (d.decimals() == 0 && date.getMonthValue() >= 5 && date.getMonthValue() <= 9) {
            use = 0; // radiators are off in summer
          }
          value = value.add(BigDecimal.valueOf(use).setScale(d.decimals(), RoundingMode.HALF_UP));
          Instant at =
              date.atTime(LocalTime.of(2, 0).plusSeconds(random.nextInt(3600)))
                  .atZone(zone)
                  .toInstant();
          reading.setString(1, GATEWAY);
          reading.setString(2, EPOCH);
          reading.setLong(3, ++seq[0]);
          reading.setString(4, d.key());
          reading.setString(5, d.medium());
          reading.setString(6, d.quantity());
          reading.setString(7, value.toPlainString());
          reading.setString(8, d.unit());
          reading.setLong(9, at.toEpochMilli());
          reading.setLong(10, at.toEpochMilli());
          reading.addBatch();
          written++;
        }
        reading.executeBatch();
      }
    }
    return written;
  }

  private record Device(
      String key,
      String medium,
      String quantity,
      String unit,
      double minPerDay,
      double maxPerDay,
      int decimals) {}
}
