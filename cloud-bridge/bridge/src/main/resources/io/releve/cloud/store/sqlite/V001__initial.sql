-- Relevé cloud bridge schema, version 1 (DESIGN §4, §5).
-- Times are INTEGER milliseconds since 1970-01-01T00:00:00Z, as on the gateway: they sort and
-- compare as numbers, and the contract writes times to the millisecond. Exact decimals (values,
-- losses, flows) are TEXT as received, never REAL. Keys of gateway rows are (gateway, epoch, seq):
-- the gateway id, its database's epoch UUID as text, and the outbox sequence number.
-- Statements end with a semicolon at the end of a line; Migrations splits on that.

-- Every gateway heard of, by its status or by its batches.
CREATE TABLE gateways (
  id         TEXT PRIMARY KEY,
  -- the last retained status: 'online' (birth) or 'offline' (will); null before the first one
  state      TEXT CHECK (state IN ('online', 'offline')),
  -- Status.at of that status: when the gateway wrote it (for a will, when its session began)
  status_at  INTEGER,
  software   TEXT,
  -- the epoch that status named
  epoch      TEXT,
  -- the bridge's clock when anything last came from this gateway
  last_seen  INTEGER NOT NULL
) WITHOUT ROWID;

-- The epochs of each gateway. A re-imaged card starts a new epoch whose seqs start again at 1.
-- id orders the epochs as first seen: the registry lets a later epoch's change win.
CREATE TABLE epochs (
  id             INTEGER PRIMARY KEY,
  gateway        TEXT NOT NULL REFERENCES gateways (id),
  epoch          TEXT NOT NULL,
  -- the highest seq up to which every row of the epoch is held (or was skipped by pending_from):
  -- what the last ack said; 0 while seq 1 is missing
  contiguous_seq INTEGER NOT NULL DEFAULT 0 CHECK (contiguous_seq >= 0),
  first_seen     INTEGER NOT NULL,
  UNIQUE (gateway, epoch)
);

-- Readings, every field of ReadingEntry; stored once whatever the number of deliveries.
CREATE TABLE readings (
  gateway     TEXT NOT NULL,
  epoch       TEXT NOT NULL,
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  device      TEXT NOT NULL,
  medium      TEXT NOT NULL,
  quantity    TEXT NOT NULL,
  value       TEXT NOT NULL,
  value_kind  TEXT NOT NULL CHECK (value_kind IN ('number', 'text')),
  unit        TEXT NOT NULL,
  storage     INTEGER NOT NULL,
  tariff      INTEGER NOT NULL,
  subunit     INTEGER NOT NULL,
  function    TEXT NOT NULL,
  meter_time  INTEGER,
  received_at INTEGER NOT NULL,
  clock_state TEXT NOT NULL,
  source      TEXT NOT NULL,
  rssi        INTEGER,
  status      INTEGER NOT NULL,
  stored_at   INTEGER NOT NULL,
  PRIMARY KEY (gateway, epoch, seq)
) WITHOUT ROWID;
CREATE INDEX readings_by_device ON readings (device, received_at);

-- Events, every field of EventEntry, with the alert as it stood (alert_* null when none).
CREATE TABLE events (
  gateway                TEXT NOT NULL,
  epoch                  TEXT NOT NULL,
  seq                    INTEGER NOT NULL CHECK (seq >= 1),
  device                 TEXT,
  at                     INTEGER NOT NULL,
  type                   TEXT NOT NULL,
  detail                 TEXT NOT NULL,
  alert_id               INTEGER,
  alert_type             TEXT,
  alert_condition        TEXT,
  alert_level            INTEGER,
  alert_start            INTEGER,
  alert_detected_at      INTEGER,
  alert_end              INTEGER,
  alert_total_loss_m3    TEXT,
  alert_average_flow_lph TEXT,
  alert_source           TEXT,
  stored_at              INTEGER NOT NULL,
  PRIMARY KEY (gateway, epoch, seq)
) WITHOUT ROWID;

-- Each alert as it stands now, from the events that carry it. Alert ids are unique within an
-- epoch. event_seq is the seq of the event that set this state: an update from an event with a
-- lower seq (a redelivery, or a batch overtaken by a later one) never overrides.
CREATE TABLE alerts (
  gateway          TEXT NOT NULL,
  epoch            TEXT NOT NULL,
  alert_id         INTEGER NOT NULL,
  device           TEXT NOT NULL,
  type             TEXT NOT NULL,
  condition        TEXT NOT NULL,
  level            INTEGER,
  start            INTEGER NOT NULL,
  detected_at      INTEGER NOT NULL,
  -- null while the alert is active
  ended_at         INTEGER,
  total_loss_m3    TEXT,
  average_flow_lph TEXT,
  source           TEXT NOT NULL,
  event_seq        INTEGER NOT NULL,
  PRIMARY KEY (gateway, epoch, alert_id)
) WITHOUT ROWID;

-- Inventory changes as received, every field of InventoryChange.
CREATE TABLE inventory_changes (
  gateway        TEXT NOT NULL,
  epoch          TEXT NOT NULL,
  seq            INTEGER NOT NULL CHECK (seq >= 1),
  action         TEXT NOT NULL CHECK (action IN ('installed', 'removed')),
  device         TEXT NOT NULL,
  medium         TEXT,
  site           TEXT,
  dwelling       TEXT,
  lot            TEXT,
  printed_serial TEXT,
  room           TEXT,
  stored_at      INTEGER NOT NULL,
  PRIMARY KEY (gateway, epoch, seq)
) WITHOUT ROWID;

-- Payloads refused (bad topic, bad JSON, a payload that breaks the contract), counted by the
-- gateway named in the topic ('' when the topic names none); the payload itself is not kept.
CREATE TABLE refusals (
  gateway     TEXT PRIMARY KEY,
  count       INTEGER NOT NULL,
  last_reason TEXT NOT NULL,
  last_at     INTEGER NOT NULL
) WITHOUT ROWID;

-- The site registry, gateway half (DESIGN §5): built from the gateways' inventory changes.
-- Sites by their code, two letters and three digits.
CREATE TABLE sites (
  code       TEXT PRIMARY KEY CHECK (code GLOB '[A-Z][A-Z][0-9][0-9][0-9]'),
  first_seen INTEGER NOT NULL
) WITHOUT ROWID;

-- Dwellings by site and label; lot is the latest one an inventory change gave.
CREATE TABLE dwellings (
  id    INTEGER PRIMARY KEY,
  site  TEXT NOT NULL REFERENCES sites (code),
  label TEXT NOT NULL CHECK (length(label) > 0),
  lot   TEXT,
  UNIQUE (site, label)
);

-- Rooms of a dwelling, for heat cost allocators (the radiator's room).
CREATE TABLE rooms (
  id       INTEGER PRIMARY KEY,
  dwelling INTEGER NOT NULL REFERENCES dwellings (id),
  label    TEXT NOT NULL CHECK (length(label) > 0),
  UNIQUE (dwelling, label)
);

-- Devices by their link-layer key (MAN-IIIIIIII-VV-TT), as the last applied change left them.
-- A removed device keeps where it was. change_epoch (epochs.id) and change_seq name that change:
-- a change applies only when it comes from a later epoch, or from the same one with a higher seq,
-- so redelivered and reordered batches never undo a newer change.
CREATE TABLE devices (
  device         TEXT PRIMARY KEY,
  state          TEXT NOT NULL CHECK (state IN ('installed', 'removed')),
  medium         TEXT,
  printed_serial TEXT,
  dwelling       INTEGER REFERENCES dwellings (id),
  room           INTEGER REFERENCES rooms (id),
  gateway        TEXT NOT NULL REFERENCES gateways (id),
  change_epoch   INTEGER NOT NULL REFERENCES epochs (id),
  change_seq     INTEGER NOT NULL,
  changed_at     INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX devices_by_dwelling ON devices (dwelling);
