-- Relevé gateway schema, version 6: readings taken before the clock was synchronised (DESIGN §3.5).

-- For a reading with clock_state 'UNSYNCHRONISED': the boot it was taken in and its monotonic time
-- in that boot (ns since boot), from which its true time is worked out once the clock is
-- synchronised in the same boot. NULL for other readings, and for one that can never be re-timed
-- (taken in a boot that ended before synchronisation).
ALTER TABLE readings ADD COLUMN boot_id TEXT;
ALTER TABLE readings ADD COLUMN mono_ns INTEGER;
CREATE INDEX readings_unsynchronised ON readings (outbox_seq) WHERE clock_state = 'UNSYNCHRONISED';
