package io.releve.portal.dashboard;

import io.releve.cloud.store.Database;
import io.releve.portal.account.Access;
import io.releve.portal.account.Window;
import io.releve.portal.store.Account;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.SiteAddress;
import io.releve.portal.usage.DwellingUsage;
import io.releve.portal.usage.Usage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What a resident may see of their dwelling's use, read in one transaction: the window of {@link
 * Access} (move-in to move-out, nothing of a previous occupant, nothing for an owner lessor or a
 * pending enrolment) turned into days of the site's calendar, and the use inside it.
 */
final class ResidentUsage {

  /**
   * One resident's view.
   *
   * @param address the residence's address on one line (its site code when none is recorded)
   */
  record Seen(Account account, DwellingRef dwelling, String address, DwellingUsage usage) {}

  private final Database database;
  private final Access access;
  private final Accounts accounts;
  private final Landlord landlord;
  private final Usage usage;
  private final ZoneId zone;

  ResidentUsage(Database database, ZoneId zone) {
    this.database = database;
    this.access = new Access(new Residencies(database), zone);
    this.accounts = new Accounts(database);
    this.landlord = new Landlord(database);
    this.usage = new Usage(database);
    this.zone = zone;
  }

  /** The read side of the rollups, for the building medians. */
  Usage usage() {
    return usage;
  }

  /** The account's view at {@code now}; empty when it may see no consumption data. */
  Optional<Seen> of(long account, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    return database.read(
        "read a resident's use",
        c -> {
          Optional<Window> found = access.window(c, account);
          if (found.isEmpty()) {
            return Optional.<Seen>empty();
          }
          Window window = found.get();
          LocalDate first = LocalDate.ofInstant(window.from(), zone);
          // until is 00:00 of the day after the move-out: the move-out day is the last one seen
          LocalDate last =
              window.until() == null
                  ? today
                  : LocalDate.ofInstant(window.until(), zone).minusDays(1);
          DwellingRef dwelling = landlord.dwelling(c, window.dwelling()).orElseThrow();
          String address =
              landlord
                  .address(c, dwelling.site())
                  .map(SiteAddress::oneLine)
                  .orElse(dwelling.site().value());
          return Optional.of(
              new Seen(
                  accounts.byId(c, account).orElseThrow(),
                  dwelling,
                  address,
                  usage.of(c, window.dwelling(), first, last, today)));
        });
  }
}
