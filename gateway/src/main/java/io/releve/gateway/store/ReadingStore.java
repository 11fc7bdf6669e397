package io.releve.gateway.store;

import io.releve.gateway.clock.TimeBase;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stores readings with their outbox sequence numbers, and finds them again.
 *
 * <p>Times are kept to the millisecond. Readings of devices that are not installed are stored all
 * the same: the device is recorded as heard, without a dwelling. SQLite failures throw {@link
 * StoreException}.
 */
public final class ReadingStore {

  private static final String VALUE_NUMBER = "number";
  private static final String VALUE_TEXT = "text";

  private static final String INSERT_READING =
      "INSERT INTO readings (outbox_seq, device_id, medium, quantity, value_kind, value_text,"
          + " value_real, unit, storage, tariff, subunit, function, meter_time, received_at,"
          + " clock_state, source, rssi, status, raw_frame_id, boot_id, mono_ns)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Database database;

  public ReadingStore(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** How a reading finds the raw frame it was decoded from. */
  private record FrameKey(DeviceIdentity device, long receivedAtMillis, String source) {}

  /**
   * Stores the readings and raw frames of one poll cycle or radio batch in one transaction with
   * {@code synchronous=FULL}: when this returns, they are on disk, numbered {@code firstSeq} to
   * {@code lastSeq} in list order, and a power cut cannot take them back. When it throws, nothing
   * was stored and no number was used.
   *
   * @param rawFrames the frames the readings came from; a reading is linked to the frame with its
   *     device, receive time and source
   * @throws StoreException when SQLite fails (the disk is full, the file is locked too long)
   */
  public StoredBatch storeBatch(List<Reading> readings, List<RawFrame> rawFrames) {
    return storeBatch(readings, rawFrames, BatchWork.NONE);
  }

  /**
   * As {@link #storeBatch(List, List)}, then runs {@code work} in the same transaction: what it
   * writes is committed with the readings, and when it throws nothing is stored.
   */
  public StoredBatch storeBatch(List<Reading> readings, List<RawFrame> rawFrames, BatchWork work) {
    List<Reading> batch = List.copyOf(readings);
    List<RawFrame> frames = List.copyOf(rawFrames);
    return database.write(
        "store " + batch.size() + " readings and " + frames.size() + " raw frames",
        Durability.FULL,
        c -> {
          Map<DeviceIdentity, Long> devices = new HashMap<>();
          Map<FrameKey, Long> frameIds = insertFrames(c, frames, devices);
          if (batch.isEmpty()) {
            work.run(
                c, identity -> deviceId(c, identity, devices), OutboxSequence.peekNext(c), batch);
            return new StoredBatch(0, 0, 0, frames.size());
          }
          long first = OutboxSequence.allocate(c, batch.size());
          long seq = first;
          TimeBase base = ClockBases.current(c);
          List<Reading> stored = new ArrayList<>(batch.size());
          try (PreparedStatement insert = c.prepareStatement(INSERT_READING)) {
            for (Reading reading : batch) {
              long deviceId = deviceId(c, reading.device(), devices);
              Long frameId =
                  frameIds.get(
                      new FrameKey(
                          reading.device(), reading.receivedAt().toEpochMilli(), reading.source()));
              Timing timing = Timing.of(reading, base);
              bind(insert, seq++, deviceId, reading, frameId, timing);
              insert.addBatch();
              stored.add(timing.applied(reading));
            }
            insert.executeBatch();
          }
          work.run(c, identity -> deviceId(c, identity, devices), first, stored);
          return new StoredBatch(first, seq - 1, batch.size(), frames.size());
        });
  }

  /**
   * The sequence number the next stored reading will get: one more than the last ever given, even
   * when retention has deleted that reading since.
   */
  public long nextSeq() {
    return database.read("read the outbox sequence", OutboxSequence::peekNext);
  }

  /** The readings that match, by receive time then sequence number. */
  public List<StoredReading> find(ReadingFilter filter) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT r.*, d.manufacturer, d.meter_id, d.version, d.device_type"
                + " FROM readings r JOIN devices d ON d.id = r.device_id");
    List<Object> parameters = new ArrayList<>();
    if (filter.dwelling() != null) {
      sql.append(" JOIN dwellings w ON w.id = d.dwelling_id AND w.site_code = ? AND w.label = ?");
      parameters.add(filter.dwelling().site().value());
      parameters.add(filter.dwelling().label());
    }
    sql.append(" WHERE 1 = 1");
    if (filter.device() != null) {
      DeviceIdentity device = filter.device();
      sql.append(
          " AND d.manufacturer = ? AND d.meter_id = ? AND d.version = ? AND d.device_type = ?");
      parameters.addAll(
          List.of(device.manufacturer(), device.id(), device.version(), device.type()));
    }
    if (filter.from() != null) {
      sql.append(" AND r.received_at >= ?");
      parameters.add(filter.from().toEpochMilli());
    }
    if (filter.to() != null) {
      sql.append(" AND r.received_at < ?");
      parameters.add(filter.to().toEpochMilli());
    }
    sql.append(" ORDER BY r.received_at, r.outbox_seq LIMIT ?");
    parameters.add(filter.limit());
    return database.read(
        "find readings",
        c -> {
          try (PreparedStatement query = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
              query.setObject(i + 1, parameters.get(i));
            }
            List<StoredReading> found = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
              while (row.next()) {
                found.add(new StoredReading(row.getLong("outbox_seq"), reading(row)));
              }
            }
            return found;
          }
        });
  }

  private Map<FrameKey, Long> insertFrames(
      Connection c, List<RawFrame> frames, Map<DeviceIdentity, Long> devices) throws SQLException {
    Map<FrameKey, Long> ids = new HashMap<>();
    if (frames.isEmpty()) {
      return ids;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO raw_frames (device_id, received_at, source, bytes) VALUES (?, ?, ?, ?)"
                + " RETURNING id")) {
      for (RawFrame frame : frames) {
        if (frame.device() == null) {
          insert.setNull(1, Types.INTEGER);
        } else {
          insert.setLong(1, deviceId(c, frame.device(), devices));
        }
        insert.setLong(2, frame.receivedAt().toEpochMilli());
        insert.setString(3, frame.source());
        insert.setBytes(4, frame.bytes());
        try (ResultSet row = insert.executeQuery()) {
          row.next();
          ids.putIfAbsent(
              new FrameKey(frame.device(), frame.receivedAt().toEpochMilli(), frame.source()),
              row.getLong(1));
        }
      }
    }
    return ids;
  }

  private long deviceId(Connection c, DeviceIdentity identity, Map<DeviceIdentity, Long> cache)
      throws SQLException {
    Long cached = cache.get(identity);
    if (cached != null) {
      return cached;
    }
    long id = Devices.idOf(c, identity, database.clock().millis());
    cache.put(identity, id);
    return id;
  }

  /**
   * When a reading is stored as taken, by the daemon's time base (DESIGN §3.5): an anchored stamp
   * keeps its boot and monotonic time, and is re-timed at once when the base is already
   * synchronised (a batch stamped just before the switch and stored just after it).
   */
  record Timing(long receivedAtMillis, ClockState state, String bootId, Long monoNanos) {

    static Timing of(Reading reading, TimeBase base) {
      long stamp = reading.receivedAt().toEpochMilli();
      boolean anchored =
          base != null
              && (reading.clockState() == ClockState.UNSYNCHRONISED
                  || (reading.clockState() == ClockState.SYNCHRONISED
                      && base.stampedBeforeSync(stamp)));
      if (!anchored) {
        return new Timing(stamp, reading.clockState(), null, null);
      }
      long mono = base.monoOf(stamp);
      if (base.synchronised()) {
        return new Timing(base.retimedMillis(mono), ClockState.RETIMED, base.bootId(), mono);
      }
      return new Timing(stamp, ClockState.UNSYNCHRONISED, base.bootId(), mono);
    }

    /** The reading as stored: the same one, unless its stamp was re-timed. */
    Reading applied(Reading reading) {
      if (receivedAtMillis == reading.receivedAt().toEpochMilli()
          && state == reading.clockState()) {
        return reading;
      }
      return reading.withReceivedAt(Instant.ofEpochMilli(receivedAtMillis), state);
    }
  }

  private static void bind(
      PreparedStatement insert,
      long seq,
      long deviceId,
      Reading reading,
      Long frameId,
      Timing timing)
      throws SQLException {
    insert.setLong(1, seq);
    insert.setLong(2, deviceId);
    insert.setString(3, reading.medium().label());
    insert.setString(4, reading.quantity().label());
    if (reading.value() instanceof Value.Number number) {
      insert.setString(5, VALUE_NUMBER);
      insert.setString(6, number.amount().toPlainString());
      insert.setDouble(7, number.amount().doubleValue());
    } else {
      insert.setString(5, VALUE_TEXT);
      insert.setString(6, reading.value().text());
      insert.setNull(7, Types.REAL);
    }
    insert.setString(8, reading.unit().name());
    insert.setInt(9, reading.storage());
    insert.setInt(10, reading.tariff());
    insert.setInt(11, reading.subunit());
    insert.setString(12, reading.function().label());
    setMillis(insert, 13, reading.meterTime());
    insert.setLong(14, timing.receivedAtMillis());
    insert.setString(15, timing.state().name());
    insert.setString(16, reading.source());
    if (reading.rssiDbm() == null) {
      insert.setNull(17, Types.INTEGER);
    } else {
      insert.setInt(17, reading.rssiDbm());
    }
    insert.setInt(18, reading.status());
    if (frameId == null) {
      insert.setNull(19, Types.INTEGER);
    } else {
      insert.setLong(19, frameId);
    }
    insert.setString(20, timing.bootId());
    if (timing.monoNanos() == null) {
      insert.setNull(21, Types.INTEGER);
    } else {
      insert.setLong(21, timing.monoNanos());
    }
  }

  private static void setMillis(PreparedStatement statement, int index, Instant time)
      throws SQLException {
    if (time == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, time.toEpochMilli());
    }
  }

  private static Reading reading(ResultSet row) throws SQLException {
    String text = row.getString("value_text");
    Value value =
        VALUE_NUMBER.equals(row.getString("value_kind"))
            ? Value.of(new BigDecimal(text))
            : Value.of(text);
    long meterTime = row.getLong("meter_time");
    Instant meterInstant = row.wasNull() ? null : Instant.ofEpochMilli(meterTime);
    int rssi = row.getInt("rssi");
    Integer rssiDbm = row.wasNull() ? null : rssi;
    return new Reading(
        Inventory.identity(row),
        Medium.fromLabel(row.getString("medium")),
        Quantity.fromLabel(row.getString("quantity")),
        value,
        Unit.valueOf(row.getString("unit")),
        row.getInt("storage"),
        row.getInt("tariff"),
        row.getInt("subunit"),
        RecordFunction.fromLabel(row.getString("function")),
        meterInstant,
        Instant.ofEpochMilli(row.getLong("received_at")),
        ClockState.valueOf(row.getString("clock_state")),
        row.getString("source"),
        rssiDbm,
        row.getInt("status"));
  }
}
