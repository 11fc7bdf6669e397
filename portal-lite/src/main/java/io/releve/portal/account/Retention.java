package io.releve.portal.account;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.Durability;
import io.releve.portal.Periodic;
import io.releve.portal.store.Residencies;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention periods of the privacy notice, applied: used or expired links go 7 days later,
 * audit rows after a year, and pending enrolments nobody decided on lapse. {@link #start} runs it
 * at once and then daily on one daemon thread; {@link #close()} stops that thread.
 */
public final class Retention implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  /** How long a used or expired link is kept, for the audit of a disputed reset. */
  public static final Duration TOKENS_KEPT = Duration.ofDays(7);

  /** How long audit rows are kept. */
  public static final Duration AUDIT_KEPT = Duration.ofDays(365);

  static final Duration PERIOD = Duration.ofDays(1);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  /** What one purge removed or changed. */
  public record Purged(int tokens, int auditRows, int lapsed) {}

  private final Database database;
  private final Residencies residencies;
  private Periodic schedule;

  public Retention(Database database) {
    this.database = database;
    this.residencies = new Residencies(database);
  }

  /** A retention job that purges now and then every day at {@code clock}'s time. */
  public static Retention start(Database database, Clock clock) {
    Retention retention = new Retention(database);
    retention.schedule =
        Periodic.start(
            "portal-retention",
            "Retention purge",
            Duration.ZERO,
            PERIOD,
            CLOSE_WAIT,
            () -> retention.purgeLogged(clock.instant()));
    return retention;
  }

  /** Applies the retention periods as they stand at {@code now}, in one transaction. */
  public Purged purge(Instant now) {
    return database.write(
        "apply the portal's retention periods",
        Durability.FULL,
        c ->
            new Purged(
                deleteTokens(c, now.minus(TOKENS_KEPT)),
                deleteAudit(c, now.minus(AUDIT_KEPT)),
                residencies.lapse(c, now)));
  }

  /** How many scheduled purges failed since the start. */
  public long failures() {
    return schedule == null ? 0 : schedule.failures();
  }

  private void purgeLogged(Instant now) {
    Purged purged = purge(now);
    log.info(
        "Retention: {} links, {} audit rows deleted, {} pending enrolments lapsed",
        purged.tokens(),
        purged.auditRows(),
        purged.lapsed());
  }

  private static int deleteTokens(Connection c, Instant before) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM tokens WHERE (used_at IS NOT NULL AND used_at < ?) OR expires_at < ?")) {
      delete.setLong(1, before.toEpochMilli());
      delete.setLong(2, before.toEpochMilli());
      return delete.executeUpdate();
    }
  }

  private static int deleteAudit(Connection c, Instant before) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM audit WHERE at < ?")) {
      delete.setLong(1, before.toEpochMilli());
      return delete.executeUpdate();
    }
  }

  @Override
  public void close() {
    // a purge under way finishes (it is one short transaction) before the store closes
    if (schedule != null) {
      schedule.close();
    }
  }
}
