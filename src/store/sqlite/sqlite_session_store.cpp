#include "store/sqlite/sqlite_session_store.h"

#include <string>

#include "core/access/session_policy.h"
#include "store/sqlite/iso_time_text.h"

namespace kompetent::store::sqlite {
namespace {

// Runs one statement that changes rows, in its own write transaction, and
// returns how many rows it changed.
template <class Bind>
Result<std::int64_t> write(Connection& connection, std::string_view sql, Bind bind) {
  if (auto idle = connection.check_idle(); !idle.ok()) return idle.error();
  sqlite3* db = connection.db;
  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();
  auto statement = Statement::prepare(db, sql);
  if (!statement.ok()) return statement.error();
  bind(statement.value());
  if (auto ran = statement.value().run(); !ran.ok()) return ran.error();
  const std::int64_t changed = sqlite3_changes64(db);
  if (auto committed = transaction.value().commit(); !committed.ok()) return committed.error();
  return changed;
}

template <class Bind>
Result<bool> row_exists(sqlite3* db, std::string_view sql, Bind bind) {
  auto select = Statement::prepare(db, sql);
  if (!select.ok()) return select.error();
  bind(select.value());
  return select.value().step();
}

}  // namespace

Status SqliteSessionStore::create(const SessionRecord& session) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  sqlite3* db = connection_.db;
  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();

  auto user = row_exists(db, "SELECT 1 FROM users WHERE id = ?1",
                         [&](Statement& s) { s.bind(1, session.user_id); });
  if (!user.ok()) return user.error();
  if (!user.value()) return Error::not_found("user_not_found", {std::to_string(session.user_id)});
  auto taken = row_exists(db, "SELECT 1 FROM sessions WHERE token_hash = ?1",
                          [&](Statement& s) { s.bind(1, session.token_hash); });
  if (!taken.ok()) return taken.error();
  if (taken.value()) return Error::conflict("session_exists");

  auto insert = Statement::prepare(
      db,
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen, address)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!insert.ok()) return insert.error();
  const std::string created_at = to_iso_utc(session.created_at);
  const std::string last_seen = to_iso_utc(session.last_seen);
  Statement& row = insert.value();
  row.bind(1, session.token_hash);
  row.bind(2, session.user_id);
  row.bind(3, session.csrf_token);
  row.bind(4, created_at);
  row.bind(5, last_seen);
  row.bind(6, session.address);
  if (auto inserted = row.run(); !inserted.ok()) return inserted;
  return transaction.value().commit();
}

Result<std::optional<SessionRecord>> SqliteSessionStore::find(std::string_view token_hash) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto select =
      Statement::prepare(connection_.db,
                         "SELECT token_hash, user_id, csrf_token, created_at, last_seen, address"
                         " FROM sessions WHERE token_hash = ?1");
  if (!select.ok()) return select.error();
  select.value().bind(1, token_hash);
  auto row = select.value().step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<SessionRecord>{};
  const Statement& s = select.value();
  const auto created_at = parse_iso_utc(s.text(3));
  const auto last_seen = parse_iso_utc(s.text(4));
  if (!created_at || !last_seen) {
    return Error::io("database_corrupt", {"sessions", std::string{s.text(3)}});
  }
  return std::optional<SessionRecord>{SessionRecord{std::string{s.text(0)}, s.integer(1),
                                                    std::string{s.text(2)}, *created_at, *last_seen,
                                                    std::string{s.text(5)}}};
}

Status SqliteSessionStore::touch(std::string_view token_hash, std::chrono::sys_seconds now) {
  const std::string last_seen = to_iso_utc(now);
  auto changed = write(connection_, "UPDATE sessions SET last_seen = ?2 WHERE token_hash = ?1",
                       [&](Statement& s) {
                         s.bind(1, token_hash);
                         s.bind(2, last_seen);
                       });
  if (!changed.ok()) return changed.error();
  if (changed.value() == 0) return Error::not_found("session_not_found");
  return ok_status();
}

Status SqliteSessionStore::remove(std::string_view token_hash) {
  auto changed = write(connection_, "DELETE FROM sessions WHERE token_hash = ?1",
                       [&](Statement& s) { s.bind(1, token_hash); });
  if (!changed.ok()) return changed.error();
  return ok_status();
}

Result<std::int64_t> SqliteSessionStore::remove_expired(std::chrono::sys_seconds now) {
  // session_alive() turned around: over once last_seen <= now - idle or
  // created_at <= now - absolute. The fixed-width ISO text compares in time order.
  const std::string idle_cutoff = to_iso_utc(now - kSessionIdleTimeout);
  const std::string absolute_cutoff = to_iso_utc(now - kSessionAbsoluteTimeout);
  return write(connection_, "DELETE FROM sessions WHERE last_seen <= ?1 OR created_at <= ?2",
               [&](Statement& s) {
                 s.bind(1, idle_cutoff);
                 s.bind(2, absolute_cutoff);
               });
}

}  // namespace kompetent::store::sqlite
