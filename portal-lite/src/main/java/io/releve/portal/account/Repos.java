package io.releve.portal.account;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.Durability;
import io.releve.cloud.store.SqlWork;
import io.releve.portal.Portal;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.AuditLog;
import io.releve.portal.store.Consents;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.TokenStore;
import io.releve.portal.web.Request;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** The repositories this feature's pages use, over the portal's store. */
final class Repos {
  final Portal portal;
  final Database database;
  final Accounts accounts;
  final Residencies residencies;
  final TokenStore tokens;
  final Consents consents = new Consents();
  final AuditLog audit;
  final Access access;

  Repos(Portal portal) {
    this.portal = portal;
    this.database = portal.database();
    this.accounts = new Accounts(database);
    this.residencies = new Residencies(database);
    this.tokens = new TokenStore(database);
    this.audit = new AuditLog(database);
    this.access = new Access(residencies, portal.config().siteZone());
  }

  Instant now() {
    return portal.clock().instant();
  }

  <T> T write(String what, SqlWork<T> work) {
    return database.write(what, Durability.FULL, work);
  }

  <T> T read(String what, SqlWork<T> work) {
    return database.read(what, work);
  }

  /** Appends an audit row for {@code request}'s visitor inside the caller's transaction. */
  void audit(
      Connection c, Long actor, String action, String subject, Request request, String outcome)
      throws SQLException {
    audit.append(c, now(), actor, action, subject, request.clientIp(), outcome);
  }

  /** Appends an audit row in a transaction of its own. */
  void audit(Long actor, String action, String subject, Request request, String outcome) {
    write(
        "audit " + action,
        c -> audit.append(c, now(), actor, action, subject, request.clientIp(), outcome));
  }
}
