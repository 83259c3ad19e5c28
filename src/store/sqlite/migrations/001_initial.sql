-- The first schema. Dates are ISO text ("2025-12-31"), timestamps ISO UTC text
-- ("2025-12-31T08:00:00Z"), enumerations their stable keys from core/.

-- Organisation of each municipality. `ordinal` keeps the order a tree was saved in.
CREATE TABLE sectors (
  municipality TEXT NOT NULL,
  code         TEXT NOT NULL,
  name         TEXT NOT NULL,
  ordinal      INTEGER NOT NULL,
  PRIMARY KEY (municipality, code)
) WITHOUT ROWID;

CREATE TABLE units (
  municipality TEXT NOT NULL,
  code         TEXT NOT NULL,
  name         TEXT NOT NULL,
  sector_code  TEXT NOT NULL,
  ordinal      INTEGER NOT NULL,
  PRIMARY KEY (municipality, code),
  FOREIGN KEY (municipality, sector_code) REFERENCES sectors (municipality, code)
) WITHOUT ROWID;
CREATE INDEX units_by_sector ON units (municipality, sector_code);

CREATE TABLE position_categories (
  key                TEXT PRIMARY KEY NOT NULL,
  name_nb            TEXT NOT NULL,
  name_en            TEXT NOT NULL,
  expected_education TEXT NOT NULL,
  retirement_age     INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE position_codes (
  code     TEXT PRIMARY KEY NOT NULL,
  category TEXT NOT NULL REFERENCES position_categories (key),
  title    TEXT NOT NULL,
  source   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX position_codes_by_category ON position_codes (category);

CREATE TABLE import_profiles (
  name TEXT PRIMARY KEY NOT NULL,
  json TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE snapshots (
  id             INTEGER PRIMARY KEY,
  municipality   TEXT NOT NULL,
  date           TEXT NOT NULL,
  source         TEXT NOT NULL,
  imported_at    TEXT NOT NULL,
  position_count INTEGER NOT NULL DEFAULT 0,
  UNIQUE (municipality, date)
);

-- One row per PositionRecord, clustered by (snapshot_id, seq) so a snapshot is
-- one contiguous range: appended on import, read and deleted as a range.
-- No foreign key to units or categories: a snapshot is history and must keep
-- the codes it was imported with even after the reference tables change.
CREATE TABLE positions (
  snapshot_id               INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
  seq                       INTEGER NOT NULL,
  employee_id               TEXT NOT NULL,
  position_number           TEXT NOT NULL,
  unit_code                 TEXT NOT NULL,
  position_code             TEXT NOT NULL,
  position_title            TEXT NOT NULL,
  category                  TEXT NOT NULL,
  percent_hundredths        INTEGER NOT NULL,
  birth_year                INTEGER NOT NULL,
  gender                    TEXT NOT NULL,
  start_date                TEXT,
  employment                TEXT NOT NULL,
  education                 TEXT NOT NULL,
  relevant_education        INTEGER NOT NULL,
  further_education_credits INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, seq)
) WITHOUT ROWID;

-- Certifications of a position, in their order on the record. References the
-- snapshot (not the position) so deleting a snapshot removes them as a range.
CREATE TABLE position_certifications (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  ordinal     INTEGER NOT NULL,
  name        TEXT NOT NULL,
  expires     TEXT,
  PRIMARY KEY (snapshot_id, seq, ordinal)
) WITHOUT ROWID;
