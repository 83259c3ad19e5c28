-- The recruitment forecast (issue 6): saved scenarios, and SSB's own population
-- projection imported per municipality and alternative. Timestamps are ISO UTC text.

-- A named set of levers for one municipality or one region (exactly one of the
-- two). `levers` is the JSON object of docs/forecast.md ("Levers"), normalised by
-- the caller; the store keeps it byte for byte. Names are unique per scope:
-- UNIQUE (municipality, region, name) would let two rows with a NULL in them
-- share a name (NULLs never compare equal), so the scope is also written as one
-- NOT NULL key, 'm:1841' or 'r:salten', and the uniqueness is on that.
CREATE TABLE forecast_scenarios (
  id           INTEGER PRIMARY KEY,
  municipality TEXT,
  region       TEXT,
  scope_key    TEXT NOT NULL,
  name         TEXT NOT NULL CHECK (name <> ''),
  levers       TEXT NOT NULL CHECK (json_valid(levers) AND json_type(levers) = 'object'),
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK ((municipality IS NULL) <> (region IS NULL)),
  CHECK (scope_key = CASE WHEN municipality IS NOT NULL THEN 'm:' || municipality
                          ELSE 'r:' || region END),
  UNIQUE (scope_key, name)
);

-- One imported SSB table (14288/14746) for one municipality and alternative:
-- where it came from, and the years it covers. Importing again replaces it.
-- table_id is '' when the file did not say which table it is.
CREATE TABLE population_imports (
  municipality         TEXT NOT NULL,
  alternative          TEXT NOT NULL CHECK (alternative IN ('main', 'low', 'high')),
  source               TEXT NOT NULL,
  table_id             TEXT NOT NULL,
  first_year           INTEGER NOT NULL,
  last_registered_year INTEGER NOT NULL,
  last_year            INTEGER NOT NULL CHECK (last_year >= first_year),
  imported_at          TEXT NOT NULL,
  PRIMARY KEY (municipality, alternative)
) WITHOUT ROWID;

-- Its persons by year and single-year age (105 = 105 or older), every year from
-- first_year to last_year and every age: a municipality has 106 rows a year.
CREATE TABLE population_projections (
  municipality TEXT NOT NULL,
  alternative  TEXT NOT NULL,
  year         INTEGER NOT NULL,
  age          INTEGER NOT NULL CHECK (age BETWEEN 0 AND 105),
  persons      INTEGER NOT NULL CHECK (persons >= 0),
  PRIMARY KEY (municipality, alternative, year, age),
  FOREIGN KEY (municipality, alternative)
    REFERENCES population_imports (municipality, alternative) ON DELETE CASCADE
) WITHOUT ROWID;
