// Brings a database's schema up to date: applies each migration not yet recorded
// in schema_migrations, in order, each in its own write transaction.
// Internal to store/sqlite.
#pragma once

#include <sqlite3.h>

#include <span>

#include "core/clock.h"
#include "core/result.h"
#include "store/sqlite/migrations.h"

namespace kompetent::store::sqlite {

// Applies the missing ones of `migrations` (named "NNN_name.sql", sorted by NNN)
// and records each with its version, name and the clock's UTC time. Safe to call
// on every open and from several processes at once: each migration is re-checked
// inside its transaction. A migration that fails rolls back alone; those before
// it stay applied.
// Errors: io "database_too_new" {database version, program version} if the
// database has a migration this program does not know; io "migration_mismatch"
// {version, recorded name, embedded name} if a recorded name differs; invalid
// "invalid_migration_name" {name} for a name without its number; and
// database_error (with the migration named first in args) if its SQL fails.
[[nodiscard]] Status apply_migrations(sqlite3* db, std::span<const Migration> migrations,
                                      const Clock& clock);

}  // namespace kompetent::store::sqlite
