package io.releve.portal.account;

import io.releve.portal.store.Account;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.AuditEntry;
import io.releve.portal.store.Consent;
import io.releve.portal.store.Residency;
import io.releve.portal.web.HttpError;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "My data" (the right of access): one JSON file with everything the portal holds about the
 * resident — the account without its password hash, residencies, consent ledger, audit rows — and,
 * for each residency that sees data, the readings and alerts of the dwelling inside its {@link
 * Window} only, so that no other occupant's data is ever in it.
 */
final class MyData {

  static final String FILE_NAME = "mes-donnees-releve.json";

  private final Repos repos;

  MyData(Repos repos) {
    this.repos = repos;
  }

  /** {@code GET /compte/donnees}. */
  Response download(Request request) {
    long id = request.requireAccount(AccountKind.RESIDENT);
    Map<String, Object> export =
        repos.write(
            "export my data",
            c -> {
              Optional<Map<String, Object>> built = build(c, id);
              if (built.isPresent()) {
                repos.audit(c, id, "data.export", LoginPages.subject(id), request, "ok");
              }
              return built.orElse(null);
            });
    if (export == null) {
      throw HttpError.notFound();
    }
    return Response.download(
        FILE_NAME,
        "application/json; charset=utf-8",
        Json.write(export).getBytes(StandardCharsets.UTF_8));
  }

  /** Everything about account {@code id}, or empty when it is closed. */
  Optional<Map<String, Object>> build(Connection c, long id) throws SQLException {
    Optional<Account> found = repos.accounts.byId(c, id).filter(a -> !a.isClosed());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Account me = found.get();
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("exported_at", repos.now().toString());
    export.put("account", account(me));
    List<Object> residencies = new ArrayList<>();
    for (Residency residency : repos.residencies.ofAccount(c, id)) {
      residencies.add(residency(c, residency));
    }
    export.put("residencies", residencies);
    List<Object> consents = new ArrayList<>();
    for (Consent consent : repos.consents.ofAccount(c, id)) {
      consents.add(consent(consent));
    }
    export.put("consents", consents);
    List<Object> audit = new ArrayList<>();
    for (AuditEntry entry : repos.audit.byActor(c, id)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("at", text(entry.at()));
      row.put("action", entry.action());
      row.put("subject", entry.subject());
      row.put("ip", entry.ip());
      row.put("outcome", entry.outcome());
      audit.add(row);
    }
    export.put("audit", audit);
    return Optional.of(export);
  }

  private static Map<String, Object> account(Account me) {
    // never the password hash: offline guessing starts from it
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("id", me.id());
    account.put("email", me.email());
    account.put("kind", me.kind().value());
    account.put("last_name", me.lastName());
    account.put("first_name", me.firstName());
    account.put("phone", me.phone());
    account.put("lang", me.lang().value());
    account.put("created_at", text(me.createdAt()));
    account.put("activated_at", text(me.activatedAt()));
    account.put("terms_accepted_at", text(me.termsAcceptedAt()));
    return account;
  }

  private Map<String, Object> residency(Connection c, Residency residency) throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", residency.id());
    row.put("dwelling", residency.dwelling());
    row.put("role", residency.role().value());
    row.put("method", residency.method().value());
    row.put("move_in", residency.moveIn().toString());
    row.put("move_out", residency.moveOut() == null ? null : residency.moveOut().toString());
    row.put("state", residency.state().value());
    row.put("created_at", text(residency.createdAt()));
    Optional<Window> window = Access.of(residency, repos.portal.config().siteZone());
    if (window.isPresent()) {
      row.put("readings", rows(c, READINGS, window.get()));
      row.put("alerts", rows(c, ALERTS, window.get()));
    }
    return row;
  }

  private static Map<String, Object> consent(Consent consent) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("dwelling", consent.dwelling());
    row.put("choice", consent.choice().value());
    row.put("recorded_at", text(consent.recordedAt()));
    row.put("recorder", consent.recorder().value());
    row.put("evidence", consent.evidence());
    return row;
  }

  // the devices assigned to the dwelling; the window keeps out other occupants' time
  private static final String READINGS =
      "SELECT r.device, r.medium, r.quantity, r.value, r.unit, r.storage, r.tariff, r.subunit,"
          + " r.function, r.meter_time, r.received_at FROM readings r"
          + " JOIN devices d ON d.device = r.device"
          + " WHERE d.dwelling = ? AND r.received_at >= ? AND r.received_at < ?"
          + " ORDER BY r.received_at, r.device, r.gateway, r.epoch, r.seq";

  private static final String ALERTS =
      "SELECT a.device, a.type, a.condition, a.level, a.start, a.detected_at, a.ended_at,"
          + " a.total_loss_m3, a.average_flow_lph FROM alerts a"
          + " JOIN devices d ON d.device = a.device"
          + " WHERE d.dwelling = ? AND a.start >= ? AND a.start < ?"
          + " ORDER BY a.start, a.device, a.gateway, a.epoch, a.alert_id";

  private static List<Object> rows(Connection c, String sql, Window window) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      select.setLong(1, window.dwelling());
      select.setLong(2, window.fromMillis());
      select.setLong(3, window.untilMillis());
      List<Object> rows = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        ResultSetMetaData columns = row.getMetaData();
        while (row.next()) {
          Map<String, Object> out = new LinkedHashMap<>();
          for (int i = 1; i <= columns.getColumnCount(); i++) {
            String name = columns.getColumnLabel(i);
            Object value = row.getObject(i);
            boolean time =
                name.endsWith("_at") || name.equals("start") || name.equals("meter_time");
            out.put(
                name,
                time && value instanceof Number n
                    ? text(Instant.ofEpochMilli(n.longValue()))
                    : value);
          }
          rows.add(out);
        }
      }
      return rows;
    }
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
