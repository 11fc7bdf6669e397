-- Relevé gateway schema, version 5: the uplink (DESIGN §3.4).

-- What happened to the gateway itself rather than to a meter: health reports (queue depth, age of
-- the oldest unsent reading, buses, receivers, disk, CPU temperature). Numbered in the outbox
-- with the readings, so they reach the bridge in order and exactly once like everything else.
CREATE TABLE gateway_events (
  outbox_seq INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  type       TEXT    NOT NULL CHECK (length(type) > 0),
  detail     TEXT    NOT NULL
);
CREATE INDEX gateway_events_time ON gateway_events (at);
