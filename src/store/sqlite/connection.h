// Thin RAII wrappers over the SQLite C API used by every sqlite store: the
// connection, prepared statements and transactions, and the one place where an
// SQLite result code becomes an Error (io "database_busy" or "database_error").
// Internal to store/sqlite; nothing outside this folder includes it.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/clock.h"
#include "core/result.h"

namespace kompetent::store::sqlite {

// The Error for SQLite result code `code` on `db`: io "database_busy" for
// SQLITE_BUSY/SQLITE_LOCKED, else io "database_error" {sqlite message}.
[[nodiscard]] Error database_error(sqlite3* db, int code);

struct ConnectionCloser {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using ConnectionHandle = std::unique_ptr<sqlite3, ConnectionCloser>;

// Runs `sql` (one or more statements, no results wanted).
[[nodiscard]] Status execute(sqlite3* db, std::string_view sql);

// One prepared statement. Bound text is not copied (SQLITE_STATIC): the caller
// keeps it alive until the statement is stepped and reset, which every caller
// does within one function -- that saves a copy per column on the import path.
class Statement {
 public:
  // Prepares `sql`; check ok() or use prepare().
  static Result<Statement> prepare(sqlite3* db, std::string_view sql);

  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;

  // Parameters are 1-based, as in SQLite.
  void bind(int index, std::string_view text) noexcept;
  void bind(int index, std::int64_t value) noexcept;
  void bind(int index, int value) noexcept { bind(index, static_cast<std::int64_t>(value)); }
  // NULL when `text` is empty.
  void bind_optional(int index, const std::optional<std::string>& text) noexcept;
  void bind_null(int index) noexcept;

  // true: a row is ready; false: done. Errors map through database_error().
  Result<bool> step();
  // step() for a statement that returns no rows.
  Status run();
  // Ready for new bindings; earlier bindings stay until replaced.
  void reset() noexcept;

  // Columns are 0-based, as in SQLite.
  [[nodiscard]] std::string_view text(int column) const noexcept;
  [[nodiscard]] std::int64_t integer(int column) const noexcept;
  [[nodiscard]] bool is_null(int column) const noexcept;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
  };
  Statement(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
};

// What the stores of one SqliteDatabase share: one connection, used by one
// thread at a time, and whether a SnapshotWriter holds its write transaction.
struct Connection {
  sqlite3* db = nullptr;
  const Clock* clock = nullptr;
  bool writer_open = false;

  // internal "write_in_progress" while a writer is open: SQLite has one
  // transaction per connection, and a read now would see the writer's rows.
  [[nodiscard]] Status check_idle() const {
    if (writer_open) return Error::internal("write_in_progress");
    return ok_status();
  }
};

// A transaction that rolls back when destroyed uncommitted.
class Transaction {
 public:
  enum class Mode { read, write };  // write takes the write lock at once (BEGIN IMMEDIATE)

  static Result<Transaction> begin(sqlite3* db, Mode mode);
  Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  Status commit();

 private:
  explicit Transaction(sqlite3* db) : db_(db) {}
  sqlite3* db_;  // null once committed or rolled back
};

// True if `text` is a JSON object, asked of SQLite's own parser: the CHECK constraints of the
// JSON columns use the same test, and store/ has no JSON library of its own.
[[nodiscard]] Result<bool> is_json_object(sqlite3* db, std::string_view text);

}  // namespace kompetent::store::sqlite
