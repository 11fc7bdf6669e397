-- Relevé gateway schema, version 4: inventory changes in the outbox (DESIGN §3.4, §4). The cloud
-- learns which device is in which dwelling from these rows, numbered with the readings and events
-- in the transaction that changes the inventory (MQTT 5 does not deliver retained messages to a
-- new shared subscription, so the inventory cannot be a retained message).
CREATE TABLE inventory_changes (
  outbox_seq     INTEGER PRIMARY KEY,
  at             INTEGER NOT NULL,
  action         TEXT    NOT NULL CHECK (action IN ('installed', 'removed')),
  device_id      INTEGER NOT NULL REFERENCES devices (id),
  medium         TEXT    NOT NULL,
  site_code      TEXT    NOT NULL,
  dwelling       TEXT    NOT NULL,
  lot            TEXT,
  printed_serial TEXT,
  room           TEXT
);
CREATE INDEX inventory_changes_device ON inventory_changes (device_id);

-- The devices installed before this version are announced once, numbered after every row stored
-- so far.
INSERT INTO inventory_changes
  (outbox_seq, at, action, device_id, medium, site_code, dwelling, lot, printed_serial, room)
  SELECT (SELECT next_seq FROM outbox_sequence) + ROW_NUMBER() OVER (ORDER BY d.id) - 1,
         d.added_at, 'installed', d.id, d.medium, w.site_code, w.label, w.lot, d.printed_serial,
         d.room
    FROM devices d JOIN dwellings w ON w.id = d.dwelling_id;
UPDATE outbox_sequence
  SET next_seq = next_seq + (SELECT count(*) FROM devices WHERE dwelling_id IS NOT NULL)
  WHERE id = 1;
