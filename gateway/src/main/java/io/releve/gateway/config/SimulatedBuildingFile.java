package io.releve.gateway.config;

import io.releve.common.config.ConfigException;
import io.releve.common.config.ConfigFile;
import io.releve.gateway.link.LinkTiming;
import io.releve.gateway.store.SiteCode;
import io.releve.gateway.transport.BusSpeeds;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The description of a simulated building, validated as a whole when loaded, in the syntax of the
 * gateway's configuration: every error names the file, the key with its line, and the bad value;
 * unknown keys are refused. The documented list of keys is {@code config/simulated-building.conf}.
 *
 * <p>Dwellings are labelled by stairwell letter and number: {@code A01} to {@code A10}, {@code
 * B01}…
 *
 * @param file where it was read from
 * @param site the site code of the building
 * @param stairwells 1 to 26, lettered A, B, C…
 * @param dwellingsPerStairwell dwellings on each stairwell, each with a cold and a warm water meter
 * @param radiatorsMin the fewest radiators (each with an allocator) a dwelling has
 * @param radiatorsMax the most; each dwelling gets a seeded number in between
 * @param baud the bus speed of every simulated bus
 * @param replyDelayBits the slaves' reply delay in bit times (EN 13757-2: 11 to 330)
 * @param meterZone the zone the meters' clocks are set to
 * @param setDay the meters' yearly set day
 * @param leakingWc the dwelling whose WC leaks (about 15 L/h on cold water), if any
 * @param drippingTap the dwelling whose tap drips (about 5 L/h on cold water), if any
 * @param leakStart how long before the building starts its leaks began (see {@code
 *     Building.startedAt})
 * @param radiatorOff the radiator turned off, if any
 * @param seed the seed of every random choice: the same file gives the same building
 */
public record SimulatedBuildingFile(
    Path file,
    SiteCode site,
    int stairwells,
    int dwellingsPerStairwell,
    int radiatorsMin,
    int radiatorsMax,
    int baud,
    int replyDelayBits,
    ZoneId meterZone,
    MonthDay setDay,
    Optional<String> leakingWc,
    Optional<String> drippingTap,
    Duration leakStart,
    Optional<RadiatorRef> radiatorOff,
    long seed) {

  /** A radiator of a dwelling, numbered from 1 in the dwelling's room order. */
  public record RadiatorRef(String dwelling, int radiator) {
    public RadiatorRef {
      Objects.requireNonNull(dwelling, "dwelling");
    }

    @Override
    public String toString() {
      return dwelling + ":" + radiator;
    }
  }

  /** The rooms a dwelling's radiators are in, in order: the first n of them for n radiators. */
  public static final List<String> ROOMS =
      List.of(
          "Séjour", "Cuisine", "Chambre 1", "Salle de bains", "Chambre 2", "Chambre 3", "Entrée");

  /** Primary addresses 1 to 250 on one bus (EN 13757-2). */
  public static final int MAX_SLAVES_PER_BUS = 250;

  /** Meters a dwelling has besides its allocators: cold and warm water. */
  public static final int WATER_METERS_PER_DWELLING = 2;

  /** EN 13757-2: a slave answers between 11 and 330 bit times after the request. */
  public static final int MIN_REPLY_DELAY_BITS = LinkTiming.MIN_REPLY_DELAY_BITS;

  public static final int MAX_REPLY_DELAY_BITS = LinkTiming.MAX_REPLY_DELAY_BITS;

  private static final Pattern SITE = Pattern.compile("[A-Za-z]{2}[0-9]{3}");
  private static final Pattern DWELLING = Pattern.compile("([A-Z])([0-9]{2})");
  private static final Pattern RADIATOR = Pattern.compile("([A-Z][0-9]{2}):([0-9]{1,2})");
  private static final Pattern SET_DAY = Pattern.compile("([0-9]{2})-([0-9]{2})");
  private static final int MAX_STAIRWELLS = 26;
  private static final int MAX_DWELLINGS = 99;

  /** Leaks that began 3 days ago: the demo's 14 days of history show their start. */
  public static final Duration DEFAULT_LEAK_START = Duration.ofDays(3);

  /** About two years: the longest history a backfill makes (800 days) with the leak in it. */
  private static final Duration MAX_LEAK_START = Duration.ofDays(800);

  public SimulatedBuildingFile {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(meterZone, "meterZone");
    Objects.requireNonNull(setDay, "setDay");
    Objects.requireNonNull(leakingWc, "leakingWc");
    Objects.requireNonNull(drippingTap, "drippingTap");
    Objects.requireNonNull(leakStart, "leakStart");
    Objects.requireNonNull(radiatorOff, "radiatorOff");
  }

  /** The label of dwelling {@code number} (from 1) of stairwell {@code stairwell} (from 0). */
  public static String dwellingLabel(int stairwell, int number) {
    return String.format("%c%02d", (char) ('A' + stairwell), number);
  }

  /** Reads and validates a file; throws {@link ConfigException} naming file, key and value. */
  public static SimulatedBuildingFile load(Path file) throws ConfigException {
    GatewayConfigReader reader = new GatewayConfigReader(ConfigFile.read(file));
    SiteCode site =
        SiteCode.of(
            reader.requiredString(
                "site.code", SITE, "two letters and three digits, such as SB001"));
    int stairwells = reader.integer("site.stairwells", 4, 1, MAX_STAIRWELLS);
    int perStairwell = reader.integer("site.dwellings-per-stairwell", 10, 1, MAX_DWELLINGS);
    int radiatorsMin = reader.integer("site.radiators.min", 3, 1, ROOMS.size());
    int radiatorsMax =
        reader.integer("site.radiators.max", Math.max(6, radiatorsMin), radiatorsMin, ROOMS.size());
    int slaves = perStairwell * (WATER_METERS_PER_DWELLING + radiatorsMax);
    if (slaves > MAX_SLAVES_PER_BUS) {
      throw reader.bad(
          entryOf(reader, "site.dwellings-per-stairwell", perStairwell),
          "with up to "
              + radiatorsMax
              + " radiators a stairwell bus would carry "
              + slaves
              + " meters; one bus has at most "
              + MAX_SLAVES_PER_BUS
              + " primary addresses.");
    }
    int baud = reader.oneOf("bus.baud", 2400, BusSpeeds.SUPPORTED);
    int replyDelay =
        reader.integer(
            "bus.reply-delay-bits",
            MIN_REPLY_DELAY_BITS,
            MIN_REPLY_DELAY_BITS,
            MAX_REPLY_DELAY_BITS);
    ZoneId zone = reader.zone("meters.timezone", GatewayConfig.DEFAULT_METER_ZONE);
    MonthDay setDay = setDay(reader);
    Optional<String> leakingWc = dwelling(reader, "faults.leaking-wc", stairwells, perStairwell);
    Optional<String> drippingTap =
        dwelling(reader, "faults.dripping-tap", stairwells, perStairwell);
    Duration leakStart =
        reader.duration("faults.leak-start", DEFAULT_LEAK_START, Duration.ZERO, MAX_LEAK_START);
    Optional<RadiatorRef> radiatorOff = radiator(reader, stairwells, perStairwell, radiatorsMin);
    long seed = reader.longInteger("seed", 1, 0, Long.MAX_VALUE);
    reader.rejectUnknownKeys();
    return new SimulatedBuildingFile(
        file,
        site,
        stairwells,
        perStairwell,
        radiatorsMin,
        radiatorsMax,
        baud,
        replyDelay,
        zone,
        setDay,
        leakingWc,
        drippingTap,
        leakStart,
        radiatorOff,
        seed);
  }

  /** The entry of a key that has a value, or one made up from its default for the message. */
  private static ConfigFile.Entry entryOf(GatewayConfigReader reader, String key, int value) {
    ConfigFile.Entry entry = reader.entry(key);
    return entry != null ? entry : new ConfigFile.Entry(key, Integer.toString(value), 0);
  }

  private static MonthDay setDay(GatewayConfigReader reader) throws ConfigException {
    String text =
        reader.string(
            "meters.set-day", "12-31", SET_DAY, "a month and day as MM-DD, such as 12-31");
    Matcher matcher = SET_DAY.matcher(text);
    matcher.matches();
    try {
      MonthDay day =
          MonthDay.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
      if (day.equals(MonthDay.of(2, 29))) {
        throw reader.bad(reader.entry("meters.set-day"), "must be a day every year has.");
      }
      return day;
    } catch (DateTimeException e) {
      throw reader.bad(reader.entry("meters.set-day"), "is not a day of the year.");
    }
  }

  private static Optional<String> dwelling(
      GatewayConfigReader reader, String key, int stairwells, int perStairwell)
      throws ConfigException {
    ConfigFile.Entry entry = reader.entry(key);
    if (entry == null) {
      return Optional.empty();
    }
    Matcher matcher = DWELLING.matcher(entry.value());
    if (!matcher.matches()) {
      throw reader.bad(entry, "must be a dwelling label such as A03 (stairwell letter, number).");
    }
    checkDwelling(reader, entry, matcher.group(0), stairwells, perStairwell);
    return Optional.of(entry.value());
  }

  private static Optional<RadiatorRef> radiator(
      GatewayConfigReader reader, int stairwells, int perStairwell, int radiatorsMin)
      throws ConfigException {
    ConfigFile.Entry entry = reader.entry("faults.radiator-off");
    if (entry == null) {
      return Optional.empty();
    }
    Matcher matcher = RADIATOR.matcher(entry.value());
    if (!matcher.matches()) {
      throw reader.bad(
          entry, "must be a dwelling label and a radiator number, such as C02:2 (radiator 2).");
    }
    String label = matcher.group(1);
    checkDwelling(reader, entry, label, stairwells, perStairwell);
    int radiator = Integer.parseInt(matcher.group(2));
    if (radiator < 1 || radiator > radiatorsMin) {
      throw reader.bad(
          entry,
          "the radiator must be 1 to "
              + radiatorsMin
              + ", the radiators every dwelling has (site.radiators.min).");
    }
    return Optional.of(new RadiatorRef(label, radiator));
  }

  private static void checkDwelling(
      GatewayConfigReader reader,
      ConfigFile.Entry entry,
      String label,
      int stairwells,
      int perStairwell)
      throws ConfigException {
    int stairwell = label.charAt(0) - 'A';
    int number = Integer.parseInt(label.substring(1));
    if (stairwell >= stairwells || number < 1 || number > perStairwell) {
      throw reader.bad(
          entry,
          "dwelling "
              + label
              + " is not in the building ("
              + dwellingLabel(0, 1)
              + " to "
              + dwellingLabel(stairwells - 1, perStairwell)
              + ").");
    }
  }
}
