package io.releve.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.PortalTestStores;
import io.releve.portal.TestClock;
import io.releve.portal.auth.Tokens;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.AuditLog;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.Lang;
import io.releve.portal.store.Method;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import io.releve.portal.store.SiteCode;
import io.releve.portal.store.TokenPurpose;
import io.releve.portal.store.TokenStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

  private static final Instant NOW = PortalTestStores.NOW;

  @TempDir Path dir;
  private Database database;
  private long account;

  @BeforeEach
  void open() {
    database = PortalTestStores.open(Engine.SQLITE, dir);
    account =
        PortalTestStores.write(
            database,
            c ->
                new Accounts(database)
                    .create(c, "a@exemple.fr", AccountKind.RESIDENT, "A", "B", Lang.FR, NOW));
  }

  @AfterEach
  void close() {
    database.close();
  }

  private void token(Instant created, Duration life, Instant usedAt) {
    String hash = Tokens.sha256Hex(Tokens.newToken());
    TokenStore tokens = new TokenStore(database);
    PortalTestStores.write(
        database,
        c -> {
          tokens.insert(c, hash, account, TokenPurpose.RESET, created, created.plus(life));
          if (usedAt != null) {
            tokens.consume(c, hash, TokenPurpose.RESET, usedAt);
          }
          return null;
        });
  }

  private long count(String table) {
    return database.read(
        "count",
        c -> {
          try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table);
              ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  @Test
  void purge_deletesOldUsedOrExpiredLinksAndOldAuditRowsAndLapsesOldPendings() {
    Instant eightDaysAgo = NOW.minus(Duration.ofDays(8));
    token(eightDaysAgo, Duration.ofHours(1), null); // expired 8 days ago: goes
    token(eightDaysAgo, Duration.ofHours(1), eightDaysAgo.plusSeconds(60)); // used then: goes
    token(NOW.minus(Duration.ofDays(6)), Duration.ofHours(1), null); // expired 6 days ago: stays
    token(NOW.minus(Duration.ofMinutes(5)), Duration.ofHours(1), null); // usable: stays
    AuditLog audit = new AuditLog(database);
    PortalTestStores.write(
        database,
        c -> {
          audit.append(c, NOW.minus(Duration.ofDays(366)), account, "login", null, null, "ok");
          audit.append(c, NOW.minus(Duration.ofDays(364)), account, "login", null, null, "ok");
          long dwelling =
              new Landlord(database)
                  .upsertDwelling(c, new SiteCode("LY003"), "A02", null, null, NOW);
          Residencies residencies = new Residencies(database);
          residencies.create(
              c,
              account,
              dwelling,
              Role.OCCUPANT,
              Method.SERIAL,
              LocalDate.parse("2026-10-01"),
              ResidencyState.PENDING,
              NOW.minus(Duration.ofDays(15)));
          residencies.create(
              c,
              account,
              dwelling,
              Role.OCCUPANT,
              Method.SERIAL,
              LocalDate.parse("2026-10-01"),
              ResidencyState.PENDING,
              NOW.minus(Duration.ofDays(13)));
          return null;
        });

    Retention.Purged purged = new Retention(database).purge(NOW);

    assertEquals(new Retention.Purged(2, 1, 1), purged);
    assertEquals(2, count("tokens"));
    assertEquals(1, count("audit"));
    assertEquals(new Retention.Purged(0, 0, 0), new Retention(database).purge(NOW));
  }

  @Test
  void start_purgesAtOnceOnItsThreadAndCloseStopsIt() {
    PortalTestStores.write(
        database,
        c ->
            new AuditLog(database)
                .append(c, NOW.minus(Duration.ofDays(400)), account, "login", null, null, "ok"));

    try (Retention retention = Retention.start(database, new TestClock(NOW))) {
      io.releve.portal.Poll.until(() -> count("audit") == 0, () -> "the first purge");
      assertEquals(0, retention.failures());
    }
  }
}
