-- Relevé gateway schema, version 2: how each wired meter is reached on its bus (DESIGN §3.1).
-- A row is written by a scan (or by the installer) and read by the daemon at each poll cycle.
-- The secondary address is the device's identity (devices row); the primary address is the
-- one the meter answered with, 0 (the factory default) included, since several meters often
-- share it: such meters are polled by secondary address.
CREATE TABLE bus_meters (
  bus             TEXT    NOT NULL CHECK (length(bus) > 0),
  device_id       INTEGER NOT NULL REFERENCES devices (id),
  addressing      TEXT    NOT NULL CHECK (addressing IN ('primary', 'secondary')),
  primary_address INTEGER NOT NULL CHECK (primary_address BETWEEN 0 AND 250),
  found_at        INTEGER NOT NULL,
  PRIMARY KEY (bus, device_id)
);
CREATE INDEX bus_meters_device ON bus_meters (device_id);
