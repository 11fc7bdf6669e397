package io.releve.portal.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What an index statement is about: a dwelling, its resident, and the current index of each of its
 * devices.
 *
 * @param siteCode the residence's site code, such as {@code AB123}
 * @param address the residence's address on one line
 * @param lot the dwelling's lot number, {@code ""} when the landlord gave none
 * @param resident the resident's name as it should be printed
 * @param zone the site's time zone: every date and time is written in it
 * @param madeAt when the statement is made (the caller's clock)
 * @param lines one per device, in any order: they are written by fluid, room, then serial
 */
public record Statement(
    String siteCode,
    String address,
    String lot,
    String resident,
    ZoneId zone,
    Instant madeAt,
    List<IndexLine> lines) {

  private static final Comparator<IndexLine> ORDER =
      Comparator.comparing(IndexLine::fluid)
          .thenComparing(IndexLine::room)
          .thenComparing(IndexLine::serial);

  public Statement {
    Objects.requireNonNull(siteCode, "siteCode");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(lot, "lot (say \"\" when none)");
    Objects.requireNonNull(resident, "resident");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(madeAt, "madeAt");
    lines = lines.stream().sorted(ORDER).toList();
  }

  /** {@link #madeAt} on the site's clock. */
  LocalDateTime madeLocally() {
    return LocalDateTime.ofInstant(madeAt, zone);
  }
}
