-- Relevé cloud schema, version 5: the readings in the order they were stored.

-- The portal's rollups run every minute on the readings stored since their mark
-- (WHERE stored_at > ?); without this index each run read the whole table (about 0.5 s on SQLite
-- for 3.65 million readings, growing with the fleet). stored_at only grows, so new entries land at
-- the index's right edge.
CREATE INDEX readings_by_stored_at ON readings (stored_at);
