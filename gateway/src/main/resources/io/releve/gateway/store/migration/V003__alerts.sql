-- Relevé gateway schema, version 3: leak detection and meter health (DESIGN §3.3).

-- One row per alert. An alert is active while ended_at is NULL; a meter has at most one active
-- alert of each type (and, for meter alarms, of each condition). Leak figures are exact decimal
-- text, as the residents' table shows them: total_loss_m3 to the litre, average_flow_lph to two
-- decimals; both are updated as readings arrive while the alert is active.
CREATE TABLE alerts (
  id               INTEGER PRIMARY KEY,
  device_id        INTEGER NOT NULL REFERENCES devices (id),
  type             TEXT    NOT NULL CHECK (type IN ('leak', 'meter_alarm', 'not_heard')),
  condition        TEXT    NOT NULL DEFAULT '',
  level            INTEGER CHECK (level BETWEEN 1 AND 3),
  started_at       INTEGER NOT NULL,
  detected_at      INTEGER NOT NULL,
  ended_at         INTEGER,
  total_loss_m3    TEXT,
  average_flow_lph TEXT,
  source           TEXT    NOT NULL,
  updated_at       INTEGER NOT NULL,
  CHECK (type = 'leak' OR (level IS NULL AND total_loss_m3 IS NULL)),
  CHECK (type != 'leak' OR (level IS NOT NULL AND total_loss_m3 IS NOT NULL
                            AND average_flow_lph IS NOT NULL)),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX alerts_one_active ON alerts (device_id, type, condition)
  WHERE ended_at IS NULL;
CREATE INDEX alerts_time ON alerts (started_at);

-- What happened to a meter: alerts opened and closed, and what the leak detector's guards noticed
-- (rollover, replacement, backward flow...). Numbered in the outbox with the readings, in the
-- transaction that stores the readings that caused them.
CREATE TABLE meter_events (
  outbox_seq INTEGER PRIMARY KEY,
  device_id  INTEGER NOT NULL REFERENCES devices (id),
  at         INTEGER NOT NULL,
  type       TEXT    NOT NULL,
  detail     TEXT    NOT NULL,
  alert_id   INTEGER REFERENCES alerts (id)
);
CREATE INDEX meter_events_device ON meter_events (device_id, at);

-- The leak detector's state of each meter (JSON), saved when an hour is decided. Readings received
-- after last_reading_at are replayed from the readings table when the state is loaded again.
CREATE TABLE leak_trackers (
  device_id       INTEGER PRIMARY KEY REFERENCES devices (id),
  state           TEXT    NOT NULL,
  last_reading_at INTEGER NOT NULL
);

-- Each meter's learnt weekly transmit pattern (JSON), saved when it changes.
CREATE TABLE transmit_patterns (
  device_id INTEGER PRIMARY KEY REFERENCES devices (id),
  state     TEXT    NOT NULL
);
