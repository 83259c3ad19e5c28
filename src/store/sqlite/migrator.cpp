#include "store/sqlite/migrator.h"

#include <charconv>
#include <map>
#include <string>

#include "store/sqlite/connection.h"

namespace kompetent::store::sqlite {
namespace {

// The NNN of "NNN_name.sql", or nullopt.
std::optional<std::int64_t> version_of(std::string_view name) {
  const auto underscore = name.find('_');
  if (underscore == 0 || underscore == std::string_view::npos) return std::nullopt;
  std::int64_t version = 0;
  const auto [end, error] = std::from_chars(name.data(), name.data() + underscore, version);
  if (error != std::errc{} || end != name.data() + underscore || version <= 0) return std::nullopt;
  return version;
}

// Version → name of every migration recorded in `db`.
Result<std::map<std::int64_t, std::string>> applied_migrations(sqlite3* db) {
  auto select = Statement::prepare(db, "SELECT version, name FROM schema_migrations");
  if (!select.ok()) return select.error();
  std::map<std::int64_t, std::string> applied;
  while (true) {
    auto row = select.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    applied.emplace(select.value().integer(0), std::string{select.value().text(1)});
  }
  return applied;
}

Status apply_one(sqlite3* db, std::int64_t version, const Migration& migration,
                 const Clock& clock) {
  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();
  // Another process may have applied it between our check and our lock.
  auto applied = applied_migrations(db);
  if (!applied.ok()) return applied.error();
  if (applied.value().contains(version)) return ok_status();

  if (auto ran = execute(db, migration.sql); !ran.ok()) {
    Error error = ran.error();
    error.args.insert(error.args.begin(), migration.name);
    return error;
  }
  auto record = Statement::prepare(
      db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  if (!record.ok()) return record.error();
  const std::string now = to_iso_utc(clock.now_utc());
  record.value().bind(1, version);
  record.value().bind(2, std::string_view{migration.name});
  record.value().bind(3, std::string_view{now});
  if (auto recorded = record.value().run(); !recorded.ok()) return recorded;
  return transaction.value().commit();
}

}  // namespace

Status apply_migrations(sqlite3* db, std::span<const Migration> migrations, const Clock& clock) {
  auto created = execute(db,
                         "CREATE TABLE IF NOT EXISTS schema_migrations ("
                         " version INTEGER PRIMARY KEY,"
                         " name TEXT NOT NULL,"
                         " applied_at TEXT NOT NULL)");
  if (!created.ok()) return created;

  std::map<std::int64_t, const Migration*> known;
  for (const Migration& migration : migrations) {
    const auto version = version_of(migration.name);
    if (!version) return Error::invalid("invalid_migration_name", {migration.name});
    known.emplace(*version, &migration);
  }
  const std::int64_t program_version = known.empty() ? 0 : known.rbegin()->first;

  auto applied = applied_migrations(db);
  if (!applied.ok()) return applied.error();
  for (const auto& [version, name] : applied.value()) {
    const auto found = known.find(version);
    if (found == known.end()) {
      // Refuse rather than guess: an older program could write rows the newer schema forbids.
      return Error::io("database_too_new",
                       {std::to_string(applied.value().rbegin()->first),
                        std::to_string(program_version)});
    }
    if (found->second->name != name) {
      return Error::io("migration_mismatch",
                       {std::to_string(version), name, found->second->name});
    }
  }

  for (const auto& [version, migration] : known) {
    if (applied.value().contains(version)) continue;
    if (auto done = apply_one(db, version, *migration, clock); !done.ok()) return done;
  }
  return ok_status();
}

}  // namespace kompetent::store::sqlite
