-- Relevé cloud schema, version 3: the portal (DESIGN §6), its landlord data, accounts,
-- residencies, one-time tokens, the consent ledger and the audit log.
-- Times are INTEGER milliseconds since 1970-01-01T00:00:00Z, as in version 1. Calendar dates
-- (move-in, move-out) are TEXT YYYY-MM-DD: they are days in the site's zone, not instants, and
-- they sort and compare as text.
-- Statements end with a semicolon at the end of a line; Migrations splits on that, so the body of
-- a trigger keeps its inner semicolons inside a line.

-- The landlord half of the site registry (DESIGN §5): a site's postal address, imported by a
-- manager, for the enrolment's search by address.
CREATE TABLE site_addresses (
  site     TEXT PRIMARY KEY REFERENCES sites (code),
  street   TEXT NOT NULL,
  postcode TEXT NOT NULL,
  city     TEXT NOT NULL
) WITHOUT ROWID;

-- The landlord's client reference of a dwelling (the rent notice's "référence client"),
-- normalized: upper case, no leading "L/", no whitespace. Unique across sites: a resident types it
-- after choosing the site, but two sites of one landlord never share one.
CREATE TABLE landlord_dwellings (
  dwelling   INTEGER PRIMARY KEY REFERENCES dwellings (id),
  client_ref TEXT NOT NULL UNIQUE CHECK (length(client_ref) > 0)
);

-- The landlord's record of who lives where, imported by a manager; move_out null while they live
-- there. The same line imported twice is the same row: (dwelling, move_in, names) is unique.
CREATE TABLE occupancies (
  id          INTEGER PRIMARY KEY,
  dwelling    INTEGER NOT NULL REFERENCES dwellings (id),
  last_name   TEXT NOT NULL,
  first_name  TEXT NOT NULL,
  email       TEXT,
  move_in     TEXT NOT NULL CHECK (move_in GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  move_out    TEXT CHECK (move_out GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                AND move_out >= move_in),
  imported_at INTEGER NOT NULL,
  UNIQUE (dwelling, move_in, last_name, first_name)
);
CREATE INDEX occupancies_current ON occupancies (dwelling, move_out);

-- Residents and managers. The e-mail is stored in lower case so that one address is one account
-- whatever its case. Closing an account erases its personal fields (e-mail, names, phone, password
-- hash) but keeps the row: consents and audit rows still name it.
CREATE TABLE accounts (
  id                INTEGER PRIMARY KEY,
  email             TEXT UNIQUE CHECK (email = lower(email)),
  kind              TEXT NOT NULL CHECK (kind IN ('resident', 'manager')),
  last_name         TEXT,
  first_name        TEXT,
  phone             TEXT,
  -- an Argon2id PHC string; null until the first login sets a password
  password_hash     TEXT,
  terms_accepted_at INTEGER,
  lang              TEXT NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en')),
  created_at        INTEGER NOT NULL,
  activated_at      INTEGER,
  closed_at         INTEGER,
  CHECK (closed_at IS NOT NULL OR (email IS NOT NULL AND last_name IS NOT NULL
    AND first_name IS NOT NULL))
);

-- The sites a manager manages: what they may import for, see and decide on.
CREATE TABLE manager_sites (
  account INTEGER NOT NULL REFERENCES accounts (id),
  site    TEXT NOT NULL REFERENCES sites (code),
  PRIMARY KEY (account, site)
) WITHOUT ROWID;
CREATE INDEX manager_sites_by_site ON manager_sites (site);

-- An enrolment and, once active, the resident's right to see the dwelling between move_in and
-- move_out (inclusive days). method is how the dwelling was identified: the takeover guard
-- depends on it. decided_by is the manager who validated or rejected; null when no one did.
CREATE TABLE residencies (
  id         INTEGER PRIMARY KEY,
  account    INTEGER NOT NULL REFERENCES accounts (id),
  dwelling   INTEGER NOT NULL REFERENCES dwellings (id),
  role       TEXT NOT NULL CHECK (role IN ('occupant', 'owner_occupant', 'owner_lessor')),
  method     TEXT NOT NULL CHECK (method IN ('client_ref', 'serial', 'lot')),
  move_in    TEXT NOT NULL CHECK (move_in GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  move_out   TEXT CHECK (move_out GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
               AND move_out >= move_in),
  state      TEXT NOT NULL CHECK (state IN ('pending', 'active', 'ended', 'rejected', 'lapsed')),
  created_at INTEGER NOT NULL,
  decided_at INTEGER,
  decided_by INTEGER REFERENCES accounts (id)
);
CREATE INDEX residencies_by_account ON residencies (account);
CREATE INDEX residencies_by_dwelling ON residencies (dwelling, state);
-- pending ones by age, for the lapse after 14 days
CREATE INDEX residencies_by_state ON residencies (state, created_at);

-- Single-use links (activation 24 h, password reset 1 h). Only the SHA-256 of the token, in hex,
-- is stored: a copy of the database opens no account.
CREATE TABLE tokens (
  hash       TEXT PRIMARY KEY CHECK (length(hash) = 64),
  account    INTEGER NOT NULL REFERENCES accounts (id),
  purpose    TEXT NOT NULL CHECK (purpose IN ('activation', 'reset')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL CHECK (expires_at > created_at),
  used_at    INTEGER
) WITHOUT ROWID;
CREATE INDEX tokens_by_account ON tokens (account);

-- The consent ledger: the current choice for (account, dwelling) is its latest row. It is the
-- evidence of who allowed what and when, so it is append-only: the triggers below refuse UPDATE
-- and DELETE. A manager records a grant only with its evidence (a signed form); a withdrawal
-- needs none.
CREATE TABLE consents (
  id          INTEGER PRIMARY KEY,
  account     INTEGER NOT NULL REFERENCES accounts (id),
  dwelling    INTEGER NOT NULL REFERENCES dwellings (id),
  choice      TEXT NOT NULL CHECK (choice IN ('granted', 'withdrawn')),
  recorded_at INTEGER NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES accounts (id),
  recorder    TEXT NOT NULL CHECK (recorder IN ('resident', 'manager')),
  evidence    TEXT,
  CHECK (recorder = 'resident' OR choice = 'withdrawn'
    OR (evidence IS NOT NULL AND length(evidence) > 0))
);
CREATE INDEX consents_by_account ON consents (account, dwelling, recorded_at);
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
  BEGIN SELECT RAISE(ABORT, 'consents are append-only: UPDATE refused'); END;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
  BEGIN SELECT RAISE(ABORT, 'consents are append-only: DELETE refused'); END;

-- What was done, by whom (null: anonymous or the CLI), from where, and how it ended: logins,
-- enrolments, consent changes, password changes, exports, closings, imports, exits. Never a
-- password, token or session id.
CREATE TABLE audit (
  id      INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  actor   INTEGER REFERENCES accounts (id),
  action  TEXT NOT NULL,
  subject TEXT,
  ip      TEXT,
  outcome TEXT NOT NULL
);
CREATE INDEX audit_by_actor ON audit (actor, at);
CREATE INDEX audit_by_time ON audit (at);
