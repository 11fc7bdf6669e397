-- Relevé cloud bridge schema, version 2, PostgreSQL: the registry orders inventory changes per
-- gateway.
-- epochs.id orders the epochs of one gateway only, so (epoch, seq) of two gateways never compare.
-- Statements end with a semicolon at the end of a line; Migrations splits on that.

-- Per gateway and device, the last inventory change applied from that gateway: change_epoch
-- (epochs.id of that gateway) and change_seq. A change from the gateway applies only when it comes
-- from a later epoch of the gateway, or from the same one with a higher seq. An installation that
-- is newer moves the device to its gateway whoever held it; a removal that is newer is recorded
-- here but changes the device only when its gateway holds it (devices.gateway). devices.change_epoch
-- and devices.change_seq still name the change that last set the device.
CREATE TABLE device_changes (
  gateway      TEXT NOT NULL REFERENCES gateways (id),
  device       TEXT NOT NULL,
  change_epoch BIGINT NOT NULL REFERENCES epochs (id),
  change_seq   BIGINT NOT NULL,
  PRIMARY KEY (gateway, device)
);

-- Until now each device's row named the last change applied to it, from its gateway.
INSERT INTO device_changes (gateway, device, change_epoch, change_seq)
  SELECT gateway, device, change_epoch, change_seq FROM devices;
