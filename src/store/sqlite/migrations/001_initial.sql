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

-- A snapshot's positions are in the position_blocks rows with ids
-- first_block_id .. first_block_id + block_count - 1, in the order imported.
CREATE TABLE snapshots (
  id             INTEGER PRIMARY KEY,
  municipality   TEXT NOT NULL,
  date           TEXT NOT NULL,
  source         TEXT NOT NULL,
  imported_at    TEXT NOT NULL,
  first_block_id INTEGER NOT NULL,
  block_count    INTEGER NOT NULL DEFAULT 0,
  position_count INTEGER NOT NULL DEFAULT 0,
  UNIQUE (municipality, date)
);

-- Consecutive PositionRecords of one snapshot, as the JSON described in
-- sqlite/position_block.h: a few hundred per row, because SQLite's cost per
-- inserted row, not per byte, dominated an import of one row per position.
-- Ids continue from the largest, so an import appends to the end of one B-tree
-- with no secondary index to maintain, and a snapshot is one contiguous id
-- range that is read and deleted as a range.
-- snapshot_id has no foreign key, which would cost a lookup per block for
-- nothing the range does not already say; integrity_check() verifies it.
-- No foreign key to units or categories either: a snapshot is history and must
-- keep the codes it was imported with even after the reference tables change.
CREATE TABLE position_blocks (
  id             INTEGER PRIMARY KEY,
  snapshot_id    INTEGER NOT NULL,
  position_count INTEGER NOT NULL,
  positions      TEXT NOT NULL
);
