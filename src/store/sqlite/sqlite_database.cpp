#include "store/sqlite/sqlite_database.h"

#include <string>

#include "store/sqlite/migrations.h"
#include "store/sqlite/migrator.h"

namespace kompetent::store::sqlite {

SqliteDatabase::SqliteDatabase(ConnectionHandle handle, const Clock& clock)
    : handle_(std::move(handle)),
      connection_{handle_.get(), &clock},
      snapshots_(connection_),
      org_(connection_),
      reference_(connection_) {}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::filesystem::path& file,
                                                             const Clock& clock,
                                                             SqliteOptions options) {
  sqlite3* raw = nullptr;
  const int code =
      sqlite3_open_v2(file.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                          SQLITE_OPEN_EXRESCODE,
                      nullptr);
  ConnectionHandle handle{raw};  // closes even a half-opened connection
  if (code != SQLITE_OK) return database_error(raw, code);
  sqlite3* db = handle.get();

  sqlite3_busy_timeout(db, static_cast<int>(options.busy_timeout.count()));
  // journal_mode is stored in the file; the others hold per connection, so
  // they are set on every open. foreign_keys cannot change inside a transaction.
  const std::string pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                              " PRAGMA foreign_keys=ON; PRAGMA cache_size=-" +
                              std::to_string(options.cache_kib) + ";";
  if (auto set = execute(db, pragmas); !set.ok()) return set.error();

  if (auto migrated = apply_migrations(db, embedded_migrations(), clock); !migrated.ok()) {
    return migrated.error();
  }
  return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(std::move(handle), clock));
}

Status SqliteDatabase::integrity_check() {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  sqlite3* db = connection_.db;
  auto transaction = Transaction::begin(db, Transaction::Mode::read);
  if (!transaction.ok()) return transaction.error();

  // Each query returns rows only when something is wrong (integrity_check: "ok").
  struct Check {
    const char* sql;
    const char* what;
  };
  static constexpr Check kChecks[] = {
      {"SELECT integrity_check FROM pragma_integrity_check WHERE integrity_check <> 'ok'",
       "integrity_check"},
      {"SELECT \"table\" || ' -> ' || parent FROM pragma_foreign_key_check", "foreign_key"},
      // Certifications reference the snapshot, not the position (so a snapshot
      // deletes as a range); this is the check the foreign key does not make.
      {"SELECT c.snapshot_id || '/' || c.seq FROM position_certifications c"
       " LEFT JOIN positions p ON p.snapshot_id = c.snapshot_id AND p.seq = c.seq"
       " WHERE p.seq IS NULL",
       "certification_without_position"},
      {"SELECT s.id FROM snapshots s WHERE s.position_count <>"
       " (SELECT count(*) FROM positions p WHERE p.snapshot_id = s.id)",
       "position_count"},
  };
  for (const Check& check : kChecks) {
    auto statement = Statement::prepare(db, check.sql);
    if (!statement.ok()) return statement.error();
    auto row = statement.value().step();
    if (!row.ok()) return row.error();
    if (row.value()) {
      return Error::io("database_corrupt",
                       {check.what, std::string{statement.value().text(0)}});
    }
  }
  return ok_status();
}

}  // namespace kompetent::store::sqlite
