-- Relevé gateway schema, version 1 (DESIGN §3.1, §3.2).
-- Times are INTEGER milliseconds since 1970-01-01T00:00:00Z: they sort and compare as numbers,
-- which ISO text of varying precision does not.
-- Statements end with a semicolon at the end of a line; Migrations splits on that.

-- Key/value facts about this database file: 'epoch' (a UUID made once, at creation).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- The outbox sequence allocator. One row; next_seq only ever grows, in the same transaction
-- that stores the rows it numbers. Never derived from MAX(seq) of a table: retention deletes
-- rows, and a number the bridge has seen must never come back (it would be dropped there as a
-- duplicate). A transaction that rolls back takes its numbers with it, which is safe because
-- they were never committed and so never sent.
CREATE TABLE outbox_sequence (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  next_seq INTEGER NOT NULL CHECK (next_seq >= 1)
);
INSERT INTO outbox_sequence (id, next_seq) VALUES (1, 1);

CREATE TABLE dwellings (
  id        INTEGER PRIMARY KEY,
  site_code TEXT NOT NULL CHECK (site_code GLOB '[A-Z][A-Z][0-9][0-9][0-9]'),
  label     TEXT NOT NULL CHECK (length(label) > 0),
  lot       TEXT,
  UNIQUE (site_code, label)
);

-- Every device ever heard or installed. A device heard on the bus or in the air but not (yet)
-- installed has no dwelling: its readings are kept all the same.
CREATE TABLE devices (
  id             INTEGER PRIMARY KEY,
  manufacturer   TEXT    NOT NULL,
  meter_id       TEXT    NOT NULL,
  version        INTEGER NOT NULL CHECK (version BETWEEN 0 AND 255),
  device_type    INTEGER NOT NULL CHECK (device_type BETWEEN 0 AND 255),
  medium         TEXT    NOT NULL,
  printed_serial TEXT,
  dwelling_id    INTEGER REFERENCES dwellings (id),
  room           TEXT,
  added_at       INTEGER NOT NULL,
  UNIQUE (manufacturer, meter_id, version, device_type),
  CHECK (printed_serial IS NULL OR dwelling_id IS NOT NULL),
  CHECK (room IS NULL OR dwelling_id IS NOT NULL)
);
CREATE UNIQUE INDEX devices_printed_serial ON devices (printed_serial)
  WHERE printed_serial IS NOT NULL;
CREATE INDEX devices_dwelling ON devices (dwelling_id) WHERE dwelling_id IS NOT NULL;

-- Frames as received, so that they can be decoded again later. Kept for a shorter time than
-- readings; not part of the outbox.
CREATE TABLE raw_frames (
  id          INTEGER PRIMARY KEY,
  device_id   INTEGER REFERENCES devices (id),
  received_at INTEGER NOT NULL,
  source      TEXT    NOT NULL,
  bytes       BLOB    NOT NULL
);
CREATE INDEX raw_frames_time ON raw_frames (received_at);

-- One normalised value. outbox_seq is the row's key and its number in the outbox
-- (gateway, epoch, seq); it comes from outbox_sequence, never from SQLite's rowid allocation.
-- value_text is the exact value (BigDecimal plain string, or the text); value_real is a copy
-- for range queries and sums, NULL for text. medium, quantity and function hold the enums'
-- labels; unit holds the Unit enum's name, because symbols are not unique (DATE and NONE are
-- both empty).
CREATE TABLE readings (
  outbox_seq   INTEGER PRIMARY KEY,
  device_id    INTEGER NOT NULL REFERENCES devices (id),
  medium       TEXT    NOT NULL,
  quantity     TEXT    NOT NULL,
  value_kind   TEXT    NOT NULL CHECK (value_kind IN ('number', 'text')),
  value_text   TEXT    NOT NULL,
  value_real   REAL,
  unit         TEXT    NOT NULL,
  storage      INTEGER NOT NULL,
  tariff       INTEGER NOT NULL,
  subunit      INTEGER NOT NULL,
  function     TEXT    NOT NULL,
  meter_time   INTEGER,
  received_at  INTEGER NOT NULL,
  clock_state  TEXT    NOT NULL,
  source       TEXT    NOT NULL,
  rssi         INTEGER,
  status       INTEGER NOT NULL,
  raw_frame_id INTEGER REFERENCES raw_frames (id) ON DELETE SET NULL
);
CREATE INDEX readings_device_time ON readings (device_id, received_at);
CREATE INDEX readings_time ON readings (received_at);
-- Lets retention delete raw frames without scanning readings for the foreign key.
CREATE INDEX readings_raw_frame ON readings (raw_frame_id) WHERE raw_frame_id IS NOT NULL;

-- Frames that could not be decoded (bad checksum, bad length, truncated…), with the reason.
CREATE TABLE quarantine (
  id          INTEGER PRIMARY KEY,
  received_at INTEGER NOT NULL,
  source      TEXT    NOT NULL,
  reason_code TEXT    NOT NULL,
  message     TEXT    NOT NULL,
  bytes       BLOB    NOT NULL
);
CREATE INDEX quarantine_time ON quarantine (received_at);
