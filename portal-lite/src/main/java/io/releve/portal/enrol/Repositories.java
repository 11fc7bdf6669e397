package io.releve.portal.enrol;

import io.releve.cloud.store.Database;
import io.releve.portal.Portal;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.AuditLog;
import io.releve.portal.store.Consents;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.ManagerSites;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.TokenStore;

/** The store's repositories this feature uses, built once over the portal's database. */
record Repositories(
    Database database,
    Landlord landlord,
    Accounts accounts,
    Residencies residencies,
    TokenStore tokens,
    Consents consents,
    AuditLog audit,
    ManagerSites managerSites) {

  static Repositories of(Portal portal) {
    Database database = portal.database();
    return new Repositories(
        database,
        new Landlord(database),
        new Accounts(database),
        new Residencies(database),
        new TokenStore(database),
        new Consents(),
        new AuditLog(database),
        new ManagerSites());
  }
}
