#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "store/sqlite/migrations.h"
#include "store/sqlite/migrator.h"
#include "store_fixture.h"

namespace kompetent::store::testing {
namespace {

// A second, raw connection to the same file: to look at and damage what the
// store wrote, the way another program could.
class RawConnection {
 public:
  explicit RawConnection(const std::filesystem::path& path) {
    EXPECT_EQ(sqlite3_open(path.c_str(), &db_), SQLITE_OK);
    sqlite3_busy_timeout(db_, 5000);
  }
  ~RawConnection() { sqlite3_close(db_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // The result code of running `sql`.
  int exec(const std::string& sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }
  // The first column of every row of `sql`, as text.
  std::vector<std::string> column(const std::string& sql) {
    std::vector<std::string> values;
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sql;
    while (sqlite3_step(statement) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(statement, 0);
      values.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
    }
    sqlite3_finalize(statement);
    return values;
  }
  sqlite3* get() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

using SqliteDatabaseTest = StoreTest;

TEST_F(SqliteDatabaseTest, AppliesEachMigrationOnceAndRecordsIt) {
  const auto& migrations = embedded_migrations();
  ASSERT_FALSE(migrations.empty());
  reopen();
  reopen();
  RawConnection raw{path_};
  std::vector<std::string> names;
  for (const auto& migration : migrations) names.push_back(migration.name);
  EXPECT_EQ(raw.column("SELECT name FROM schema_migrations ORDER BY version"), names);
  EXPECT_EQ(raw.column("SELECT DISTINCT applied_at FROM schema_migrations"),
            std::vector<std::string>{"2025-03-01T08:30:00Z"});
}

TEST_F(SqliteDatabaseTest, OpensInWalModeWithTheSchema) {
  RawConnection raw{path_};
  EXPECT_EQ(raw.column("PRAGMA journal_mode"), std::vector<std::string>{"wal"});
  const auto tables =
      raw.column("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  for (const char* table : {"import_profiles", "position_blocks", "position_categories",
                            "position_codes", "schema_migrations", "sectors", "snapshots",
                            "units"}) {
    EXPECT_NE(std::find(tables.begin(), tables.end(), table), tables.end()) << table;
  }
  EXPECT_EQ(raw.column("PRAGMA page_size"), std::vector<std::string>{"16384"});
}

TEST_F(SqliteDatabaseTest, RefusesADatabaseFromANewerProgram) {
  database_.reset();
  {
    RawConnection raw{path_};
    ASSERT_EQ(raw.exec("INSERT INTO schema_migrations VALUES (999, '999_future.sql', 'x')"),
              SQLITE_OK);
  }
  auto opened = sqlite::SqliteDatabase::open(path_, clock_);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().kind, ErrorKind::io);
  EXPECT_EQ(opened.error().code, "database_too_new");
  EXPECT_EQ(opened.error().args.at(0), "999");
}

TEST_F(SqliteDatabaseTest, RefusesAFileThatIsNotADatabase) {
  database_.reset();
  const auto junk = directory_ / "junk.db";
  {
    std::FILE* file = std::fopen(junk.c_str(), "wb");
    ASSERT_NE(file, nullptr);
    const std::string text(8192, 'x');
    std::fwrite(text.data(), 1, text.size(), file);
    std::fclose(file);
  }
  auto opened = sqlite::SqliteDatabase::open(junk, clock_);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "database_error");
  EXPECT_FALSE(opened.error().args.empty());
}

TEST_F(SqliteDatabaseTest, IntegrityCheckPassesAndFindsDamage) {
  // Damage that only a program bypassing the store could cause, and the check
  // that reports it.
  struct Case {
    const char* damage;
    const char* check;
    bool snapshot_damaged = true;  // false: the stored snapshot itself is intact
  };
  const Case cases[] = {
      {"DELETE FROM position_blocks", "position_count"},
      {"UPDATE snapshots SET position_count = position_count + 1", "position_count"},
      {"UPDATE position_blocks SET position_count = position_count - 1", "position_count"},
      {"UPDATE position_blocks SET snapshot_id = 42", "block_outside_snapshot"},
      {"UPDATE position_blocks SET id = id + 1", "block_outside_snapshot"},
      {"INSERT INTO position_blocks SELECT id + 1, 42, 0, '{}' FROM position_blocks",
       "block_outside_snapshot", false},
      {"UPDATE position_blocks SET positions = '{}'", "position_block"},
      {"UPDATE position_blocks SET positions ="
       " replace(positions, '\"unit_code\":[', '\"unit_code\":[\"X\",')",
       "position_block"},
      {"UPDATE position_blocks SET positions = replace(positions, '\"female\"', '\"f\"')",
       "position_block"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.damage);
    database_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
    reopen();
    write_snapshot(snapshots(), "1841", make_date(2025, 12, 31),
                   {full_record(1), full_record(2)});
    EXPECT_TRUE(database().integrity_check().ok());
    {
      RawConnection raw{path_};
      ASSERT_EQ(raw.exec(c.damage), SQLITE_OK) << sqlite3_errmsg(raw.get());
    }
    auto checked = database().integrity_check();
    ASSERT_FALSE(checked.ok());
    EXPECT_EQ(checked.error().code, "database_corrupt");
    EXPECT_EQ(checked.error().args.at(0), c.check);
    // A damaged snapshot never loads as anything but corrupt.
    auto loaded = snapshots().load_snapshot(MunicipalityNumber{"1841"}, make_date(2025, 12, 31));
    if (c.snapshot_damaged) {
      ASSERT_FALSE(loaded.ok());
      EXPECT_EQ(loaded.error().code, "database_corrupt");
    } else {
      EXPECT_TRUE(loaded.ok());
    }
  }
}

TEST_F(SqliteDatabaseTest, IntegrityCheckFindsBrokenForeignKeys) {
  {
    RawConnection raw{path_};  // foreign keys are off by default on a raw connection
    ASSERT_EQ(raw.exec("INSERT INTO position_codes VALUES ('9999', 'nope', 't', 's')"), SQLITE_OK);
  }
  auto checked = database().integrity_check();
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().code, "database_corrupt");
  EXPECT_EQ(checked.error().args.at(0), "foreign_key");
}

// position_blocks has no foreign key (see 001_initial.sql): integrity_check
// verifies its snapshot_id instead (IntegrityCheckPassesAndFindsDamage).
TEST_F(SqliteDatabaseTest, SchemaEnforcesForeignKeys) {
  RawConnection raw{path_};
  ASSERT_EQ(raw.exec("PRAGMA foreign_keys = ON"), SQLITE_OK);
  const auto extended = [&] { return sqlite3_extended_errcode(raw.get()); };
  EXPECT_NE(raw.exec("INSERT INTO units VALUES ('1841', 'FSH', 'Fauske sykehjem', 'HO', 0)"),
            SQLITE_OK);
  EXPECT_EQ(extended(), SQLITE_CONSTRAINT_FOREIGNKEY);
  EXPECT_NE(raw.exec("INSERT INTO position_codes VALUES ('7174', 'nope', 't', 's')"), SQLITE_OK);
  EXPECT_EQ(extended(), SQLITE_CONSTRAINT_FOREIGNKEY);
}

TEST_F(SqliteDatabaseTest, AWriteLockHeldElsewhereIsBusy) {
  database_.reset();
  auto opened = sqlite::SqliteDatabase::open(
      path_, clock_, sqlite::SqliteOptions{.busy_timeout = std::chrono::milliseconds{50}});
  ASSERT_TRUE(opened.ok());
  RawConnection raw{path_};
  ASSERT_EQ(raw.exec("BEGIN IMMEDIATE"), SQLITE_OK);
  auto writer = opened.value()->snapshots().begin_snapshot(MunicipalityNumber{"1841"},
                                                           make_date(2025, 12, 31), false, "x");
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.error(), Error::io("database_busy"));
  // Readers are not blocked by the writer (WAL).
  EXPECT_TRUE(opened.value()->snapshots().list_snapshots(std::nullopt).ok());
  ASSERT_EQ(raw.exec("ROLLBACK"), SQLITE_OK);
}

// The migrator on its own, with made-up migrations.
class MigratorTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
  }
  void TearDown() override {
    sqlite3_close(db_);
    StoreTest::TearDown();
  }
  sqlite3* db_ = nullptr;
};

TEST_F(MigratorTest, AFailingMigrationRollsBackAloneAndCanBeRetried) {
  const std::vector<Migration> broken = {
      {"001_a.sql", "CREATE TABLE a (x INTEGER);"},
      {"002_b.sql", "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);"},
  };
  auto applied = sqlite::apply_migrations(db_, broken, clock_);
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(applied.error().code, "database_error");
  EXPECT_EQ(applied.error().args.at(0), "002_b.sql");

  const std::vector<Migration> fixed = {
      {"001_a.sql", "CREATE TABLE a (x INTEGER);"},  // would fail if run twice
      {"002_b.sql", "CREATE TABLE b (x INTEGER);"},  // would fail if the broken one left b
  };
  EXPECT_TRUE(sqlite::apply_migrations(db_, fixed, clock_).ok());
  EXPECT_TRUE(sqlite::apply_migrations(db_, fixed, clock_).ok());
}

TEST_F(MigratorTest, RefusesARenamedOrUnnumberedMigration) {
  ASSERT_TRUE(sqlite::apply_migrations(
                  db_, std::vector<Migration>{{"001_a.sql", "SELECT 1;"}}, clock_)
                  .ok());
  auto renamed = sqlite::apply_migrations(
      db_, std::vector<Migration>{{"001_b.sql", "SELECT 1;"}}, clock_);
  ASSERT_FALSE(renamed.ok());
  EXPECT_EQ(renamed.error(), Error::io("migration_mismatch", {"1", "001_a.sql", "001_b.sql"}));
  auto unnumbered = sqlite::apply_migrations(
      db_, std::vector<Migration>{{"initial.sql", "SELECT 1;"}}, clock_);
  ASSERT_FALSE(unnumbered.ok());
  EXPECT_EQ(unnumbered.error().code, "invalid_migration_name");
}

}  // namespace
}  // namespace kompetent::store::testing
