package io.releve.portal.store;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.PortalTestStores;
import io.releve.portal.PortalWorld;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A fresh store on one engine with the portal's repositories, and the registry rows a gateway would
 * have made (a site, dwellings, installed devices).
 */
final class StoreFixture implements AutoCloseable {

  static final Instant NOW = PortalTestStores.NOW;
  static final SiteCode SITE = new SiteCode("LY003");

  final Database database;
  final Landlord landlord;
  final Accounts accounts;
  final Residencies residencies;
  final TokenStore tokens;
  final Consents consents = new Consents();
  final AuditLog audit;
  final ManagerSites managerSites = new ManagerSites();

  StoreFixture(Engine engine, Path folder) {
    database = PortalTestStores.open(engine, folder);
    landlord = new Landlord(database);
    accounts = new Accounts(database);
    residencies = new Residencies(database);
    tokens = new TokenStore(database);
    audit = new AuditLog(database);
  }

  <T> T write(io.releve.cloud.store.SqlWork<T> work) {
    return PortalTestStores.write(database, work);
  }

  /** A write whose work answers whether it changed something. */
  boolean changed(io.releve.cloud.store.SqlWork<Boolean> work) {
    return write(work);
  }

  <T> T read(io.releve.cloud.store.SqlWork<T> work) {
    return database.read("read for the test", work);
  }

  /** A dwelling of {@link #SITE} as a gateway reports it: label, lot, no client reference. */
  long dwelling(String label, String lot) {
    return write(c -> landlord.upsertDwelling(c, SITE, label, lot, null, NOW));
  }

  /** An installed device in the dwelling, as the registry records it. */
  void device(long dwelling, String key, String printedSerial) {
    write(
        c -> {
          PortalWorld.installedDevice(c, dwelling, key, printedSerial);
          return null;
        });
  }

  /** A resident who used the activation link (their e-mail is proven). */
  long resident(String email) {
    return write(
        c -> PortalWorld.activeAccount(c, accounts, email, AccountKind.RESIDENT, null, NOW));
  }

  /** A resident who enrolled but never used the activation link. */
  long unprovenResident(String email) {
    return write(
        c -> accounts.create(c, email, AccountKind.RESIDENT, "Martin", "Claire", Lang.FR, NOW));
  }

  long manager(String email) {
    return write(
        c -> {
          long id = PortalWorld.activeAccount(c, accounts, email, AccountKind.MANAGER, null, NOW);
          managerSites.grant(c, id, SITE, NOW);
          return id;
        });
  }

  long residency(long account, long dwelling, Method method, String moveIn, ResidencyState state) {
    return residency(account, dwelling, method, moveIn, state, NOW);
  }

  long residency(
      long account,
      long dwelling,
      Method method,
      String moveIn,
      ResidencyState state,
      Instant createdAt) {
    return write(
        c ->
            residencies.create(
                c,
                account,
                dwelling,
                Role.OCCUPANT,
                method,
                LocalDate.parse(moveIn),
                state,
                createdAt));
  }

  static void execute(Connection c, String sql) throws SQLException {
    PortalWorld.execute(c, sql);
  }

  @Override
  public void close() {
    database.close();
  }
}
