#include "store/sqlite/sqlite_database.h"

#include <string>
#include <vector>

#include "store/sqlite/migrations.h"
#include "store/sqlite/migrator.h"
#include "store/sqlite/position_block.h"

namespace kompetent::store::sqlite {

SqliteDatabase::SqliteDatabase(ConnectionHandle handle, const Clock& clock)
    : handle_(std::move(handle)),
      connection_{handle_.get(), &clock},
      snapshots_(connection_),
      org_(connection_),
      reference_(connection_),
      users_(connection_),
      sessions_(connection_),
      audit_(connection_),
      scenarios_(connection_),
      population_(connection_) {}

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
  // page_size only takes effect on a new, empty file, so it comes first: large
  // pages mean fewer WAL frames and B-tree pages per imported block (16 KiB
  // wrote a 500,000-row import with about a fifth less CPU than 4 KiB).
  // journal_mode is stored in the file; the others hold per connection, so
  // they are set on every open. foreign_keys cannot change inside a transaction.
  const std::string pragmas = "PRAGMA page_size=16384; PRAGMA journal_mode=WAL;"
                              " PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                              " PRAGMA temp_store=MEMORY; PRAGMA cache_size=-" +
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
      // position_blocks.snapshot_id has no foreign key, and a snapshot owns a
      // range of block ids: every block must lie in the range of the snapshot
      // it names ...
      {"SELECT b.id FROM position_blocks b LEFT JOIN snapshots s ON s.id = b.snapshot_id"
       " WHERE s.id IS NULL"
       " OR b.id NOT BETWEEN s.first_block_id AND s.first_block_id + s.block_count - 1",
       "block_outside_snapshot"},
      // ... and each range must hold exactly block_count blocks, all its own,
      // with position_count records between them.
      {"SELECT s.id FROM snapshots s WHERE (s.block_count, s.position_count) IS NOT"
       " (SELECT count(*), coalesce(sum(b.position_count), 0) FROM position_blocks b"
       "  WHERE b.snapshot_id = s.id"
       "  AND b.id BETWEEN s.first_block_id AND s.first_block_id + s.block_count - 1)",
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
  // Every block must read back as the records it claims to hold, as
  // load_snapshot() will read it.
  auto blocks = Statement::prepare(db, "SELECT id, position_count, positions FROM position_blocks");
  if (!blocks.ok()) return blocks.error();
  std::vector<PositionRecord> records;
  while (true) {
    auto row = blocks.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const Statement& block = blocks.value();
    records.clear();
    if (!read_position_block(block.text(2), block.integer(1), records)) {
      return Error::io("database_corrupt", {"position_block", std::to_string(block.integer(0))});
    }
  }
  return ok_status();
}

}  // namespace kompetent::store::sqlite
