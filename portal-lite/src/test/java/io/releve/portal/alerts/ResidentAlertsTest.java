package io.releve.portal.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.SqlWork;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.PortalTestStores;
import io.releve.portal.PortalWorld;
import io.releve.portal.account.Window;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.ClientRef;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.Method;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import io.releve.portal.store.SiteCode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which alerts a resident sees, on both engines. Claire moved into A02 on 1 March 2026 (00:00 in
 * Paris is 28 February 23:00 UTC); Paul lived there before her until 28 February. Now is 12
 * November 2026.
 */
@Timeout(120)
class ResidentAlertsTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Instant NOW = PortalTestStores.NOW;
  private static final SiteCode SITE = new SiteCode("LY003");
  private static final String COLD = "SEN-12345601-68-16";
  private static final String NEIGHBOURS = "SEN-12345699-68-16";

  @TempDir Path folder;

  private Database database;
  private Residencies residencies;
  private ResidentAlerts alerts;
  private long home;
  private long claire;
  private long paul;

  private void arrange(Engine engine) {
    database = PortalTestStores.open(engine, folder);
    residencies = new Residencies(database);
    alerts = new ResidentAlerts(residencies, PARIS);
    Landlord landlord = new Landlord(database);
    Accounts accounts = new Accounts(database);
    PortalTestStores.write(
        database,
        c -> {
          home =
              landlord.upsertDwelling(c, SITE, "A02", "12", ClientRef.parse("L/1002").get(), NOW);
          long other = landlord.upsertDwelling(c, SITE, "B07", "27", null, NOW);
          AlertRows.meter(c, home, COLD, "12345601", "cold_water");
          AlertRows.meter(c, other, NEIGHBOURS, "12345699", "cold_water");
          claire =
              PortalWorld.activeAccount(
                  c, accounts, "claire@exemple.fr", AccountKind.RESIDENT, null, NOW);
          paul =
              PortalWorld.activeAccount(
                  c, accounts, "paul@exemple.fr", AccountKind.RESIDENT, null, NOW);
          stay(c, claire, home, Role.OCCUPANT, "2026-03-01", ResidencyState.ACTIVE);
          long pauls = stay(c, paul, home, Role.OCCUPANT, "2025-01-01", ResidencyState.ACTIVE);
          residencies.end(c, pauls, LocalDate.parse("2026-02-28"));
          // ended before the move-in: Paul's only
          AlertRows.leak(
              c, COLD, 3, "2026-02-01T00:00:00Z", "2026-02-20T00:00:00Z", "5.000", "13.2");
          // ended at 00:00 of the move-in day exactly: still Paul's only
          AlertRows.notHeard(c, COLD, "2026-02-27T10:00:00Z", "2026-02-28T23:00:00Z");
          // going on across the move-in: both see it
          AlertRows.leak(
              c, COLD, 1, "2026-02-25T10:00:00Z", "2026-03-02T10:00:00Z", "0.600", "5.00");
          // started before the move-in and still active: Claire's leak now
          AlertRows.leak(c, COLD, 2, "2026-02-15T00:00:00Z", null, "14.040", "9.98");
          // inside Claire's stay
          AlertRows.leak(
              c, COLD, 2, "2026-06-01T22:00:00Z", "2026-06-04T22:00:00Z", "0.720", "10.00");
          AlertRows.meterAlarm(c, COLD, "burst", "2026-11-10T06:00:00Z", null, "status bit 4");
          // the neighbours'
          AlertRows.leak(c, NEIGHBOURS, 1, "2026-11-01T00:00:00Z", null, "1.000", "4.00");
          return null;
        });
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  private long stay(
      Connection c, long account, long dwelling, Role role, String moveIn, ResidencyState state)
      throws SQLException {
    return residencies.create(
        c, account, dwelling, role, Method.CLIENT_REF, LocalDate.parse(moveIn), state, NOW);
  }

  private <T> T read(SqlWork<T> work) {
    return database.read("read for the test", work);
  }

  private int count(long account) {
    Integer count = read(c -> alerts.activeCount(c, account, NOW));
    return count;
  }

  private static List<String> starts(List<Alert> list) {
    return list.stream().map(a -> a.start().toString()).toList();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void ofAccount_newOccupant_seesActiveFirstThenWhatWentOnDuringTheStayLatestEndFirst(
      Engine engine) {
    arrange(engine);
    List<Alert> seen = read(c -> alerts.ofAccount(c, claire, NOW));

    assertEquals(
        List.of(
            "2026-11-10T06:00:00Z",
            "2026-02-15T00:00:00Z",
            "2026-06-01T22:00:00Z",
            "2026-02-25T10:00:00Z"),
        starts(seen));
    assertEquals(List.of(true, true, false, false), seen.stream().map(Alert::active).toList());
    Alert leak = seen.get(1);
    assertEquals(AlertType.LEAK, leak.kind());
    assertEquals(Optional.of(LeakLevel.TRICKLE), leak.leakLevel());
    // exact decimals, with the gateway's scale
    assertEquals(new BigDecimal("14.040"), leak.totalLossM3());
    assertEquals(3, leak.totalLossM3().scale());
    assertEquals(new BigDecimal("9.98"), leak.averageFlowLph());
    assertEquals("12345601", leak.printedSerial());
    assertEquals("cold_water", leak.medium());
    Alert alarm = seen.get(0);
    assertEquals(AlertType.METER_ALARM, alarm.kind());
    assertEquals("burst", alarm.condition());
    assertEquals("status bit 4", alarm.source());
    assertEquals(null, alarm.totalLossM3());
    assertEquals(Instant.parse("2026-06-04T22:00:00Z"), seen.get(2).end());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void activeCount_isTheActiveAlertsOfTheCurrentDwellingOnly(Engine engine) {
    arrange(engine);
    assertEquals(2, count(claire));
    assertEquals(
        read(c -> alerts.ofAccount(c, claire, NOW)).stream().filter(Alert::active).count(),
        count(claire));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void formerOccupant_seesNothingAndCountsNothing(Engine engine) {
    arrange(engine);
    assertEquals(Optional.empty(), read(c -> alerts.window(c, paul)));
    assertEquals(List.of(), read(c -> alerts.ofAccount(c, paul, NOW)));
    assertEquals(0, count(paul));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void of_aPastWindow_hasWhatWentOnInItButNoActiveAlert(Engine engine) {
    arrange(engine);
    // Paul's stay, as a manager's view would ask for it: active alerts are the occupant's now
    Window pauls =
        new Window(
            home, Instant.parse("2024-12-31T23:00:00Z"), Instant.parse("2026-02-28T23:00:00Z"));

    List<Alert> seen = read(c -> ResidentAlerts.of(c, pauls, NOW));

    assertEquals(
        List.of("2026-02-25T10:00:00Z", "2026-02-27T10:00:00Z", "2026-02-01T00:00:00Z"),
        starts(seen));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void ownerLessorOrPendingStay_seesNothingAndCountsNothing(Engine engine) {
    arrange(engine);
    long lessor =
        PortalTestStores.write(
            database,
            c -> {
              long id =
                  PortalWorld.activeAccount(
                      c,
                      new Accounts(database),
                      "bailleur@exemple.fr",
                      AccountKind.RESIDENT,
                      null,
                      NOW);
              stay(c, id, home, Role.OWNER_LESSOR, "2026-03-01", ResidencyState.ACTIVE);
              return id;
            });
    long pending =
        PortalTestStores.write(
            database,
            c -> {
              long id =
                  PortalWorld.activeAccount(
                      c,
                      new Accounts(database),
                      "nouveau@exemple.fr",
                      AccountKind.RESIDENT,
                      null,
                      NOW);
              stay(c, id, home, Role.OCCUPANT, "2026-11-01", ResidencyState.PENDING);
              return id;
            });

    for (long account : List.of(lessor, pending)) {
      assertEquals(List.of(), read(c -> alerts.ofAccount(c, account, NOW)));
      assertEquals(0, count(account));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void ofAccount_anOwnerOccupant_seesLikeAnOccupant(Engine engine) {
    arrange(engine);
    long owner =
        PortalTestStores.write(
            database,
            c -> {
              long id =
                  PortalWorld.activeAccount(
                      c,
                      new Accounts(database),
                      "proprio@exemple.fr",
                      AccountKind.RESIDENT,
                      null,
                      NOW);
              stay(c, id, home, Role.OWNER_OCCUPANT, "2026-03-01", ResidencyState.ACTIVE);
              return id;
            });

    assertEquals(4, read(c -> alerts.ofAccount(c, owner, NOW)).size());
    assertEquals(2, count(owner));
    assertTrue(read(c -> alerts.window(c, owner)).isPresent());
  }
}
