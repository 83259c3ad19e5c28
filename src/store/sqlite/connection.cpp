#include "store/sqlite/connection.h"

#include <utility>

namespace kompetent::store::sqlite {

Error database_error(sqlite3* db, int code) {
  const int primary = code & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Error::io("database_busy");
  const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  return Error::io("database_error", {message != nullptr ? message : sqlite3_errstr(code)});
}

Status execute(sqlite3* db, std::string_view sql) {
  const std::string text{sql};  // sqlite3_exec wants a terminated string
  const int code = sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) return database_error(db, code);
  return ok_status();
}

Result<Statement> Statement::prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  const int code = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  if (code != SQLITE_OK) {
    sqlite3_finalize(statement);
    return database_error(db, code);
  }
  return Statement{db, statement};
}

void Statement::bind(int index, std::string_view text) noexcept {
  // A non-null pointer even for "", so an empty string stays '' and never NULL.
  static constexpr char kEmpty[] = "";
  sqlite3_bind_text(statement_.get(), index, text.empty() ? kEmpty : text.data(),
                    static_cast<int>(text.size()), SQLITE_STATIC);
}

void Statement::bind(int index, std::int64_t value) noexcept {
  sqlite3_bind_int64(statement_.get(), index, value);
}

void Statement::bind_optional(int index, const std::optional<std::string>& text) noexcept {
  if (text) {
    bind(index, std::string_view{*text});
  } else {
    bind_null(index);
  }
}

void Statement::bind_null(int index) noexcept { sqlite3_bind_null(statement_.get(), index); }

Result<bool> Statement::step() {
  const int code = sqlite3_step(statement_.get());
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  return database_error(db_, code);
}

Status Statement::run() {
  auto stepped = step();
  reset();
  if (!stepped.ok()) return stepped.error();
  return ok_status();
}

void Statement::reset() noexcept { sqlite3_reset(statement_.get()); }

std::string_view Statement::text(int column) const noexcept {
  const auto* data = sqlite3_column_text(statement_.get(), column);
  const int size = sqlite3_column_bytes(statement_.get(), column);  // after _text, per the docs
  if (data == nullptr) return {};
  return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
}

std::int64_t Statement::integer(int column) const noexcept {
  return sqlite3_column_int64(statement_.get(), column);
}

bool Statement::is_null(int column) const noexcept {
  return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

Result<Transaction> Transaction::begin(sqlite3* db, Mode mode) {
  auto begun = execute(db, mode == Mode::write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  if (!begun.ok()) return begun.error();
  return Transaction{db};
}

Transaction::~Transaction() {
  // Errors are ignored: SQLite may already have rolled back (e.g. after SQLITE_FULL),
  // and either way the transaction is over.
  if (db_ != nullptr && sqlite3_get_autocommit(db_) == 0) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

Status Transaction::commit() {
  if (db_ == nullptr) return Error::internal("transaction_finished");
  auto committed = execute(db_, "COMMIT");
  if (!committed.ok()) return committed;  // still open: the destructor rolls back
  db_ = nullptr;
  return ok_status();
}

Result<bool> is_json_object(sqlite3* db, std::string_view text) {
  // CASE, not AND: json_type() fails on malformed text, and AND may evaluate it anyway.
  auto check = Statement::prepare(
      db, "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object' ELSE 0 END");
  if (!check.ok()) return check.error();
  check.value().bind(1, text);
  auto row = check.value().step();
  if (!row.ok()) return row.error();
  return row.value() && check.value().integer(0) == 1;
}

}  // namespace kompetent::store::sqlite
