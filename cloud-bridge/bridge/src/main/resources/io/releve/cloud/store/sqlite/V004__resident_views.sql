-- Relevé cloud schema, version 4: what residents see every day (DESIGN §6) — consumption rollups
-- for the dashboard, notification settings and the notices sent, and the documents kept for
-- residents (monthly statements).
-- Times are INTEGER milliseconds since 1970-01-01T00:00:00Z; days are TEXT YYYY-MM-DD and months
-- TEXT YYYY-MM in the portal's site zone; exact decimals are TEXT, never REAL.
-- Statements end with a semicolon at the end of a line; Migrations splits on that.

-- Per device and day: the day's last index and what was used since the previous known index. The
-- portal keeps these from the readings (the raw rows stay the truth; these can be rebuilt).
-- used is null on a device's first known day. span_days is the number of days that use covers: 1
-- when the previous day is known, more after a gap. jump names why the index went down: an
-- allocator's set-day 'reset' (use counted from zero) or 'backwards' on a meter (a replacement or
-- rollover: nothing counted, never a negative use).
CREATE TABLE device_days (
  device     TEXT NOT NULL,
  day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  unit       TEXT NOT NULL,
  last_value TEXT NOT NULL,
  last_at    INTEGER NOT NULL,
  used       TEXT,
  span_days  INTEGER CHECK (span_days >= 1),
  jump       TEXT CHECK (jump IN ('reset', 'backwards')),
  PRIMARY KEY (device, day)
) WITHOUT ROWID;

-- Per device and month: the sum of device_days.used of the month's days, and how many days had a
-- known use. For building medians and fleet-wide figures without reading every day.
CREATE TABLE device_months (
  device TEXT NOT NULL,
  month  TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  unit   TEXT NOT NULL,
  used   TEXT NOT NULL,
  days   INTEGER NOT NULL CHECK (days >= 0),
  PRIMARY KEY (device, month)
) WITHOUT ROWID;

-- How far each background job of the portal has gone, by name (such as the readings' stored_at
-- up to which the rollups are done, or the last alert state notified).
CREATE TABLE portal_marks (
  name TEXT PRIMARY KEY,
  mark INTEGER NOT NULL
) WITHOUT ROWID;

-- What each resident wants to be told, and how. A resident without a row has the defaults:
-- e-mail for leak alerts and new documents, no SMS. SMS needs a phone on the account.
CREATE TABLE notification_settings (
  account         INTEGER PRIMARY KEY REFERENCES accounts (id),
  alerts_email    INTEGER NOT NULL CHECK (alerts_email IN (0, 1)),
  alerts_sms      INTEGER NOT NULL CHECK (alerts_sms IN (0, 1)),
  documents_email INTEGER NOT NULL CHECK (documents_email IN (0, 1)),
  documents_sms   INTEGER NOT NULL CHECK (documents_sms IN (0, 1)),
  updated_at      INTEGER NOT NULL
);

-- Every notice queued, once per account, subject and channel: a restart or a second portal never
-- sends it twice. subject names what it is about, such as an alert and its level, or a document.
CREATE TABLE notifications (
  id        INTEGER PRIMARY KEY,
  account   INTEGER NOT NULL REFERENCES accounts (id),
  subject   TEXT NOT NULL,
  channel   TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  queued_at INTEGER NOT NULL,
  UNIQUE (account, subject, channel)
);

-- Documents kept for a resident: a residency's monthly statement (DESIGN §6), generated once and
-- downloaded as stored. A statement belongs to one residency, so it covers only that stay's days.
CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  residency    INTEGER NOT NULL REFERENCES residencies (id),
  kind         TEXT NOT NULL CHECK (kind IN ('monthly_statement')),
  period       TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  lang         TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
  title        TEXT NOT NULL,
  content_type TEXT NOT NULL,
  body         BLOB NOT NULL,
  created_at   INTEGER NOT NULL,
  UNIQUE (residency, kind, period)
);

-- A dwelling's alerts, read on every page a resident sees (the banner's count of active ones).
CREATE INDEX alerts_by_device ON alerts (device, ended_at);
