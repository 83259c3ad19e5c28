-- Access data: accounts, login sessions, first-administrator setup tokens and
-- the audit trail. Timestamps are ISO UTC text ("2025-12-31T08:00:00Z"), which
-- sorts and compares in time order.

-- role is core's key (role_name): administrator, coordinator, hr, unit_leader,
-- employee. Scope columns a role does not use are '' (validate_account()).
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL
                CHECK (role IN ('administrator', 'coordinator', 'hr', 'unit_leader', 'employee')),
  municipality  TEXT NOT NULL,
  region        TEXT NOT NULL,
  employee_id   TEXT NOT NULL,
  password_hash TEXT NOT NULL,  -- Argon2id, "$argon2id$v=19$..."
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at    TEXT NOT NULL
);

-- The units a unit leader leads, as node paths ("1841/HO/FSH"), in the order given.
CREATE TABLE user_units (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  path    TEXT NOT NULL,
  PRIMARY KEY (user_id, ordinal),
  UNIQUE (user_id, path)
) WITHOUT ROWID;

-- A session is found by the SHA-256 of its cookie token; the token itself is
-- never stored, so a copy of this file logs no one in.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen  TEXT NOT NULL,
  address    TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Single-use links to create the first administrator (hashed like sessions).
CREATE TABLE setup_tokens (
  token_hash TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT
) WITHOUT ROWID;

-- Who imported, exported or viewed whose data, when and from where. Append
-- only: the triggers below make UPDATE and DELETE fail, so the trail cannot be
-- edited through the program or a casual sqlite3 session. It holds no
-- passwords, tokens, employee ids or other personal data (core/access/audit_entry.h).
-- role is '' when the actor had none (the command line, an unknown login name).
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  username     TEXT NOT NULL,
  role         TEXT NOT NULL,
  address      TEXT NOT NULL,
  action       TEXT NOT NULL,
  municipality TEXT NOT NULL,
  subject      TEXT NOT NULL,
  detail       TEXT NOT NULL CHECK (json_valid(detail) AND json_type(detail) = 'object'),
  outcome      TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied'))
);
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_by_user ON audit_log (username, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
