package io.releve.portal.documents;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.Durability;
import io.releve.portal.Periodic;
import io.releve.portal.Portal;
import io.releve.portal.account.Access;
import io.releve.portal.store.Account;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.PortalMarks;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.Residency;
import io.releve.portal.usage.DwellingUsage;
import io.releve.portal.usage.Fluid;
import io.releve.portal.usage.FluidUnit;
import io.releve.portal.usage.Usage;
import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the monthly statements (DESIGN §6): once a day, the statement of last month for every
 * residency that saw days of it — active, or ended during it — whose account is open and whose role
 * sees consumption data ({@link Access#of}). A statement covers that residency's days only.
 *
 * <p>Last month is the month before yesterday's: the statements of October are made from 2
 * November, so that the indexes of 31 October, sent overnight, are in. Each statement is made and
 * kept in its own transaction; the table's {@code UNIQUE (residency, kind, period)} keeps one per
 * month whatever restarts or how many portals run. A residency whose statement fails is counted,
 * logged and tried again the next day; the others go ahead. The notifier then tells residents.
 *
 * <p>Months are not skipped when the portal was down: the mark {@value #MARK} in {@code
 * portal_marks} is the latest month whose statements were all made (as months since year 0), and a
 * run makes every month after it up to last month, at most {@value #CATCH_UP_MONTHS} months back,
 * oldest first. A month with a failure holds the mark, so it is tried again on the next runs even
 * once it is no longer last month. Without a mark (the first run) a run makes last month only.
 */
public final class StatementJob implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StatementJob.class);

  static final Duration PERIOD = Duration.ofDays(1);

  /** After a start, the rollups run first: they give the months their figures. */
  static final Duration FIRST_DELAY = Duration.ofMinutes(5);

  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  /** The name of the mark in {@code portal_marks}: the latest month whose statements are made. */
  static final String MARK = "statements.month";

  /** How many months a run goes back at most, last month included. */
  static final int CATCH_UP_MONTHS = 12;

  /** The fluids of a statement in their printed order: heating, hot water, then cold water. */
  private static final List<Fluid> ORDER =
      List.of(Fluid.HEATING, Fluid.HOT_WATER, Fluid.COLD_WATER);

  private static final String CANDIDATES =
      "SELECT r.id FROM residencies r JOIN accounts a ON a.id = r.account"
          + " WHERE r.state IN ('active', 'ended') AND r.role <> 'owner_lessor'"
          + " AND a.closed_at IS NULL AND r.move_in <= ?"
          + " AND (r.move_out IS NULL OR r.move_out >= ?)"
          + " AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.residency = r.id"
          + " AND d.kind = 'monthly_statement' AND d.period = ?) ORDER BY r.id";

  /** One run: statements made, and residencies whose statement failed. */
  public record Run(int made, int failed) {}

  private final Database database;
  private final Clock clock;
  private final ZoneId zone;
  private final String complaintContact;
  private final Residencies residencies;
  private final Accounts accounts;
  private final Landlord landlord;
  private final Usage usage;
  private final Documents documents = new Documents();
  private final Map<Lang, Messages> messages = new EnumMap<>(Lang.class);
  private final AtomicLong failures = new AtomicLong();
  private Periodic schedule;

  public StatementJob(Portal portal) {
    this.database = portal.database();
    this.clock = portal.clock();
    this.zone = portal.config().siteZone();
    this.complaintContact = portal.config().complaintContact();
    this.residencies = new Residencies(database);
    this.accounts = new Accounts(database);
    this.landlord = new Landlord(database);
    this.usage = new Usage(database);
    for (Lang lang : Lang.values()) {
      messages.put(lang, Messages.load(lang));
    }
  }

  /** A job that runs every {@link #PERIOD}, the first time {@link #FIRST_DELAY} from now. */
  public static StatementJob start(Portal portal) {
    StatementJob job = new StatementJob(portal);
    job.schedule =
        Periodic.start(
            "portal-statements",
            "Monthly statements",
            FIRST_DELAY,
            PERIOD,
            CLOSE_WAIT,
            job::runOnce);
    return job;
  }

  /** The month whose statements a run on {@code today} makes: the month before yesterday's. */
  static YearMonth period(LocalDate today) {
    return YearMonth.from(today.minusDays(1)).minusMonths(1);
  }

  /**
   * The months a run on {@code today} makes, oldest first: those after the {@code done} mark up to
   * last month, at most {@link #CATCH_UP_MONTHS}; last month alone without a mark.
   */
  static List<YearMonth> periods(LocalDate today, Optional<YearMonth> done) {
    YearMonth last = period(today);
    YearMonth first = last.minusMonths(CATCH_UP_MONTHS - 1);
    if (done.isEmpty()) {
      first = last;
    } else if (done.get().plusMonths(1).isAfter(first)) {
      first = done.get().plusMonths(1);
    }
    List<YearMonth> periods = new ArrayList<>();
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      periods.add(month);
    }
    return periods;
  }

  /**
   * Makes the missing statements of last month, and of the months before it since the last run that
   * made them all.
   *
   * @throws io.releve.cloud.store.StoreException when the store fails while looking for them
   */
  public Run runOnce() {
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    Optional<YearMonth> done = database.read("read the statements' mark", StatementJob::mark);
    int made = 0;
    int failed = 0;
    for (YearMonth period : periods(today, done)) {
      Run run = runPeriod(period, today);
      made += run.made();
      failed += run.failed();
      if (failed == 0) {
        database.write("mark the statements made", Durability.FULL, c -> setMark(c, period));
      }
    }
    return new Run(made, failed);
  }

  private Run runPeriod(YearMonth period, LocalDate today) {
    List<Long> missing = database.read("find missing statements", c -> candidates(c, period));
    int made = 0;
    int failed = 0;
    for (long residency : missing) {
      try {
        if (make(residency, period, today)) {
          made++;
        }
      } catch (RuntimeException e) {
        failed++;
        failures.incrementAndGet();
        log.error(
            "The statement of {} for residency {} failed; tried again tomorrow",
            period,
            residency,
            e);
      }
    }
    if (made > 0 || failed > 0) {
      log.info("Monthly statements of {}: {} made, {} failed", period, made, failed);
    }
    return new Run(made, failed);
  }

  /** The latest month whose statements were all made, if a run has made one. */
  static Optional<YearMonth> mark(Connection c) throws SQLException {
    OptionalLong months = PortalMarks.get(c, MARK);
    return months.isEmpty()
        ? Optional.empty()
        : Optional.of(
            YearMonth.of((int) (months.getAsLong() / 12), (int) (months.getAsLong() % 12) + 1));
  }

  private static Void setMark(Connection c, YearMonth period) throws SQLException {
    PortalMarks.raise(c, MARK, period.getYear() * 12L + period.getMonthValue() - 1);
    return null;
  }

  /** Residencies whose statements failed since the start. */
  public long failures() {
    return failures.get();
  }

  private static List<Long> candidates(Connection c, YearMonth period) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement(CANDIDATES)) {
      select.setString(1, period.atEndOfMonth().toString());
      select.setString(2, period.atDay(1).toString());
      select.setString(3, period.toString());
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          ids.add(row.getLong(1));
        }
      }
    }
    return ids;
  }

  /** Makes and keeps one statement; false when there was nothing to make. */
  private boolean make(long id, YearMonth period, LocalDate today) {
    Optional<Made> made =
        database.read("read a statement's figures", c -> statement(c, id, period, today));
    if (made.isEmpty()) {
      return false;
    }
    Messages m = made.get().messages();
    byte[] pdf = new StatementPdf(m).render(made.get().statement(), clock.instant().atZone(zone));
    Instant now = clock.instant();
    return database.write(
        "keep a monthly statement",
        Durability.FULL,
        c ->
            documents.insert(
                c, id, period, m.lang().code(), StatementPdf.title(m, period), pdf, now));
  }

  private record Made(MonthlyStatement statement, Messages messages) {}

  private Optional<Made> statement(Connection c, long id, YearMonth period, LocalDate today)
      throws SQLException {
    Optional<Residency> found = residencies.byId(c, id);
    if (found.isEmpty() || Access.of(found.get(), zone).isEmpty()) {
      return Optional.empty();
    }
    Residency residency = found.get();
    Account account = accounts.byId(c, residency.account()).orElseThrow();
    DwellingRef dwelling = landlord.dwelling(c, residency.dwelling()).orElseThrow();
    LocalDate from = max(residency.moveIn(), period.atDay(1));
    LocalDate to =
        residency.moveOut() == null || residency.moveOut().isAfter(period.atEndOfMonth())
            ? period.atEndOfMonth()
            : residency.moveOut();
    if (from.isAfter(to) || !to.isBefore(today)) {
      return Optional.empty();
    }
    DwellingUsage use =
        usage.of(
            c,
            residency.dwelling(),
            residency.moveIn(),
            residency.moveOut() == null ? today : residency.moveOut(),
            today);
    List<FluidUnit> fluids = new ArrayList<>(use.fluids());
    fluids.sort(
        Comparator.comparingInt((FluidUnit f) -> ORDER.indexOf(f.fluid())).thenComparing(f -> f));
    List<FluidLine> lines = new ArrayList<>();
    for (FluidUnit of : fluids) {
      BigDecimal now = use.month(of, period);
      BigDecimal before = use.month(of, period.minusYears(1));
      lines.add(
          new FluidLine(
              of,
              now,
              before,
              Evolution.percent(now, before),
              BuildingAverage.of(c, dwelling.site().value(), of, period)));
    }
    Lang lang = Lang.fromCode(account.lang().value()).orElse(Lang.DEFAULT);
    MonthlyStatement statement =
        new MonthlyStatement(
            period,
            from,
            to,
            dwelling.site().value(),
            dwelling.label(),
            dwelling.lot(),
            account.firstName() + " " + account.lastName(),
            lines,
            complaintContact,
            today);
    return Optional.of(new Made(statement, messages.get(lang)));
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public void close() {
    if (schedule != null) {
      schedule.close();
    }
  }
}
