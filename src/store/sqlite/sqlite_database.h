// The SQLite implementation of store::Database: one database file, one
// connection, and the stores over it.
//
//   SystemClock clock;
//   auto database = SqliteDatabase::open("kompetent.db", clock);
//   if (!database.ok()) return database.error();
//   Database& store = *database.value();
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/sqlite_audit_store.h"
#include "store/sqlite/sqlite_org_store.h"
#include "store/sqlite/sqlite_population_store.h"
#include "store/sqlite/sqlite_reference_store.h"
#include "store/sqlite/sqlite_scenario_store.h"
#include "store/sqlite/sqlite_session_store.h"
#include "store/sqlite/sqlite_snapshot_store.h"
#include "store/sqlite/sqlite_user_store.h"

namespace kompetent::store::sqlite {

struct SqliteOptions {
  // How long a writer waits for another process's write lock before
  // io "database_busy". Writes are short (DESIGN.md), so seconds are plenty.
  std::chrono::milliseconds busy_timeout{5000};
  // Page cache of this connection. A large cache keeps a big import from
  // spilling pages to the WAL before commit.
  std::int64_t cache_kib = 64 * 1024;
};

class SqliteDatabase final : public Database {
 public:
  // Opens `file` (created if missing) in WAL mode with synchronous=FULL and
  // foreign keys on, and applies the embedded migrations it lacks.
  // Errors: io "database_error" {message} if it cannot be opened or is not a
  // database; io "database_too_new" if a newer program has migrated it; see
  // migrator.h. `clock` must outlive the database.
  // One connection: use the database from one thread at a time, and open one
  // per thread for concurrency (WAL lets readers run beside the one writer).
  static Result<std::unique_ptr<SqliteDatabase>> open(const std::filesystem::path& file,
                                                      const Clock& clock,
                                                      SqliteOptions options = {});

  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;
  ~SqliteDatabase() override = default;

  SnapshotStore& snapshots() override { return snapshots_; }
  OrgStore& org() override { return org_; }
  ReferenceStore& reference() override { return reference_; }
  UserStore& users() override { return users_; }
  SessionStore& sessions() override { return sessions_; }
  AuditStore& audit() override { return audit_; }
  ScenarioStore& scenarios() override { return scenarios_; }
  PopulationStore& population() override { return population_; }
  Status integrity_check() override;

 private:
  SqliteDatabase(ConnectionHandle handle, const Clock& clock);

  ConnectionHandle handle_;  // declared first: closed after the stores are gone
  Connection connection_;
  SqliteSnapshotStore snapshots_;
  SqliteOrgStore org_;
  SqliteReferenceStore reference_;
  SqliteUserStore users_;
  SqliteSessionStore sessions_;
  SqliteAuditStore audit_;
  SqliteScenarioStore scenarios_;
  SqlitePopulationStore population_;
};

}  // namespace kompetent::store::sqlite
