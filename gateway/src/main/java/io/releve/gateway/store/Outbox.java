package io.releve.gateway.store;

import io.releve.contract.AlertEntry;
import io.releve.contract.EventEntry;
import io.releve.contract.InventoryChange;
import io.releve.contract.ReadingEntry;
import io.releve.gateway.clock.TimeBase;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.reading.Unit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox (DESIGN §3.2, §3.4): every reading, meter event, gateway event and inventory change,
 * numbered from one sequence, read back in seq order for the uplink. Rows stay where they are; what
 * leaves the outbox is the acknowledged seq ({@code meta 'acked_seq'}), which only grows. While the
 * uplink holds the outbox ({@link #hold}), retention never deletes a reading above it.
 */
public final class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  static final String ACKED_SEQ = "acked_seq";
  static final String HOLD = "outbox_hold";

  /** A reading's text value and an event's detail are capped by the contract. */
  private static final int MAX_VALUE_TEXT = 256;

  private static final int MAX_DETAIL = 1024;

  /** The tables whose rows are numbered in the outbox. */
  private static final List<String> TABLES =
      List.of("readings", "meter_events", "gateway_events", "inventory_changes");

  private final Database database;

  public Outbox(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * The next rows above {@code afterSeq}, at most {@code limit} of them, in seq order.
   *
   * @throws StoreException when SQLite fails
   */
  public OutboxBatch after(long afterSeq, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("Batch limit [" + limit + "] must be at least 1.");
    }
    return database.read(
        "read the outbox after seq " + afterSeq,
        c -> {
          // each table is read along its primary key, then the three are cut at the limit-th seq:
          // a union sorted by SQLite would sort the whole backlog for every batch
          Instant now = database.clock().instant();
          List<EventEntry> unsendable = new ArrayList<>();
          List<ReadingEntry> readings = readings(c, afterSeq, limit, unsendable, now);
          List<EventEntry> events = events(c, afterSeq, limit, unsendable, now);
          List<InventoryChange> inventory = inventory(c, afterSeq, limit, unsendable, now);
          long held = untimed(c, readings, unsendable, now);
          events.addAll(unsendable);
          events.sort((a, b) -> Long.compare(a.seq(), b.seq()));
          long cut = Math.min(cut(readings, events, inventory, limit), held - 1);
          readings.removeIf(r -> r.seq() > cut);
          events.removeIf(e -> e.seq() > cut);
          inventory.removeIf(i -> i.seq() > cut);
          long last = 0;
          for (List<? extends io.releve.contract.Sequenced> list :
              List.of(readings, events, inventory)) {
            if (!list.isEmpty()) {
              last = Math.max(last, list.get(list.size() - 1).seq());
            }
          }
          return new OutboxBatch(readings, events, inventory, last);
        });
  }

  /**
   * Rows stamped before the clock was synchronised (DESIGN §3.5). While the daemon's time base is
   * not synchronised, nothing leaves: every time it stamps may still be re-timed. Once it is,
   * readings still flagged unsynchronised are from a boot that ended before synchronisation: an
   * {@value #UNTIMED} event takes each one's seq, and its time, surely wrong, never leaves the
   * gateway. Without a time base (no daemon ever ran on the file: tools and tests), the flag
   * travels with the reading as before.
   *
   * @return the seq before which rows may leave: 0 while unsynchronised, else {@link
   *     Long#MAX_VALUE}
   */
  private static long untimed(
      Connection c, List<ReadingEntry> readings, List<EventEntry> untimed, Instant now)
      throws SQLException {
    TimeBase base = ClockBases.current(c);
    if (base == null) {
      return Long.MAX_VALUE;
    }
    if (!base.synchronised()) {
      return 0;
    }
    for (Iterator<ReadingEntry> it = readings.iterator(); it.hasNext(); ) {
      ReadingEntry reading = it.next();
      if (reading.clockState() != ReadingEntry.ClockState.UNSYNCHRONISED) {
        continue;
      }
      it.remove();
      untimed.add(
          new EventEntry(
              reading.seq(),
              reading.device(),
              now,
              UNTIMED,
              reading.quantity()
                  + " reading seq "
                  + reading.seq()
                  + " was taken before the clock was synchronised, in a boot that ended before"
                  + " it was: its time is unknown and it stays in the gateway",
              null));
    }
    return Long.MAX_VALUE;
  }

  private static long cut(
      List<ReadingEntry> readings,
      List<EventEntry> events,
      List<InventoryChange> inventory,
      int limit) {
    List<Long> seqs = new ArrayList<>(readings.size() + events.size() + inventory.size());
    readings.forEach(r -> seqs.add(r.seq()));
    events.forEach(e -> seqs.add(e.seq()));
    inventory.forEach(i -> seqs.add(i.seq()));
    if (seqs.size() <= limit) {
      return Long.MAX_VALUE;
    }
    seqs.sort(null);
    return seqs.get(limit - 1);
  }

  /** The seq up to which the bridge has committed every row; 0 before the first ack. */
  public long ackedSeq() {
    return database.read("read the acknowledged seq", Outbox::ackedSeq);
  }

  /**
   * Records the bridge's ack of every row up to {@code seq}. Acks only grow: a lower one changes
   * nothing.
   *
   * @throws AckBeyondOutboxException for an ack above the highest seq ever given
   * @return true when the acknowledged seq moved
   */
  public boolean acknowledge(long seq) {
    return database.write(
        "record the ack of seq " + seq,
        Durability.FULL,
        c -> {
          long next = OutboxSequence.peekNext(c);
          if (seq >= next) {
            throw new AckBeyondOutboxException(seq, next - 1);
          }
          if (seq <= ackedSeq(c)) {
            return false;
          }
          MetaTable.set(c, ACKED_SEQ, Long.toString(seq));
          return true;
        });
  }

  /**
   * An ack of this database's epoch above every seq it has given: the bridge holds rows this file
   * never wrote, so the file is an older copy put back (a restored SD card).
   */
  public static final class AckBeyondOutboxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    AckBeyondOutboxException(long acked, long highestGiven) {
      super("Ack of seq " + acked + " is above the highest seq given, " + highestGiven + ".");
    }
  }

  /**
   * From now on retention spares every reading the bridge has not acknowledged. Called when the
   * uplink starts; {@link #release} when the gateway runs without one.
   */
  public void hold() {
    database.write(
        "hold the outbox",
        Durability.FULL,
        c -> {
          MetaTable.set(c, HOLD, Boolean.TRUE.toString());
          return null;
        });
  }

  /** Retention may delete readings whether or not they were sent: the gateway has no uplink. */
  public void release() {
    database.write(
        "release the outbox",
        Durability.NORMAL,
        c -> {
          MetaTable.remove(c, HOLD);
          return null;
        });
  }

  /**
   * The {@code pending_from} of the batches sent from now on: the lowest seq held above the
   * acknowledged one, or the next seq to be given when none is held. No unacknowledged row lies
   * below it, and every row stored later is above it.
   */
  public long pendingFrom() {
    return database.read(
        "read the first pending seq",
        c -> {
          long next = OutboxSequence.peekNext(c);
          long acked = ackedSeq(c);
          long lowest = next;
          for (String table : TABLES) {
            try (PreparedStatement query =
                c.prepareStatement(
                    "SELECT min(outbox_seq) FROM " + table + " WHERE outbox_seq > ?")) {
              query.setLong(1, acked);
              try (ResultSet row = query.executeQuery()) {
                if (row.next() && row.getObject(1) != null) {
                  lowest = Math.min(lowest, row.getLong(1));
                }
              }
            }
          }
          return lowest;
        });
  }

  /** Where the outbox stands: acknowledged seq, rows waiting, the oldest unsent reading. */
  public OutboxState state() {
    return database.read(
        "read the outbox state",
        c -> {
          long acked = ackedSeq(c);
          long depth = 0;
          for (String table : TABLES) {
            try (PreparedStatement query =
                c.prepareStatement("SELECT count(*) FROM " + table + " WHERE outbox_seq > ?")) {
              query.setLong(1, acked);
              try (ResultSet row = query.executeQuery()) {
                row.next();
                depth += row.getLong(1);
              }
            }
          }
          Instant oldest = null;
          // readings are numbered in the order they are stored: the first unsent is the oldest
          try (PreparedStatement query =
              c.prepareStatement(
                  "SELECT received_at FROM readings WHERE outbox_seq > ?"
                      + " ORDER BY outbox_seq LIMIT 1")) {
            query.setLong(1, acked);
            try (ResultSet row = query.executeQuery()) {
              if (row.next()) {
                oldest = Instant.ofEpochMilli(row.getLong(1));
              }
            }
          }
          return new OutboxState(acked, OutboxSequence.peekNext(c), depth, oldest);
        });
  }

  static long ackedSeq(Connection c) throws SQLException {
    String value = MetaTable.get(c, ACKED_SEQ);
    return value == null ? 0 : Long.parseLong(value);
  }

  /** The seq above which retention must keep readings: the acked seq while held, else none. */
  static OptionalLong retentionFloor(Connection c) throws SQLException {
    return MetaTable.get(c, HOLD) == null ? OptionalLong.empty() : OptionalLong.of(ackedSeq(c));
  }

  /** Makes one entry of a row; an {@link IllegalArgumentException} says the contract refuses it. */
  private interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /**
   * The rows of {@code sql} (its parameters: the seq after which, the limit) as entries; a row the
   * contract refuses becomes an {@link #UNSENDABLE} event in {@code unsendable}.
   */
  private static <T> List<T> rows(
      Connection c,
      String sql,
      long after,
      int limit,
      String kind,
      List<EventEntry> unsendable,
      Instant now,
      RowMapper<T> mapper)
      throws SQLException {
    List<T> entries = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement(sql)) {
      query.setLong(1, after);
      query.setInt(2, limit);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          try {
            entries.add(mapper.map(row));
          } catch (IllegalArgumentException e) {
            unsendable.add(unsendable(row.getLong("outbox_seq"), kind, e, now));
          }
        }
      }
    }
    return entries;
  }

  private static List<ReadingEntry> readings(
      Connection c, long after, int limit, List<EventEntry> unsendable, Instant now)
      throws SQLException {
    return rows(
        c,
        "SELECT r.*, d.manufacturer, d.meter_id, d.version, d.device_type"
            + " FROM readings r JOIN devices d ON d.id = r.device_id"
            + " WHERE r.outbox_seq > ? ORDER BY r.outbox_seq LIMIT ?",
        after,
        limit,
        "reading",
        unsendable,
        now,
        Outbox::reading);
  }

  private static ReadingEntry reading(ResultSet row) throws SQLException {
    boolean number = "number".equals(row.getString("value_kind"));
    String value = row.getString("value_text");
    if (!number) {
      value = printable(value, MAX_VALUE_TEXT);
    }
    Integer rssi = (Integer) row.getObject("rssi");
    return new ReadingEntry(
        row.getLong("outbox_seq"),
        deviceKey(row),
        row.getString("medium"),
        row.getString("quantity"),
        value,
        number ? ReadingEntry.ValueKind.NUMBER : ReadingEntry.ValueKind.TEXT,
        Unit.valueOf(row.getString("unit")).symbol(),
        row.getInt("storage"),
        row.getInt("tariff"),
        row.getInt("subunit"),
        ReadingEntry.RecordFunction.valueOf(row.getString("function").toUpperCase(Locale.ROOT)),
        instant(row, "meter_time"),
        instant(row, "received_at"),
        ReadingEntry.ClockState.valueOf(row.getString("clock_state")),
        printable(row.getString("source"), MAX_VALUE_TEXT),
        rssi,
        row.getInt("status"));
  }

  private static List<EventEntry> events(
      Connection c, long after, int limit, List<EventEntry> unsendable, Instant now)
      throws SQLException {
    List<EventEntry> entries =
        rows(
            c,
            "SELECT e.outbox_seq, e.at, e.type, e.detail, d.manufacturer, d.meter_id, d.version,"
                + " d.device_type, a.id AS alert_id, a.type AS alert_type, a.condition, a.level,"
                + " a.started_at, a.detected_at, a.ended_at, a.total_loss_m3, a.average_flow_lph,"
                + " a.source"
                + " FROM meter_events e JOIN devices d ON d.id = e.device_id"
                + " LEFT JOIN alerts a ON a.id = e.alert_id"
                + " WHERE e.outbox_seq > ? ORDER BY e.outbox_seq LIMIT ?",
            after,
            limit,
            "meter event",
            unsendable,
            now,
            row -> event(row, deviceKey(row), alert(row)));
    entries.addAll(
        rows(
            c,
            "SELECT outbox_seq, at, type, detail FROM gateway_events"
                + " WHERE outbox_seq > ? ORDER BY outbox_seq LIMIT ?",
            after,
            limit,
            "gateway event",
            unsendable,
            now,
            row -> event(row, null, null)));
    entries.sort((a, b) -> Long.compare(a.seq(), b.seq()));
    return entries;
  }

  private static EventEntry event(ResultSet row, String device, AlertEntry alert)
      throws SQLException {
    return new EventEntry(
        row.getLong("outbox_seq"),
        device,
        instant(row, "at"),
        row.getString("type"),
        detail(row.getString("detail")),
        alert);
  }

  private static AlertEntry alert(ResultSet row) throws SQLException {
    if (row.getObject("alert_id") == null) {
      return null;
    }
    return new AlertEntry(
        row.getLong("alert_id"),
        row.getString("alert_type"),
        row.getString("condition"),
        (Integer) row.getObject("level"),
        instant(row, "started_at"),
        instant(row, "detected_at"),
        instant(row, "ended_at"),
        row.getString("total_loss_m3"),
        row.getString("average_flow_lph"),
        row.getString("source"));
  }

  private static List<InventoryChange> inventory(
      Connection c, long after, int limit, List<EventEntry> unsendable, Instant now)
      throws SQLException {
    return rows(
        c,
        "SELECT i.*, d.manufacturer, d.meter_id, d.version, d.device_type"
            + " FROM inventory_changes i JOIN devices d ON d.id = i.device_id"
            + " WHERE i.outbox_seq > ? ORDER BY i.outbox_seq LIMIT ?",
        after,
        limit,
        "inventory change",
        unsendable,
        now,
        Outbox::inventoryChange);
  }

  /**
   * An installation says where the device is; a removal only which device leaves its dwelling (the
   * contract's short form), whatever the row kept of the installation it ends.
   */
  private static InventoryChange inventoryChange(ResultSet row) throws SQLException {
    InventoryChange.Action action =
        InventoryChange.Action.valueOf(row.getString("action").toUpperCase(Locale.ROOT));
    if (action == InventoryChange.Action.REMOVED) {
      return new InventoryChange(
          row.getLong("outbox_seq"), action, deviceKey(row), null, null, null, null, null, null);
    }
    return new InventoryChange(
        row.getLong("outbox_seq"),
        action,
        deviceKey(row),
        row.getString("medium"),
        row.getString("site_code"),
        row.getString("dwelling"),
        row.getString("lot"),
        row.getString("printed_serial"),
        row.getString("room"));
  }

  private static String deviceKey(ResultSet row) throws SQLException {
    return new DeviceIdentity(
            row.getString("manufacturer"),
            row.getString("meter_id"),
            row.getInt("version"),
            row.getInt("device_type"))
        .key();
  }

  private static String detail(String detail) {
    return printable(detail, MAX_DETAIL);
  }

  /**
   * Text as the contract takes it: control characters (a meter's text record padded with NUL bytes,
   * say) written as {@code \xNN}, and at most {@code max} characters.
   */
  static String printable(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char ch = text.charAt(i);
      if (Character.isISOControl(ch)) {
        out.append(String.format(Locale.ROOT, "\\x%02X", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.length() > max ? out.substring(0, max) : out.toString();
  }

  /** The event type standing in for a reading whose time can never be known, at its own seq. */
  public static final String UNTIMED = "untimed_reading";

  /** The event type standing in for a row the contract refuses, at the row's own seq. */
  public static final String UNSENDABLE = "unsendable_row";

  /**
   * A row that no payload can carry (a value the contract refuses) must not stop the outbox: an
   * event of type {@value #UNSENDABLE} takes its seq, saying what it was and why, so that the
   * bridge still holds every seq and the row itself stays in the gateway's database.
   */
  private static EventEntry unsendable(long seq, String kind, RuntimeException why, Instant now) {
    LOG.error("outbox: {} seq {} cannot be sent as it is: {}", kind, seq, why.getMessage());
    return new EventEntry(
        seq,
        null,
        now,
        UNSENDABLE,
        printable(
            kind + " seq " + seq + " refused by the contract: " + why.getMessage(), MAX_DETAIL),
        null);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
