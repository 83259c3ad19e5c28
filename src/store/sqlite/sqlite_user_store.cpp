#include "store/sqlite/sqlite_user_store.h"

#include <map>
#include <string>
#include <utility>

#include "store/sqlite/iso_time_text.h"

namespace kompetent::store::sqlite {
namespace {

constexpr std::string_view kAccountColumns =
    "id, username, display_name, role, municipality, region, employee_id, disabled, created_at";

// One row of kAccountColumns, without units.
UserAccount read_account(const Statement& row) {
  UserAccount account;
  account.id = row.integer(0);
  account.username = row.text(1);
  account.display_name = row.text(2);
  // The CHECK constraint admits only role_name() keys.
  account.role = parse_role(row.text(3)).value_or(Role::employee);
  account.municipality = row.text(4);
  account.region = row.text(5);
  account.employee_id = row.text(6);
  account.disabled = row.integer(7) != 0;
  account.created_at = row.text(8);
  return account;
}

Result<std::vector<std::string>> read_units(sqlite3* db, std::int64_t user_id) {
  auto select =
      Statement::prepare(db, "SELECT path FROM user_units WHERE user_id = ?1 ORDER BY ordinal");
  if (!select.ok()) return select.error();
  select.value().bind(1, user_id);
  std::vector<std::string> units;
  while (true) {
    auto row = select.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    units.emplace_back(select.value().text(0));
  }
  return units;
}

// The one account `where` selects (bound by `bind`), with its units.
template <class Bind>
Result<std::optional<UserAccount>> read_one(sqlite3* db, std::string_view where, Bind bind) {
  auto select = Statement::prepare(
      db, "SELECT " + std::string{kAccountColumns} + " FROM users WHERE " + std::string{where});
  if (!select.ok()) return select.error();
  bind(select.value());
  auto row = select.value().step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<UserAccount>{};
  UserAccount account = read_account(select.value());
  auto units = read_units(db, account.id);
  if (!units.ok()) return units.error();
  account.units = std::move(units).value();
  return std::optional<UserAccount>{std::move(account)};
}

// Inserts `account` (normalised and validated here) inside the caller's write
// transaction, stamped `created_at`.
Result<UserAccount> insert_account(sqlite3* db, UserAccount account, std::string_view password_hash,
                                   std::chrono::sys_seconds created_at) {
  account.username = normalize_username(account.username);
  if (auto valid = validate_account(account); !valid.ok()) return valid.error();
  if (password_hash.empty()) return Error::invalid("password_hash_missing");

  auto taken = Statement::prepare(db, "SELECT 1 FROM users WHERE username = ?1");
  if (!taken.ok()) return taken.error();
  taken.value().bind(1, account.username);
  auto exists = taken.value().step();
  if (!exists.ok()) return exists.error();
  if (exists.value()) return Error::conflict("user_exists", {account.username});

  account.id = 0;
  account.created_at = to_iso_utc(created_at);
  auto insert = Statement::prepare(
      db,
      "INSERT INTO users (username, display_name, role, municipality, region, employee_id,"
      " password_hash, disabled, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (!insert.ok()) return insert.error();
  Statement& row = insert.value();
  row.bind(1, account.username);
  row.bind(2, account.display_name);
  row.bind(3, role_name(account.role));
  row.bind(4, account.municipality);
  row.bind(5, account.region);
  row.bind(6, account.employee_id);
  row.bind(7, password_hash);
  row.bind(8, account.disabled ? 1 : 0);
  row.bind(9, account.created_at);
  if (auto inserted = row.run(); !inserted.ok()) return inserted.error();
  account.id = sqlite3_last_insert_rowid(db);

  auto insert_unit =
      Statement::prepare(db, "INSERT INTO user_units (user_id, ordinal, path) VALUES (?1, ?2, ?3)");
  if (!insert_unit.ok()) return insert_unit.error();
  insert_unit.value().bind(1, account.id);
  std::int64_t ordinal = 0;
  for (const std::string& path : account.units) {
    insert_unit.value().bind(2, ordinal++);
    insert_unit.value().bind(3, path);
    if (auto inserted = insert_unit.value().run(); !inserted.ok()) return inserted.error();
  }
  return account;
}

// Runs `update_sql` (?1 is the user id; `bind` sets the rest) and deletes the
// user's sessions but `keep_session_hash`, in one write transaction.
template <class Bind>
Status update_and_end_sessions(Connection& connection, std::int64_t user_id,
                               std::string_view update_sql, Bind bind,
                               const std::optional<std::string>& keep_session_hash) {
  if (auto idle = connection.check_idle(); !idle.ok()) return idle;
  sqlite3* db = connection.db;
  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();

  auto update = Statement::prepare(db, update_sql);
  if (!update.ok()) return update.error();
  update.value().bind(1, user_id);
  bind(update.value());
  if (auto updated = update.value().run(); !updated.ok()) return updated;
  if (sqlite3_changes(db) == 0)
    return Error::not_found("user_not_found", {std::to_string(user_id)});

  // token_hash IS NOT NULL holds for every row: with no session to keep, all go.
  auto remove =
      Statement::prepare(db, "DELETE FROM sessions WHERE user_id = ?1 AND token_hash IS NOT ?2");
  if (!remove.ok()) return remove.error();
  remove.value().bind(1, user_id);
  remove.value().bind_optional(2, keep_session_hash);
  if (auto removed = remove.value().run(); !removed.ok()) return removed;
  return transaction.value().commit();
}

}  // namespace

Result<UserAccount> SqliteUserStore::add_user(const UserAccount& account,
                                              std::string_view password_hash) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto transaction = Transaction::begin(connection_.db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();
  auto added = insert_account(connection_.db, account, password_hash, connection_.clock->now_utc());
  if (!added.ok()) return added.error();
  if (auto committed = transaction.value().commit(); !committed.ok()) return committed.error();
  return added;
}

Result<std::optional<UserAccount>> SqliteUserStore::find_user(std::string_view username) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto transaction = Transaction::begin(connection_.db, Transaction::Mode::read);
  if (!transaction.ok()) return transaction.error();
  const std::string normalized = normalize_username(username);
  return read_one(connection_.db, "username = ?1", [&](Statement& s) { s.bind(1, normalized); });
}

Result<std::optional<UserAccount>> SqliteUserStore::find_user_by_id(std::int64_t user_id) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto transaction = Transaction::begin(connection_.db, Transaction::Mode::read);
  if (!transaction.ok()) return transaction.error();
  return read_one(connection_.db, "id = ?1", [&](Statement& s) { s.bind(1, user_id); });
}

Result<std::optional<std::string>> SqliteUserStore::password_hash(std::int64_t user_id) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto select = Statement::prepare(connection_.db, "SELECT password_hash FROM users WHERE id = ?1");
  if (!select.ok()) return select.error();
  select.value().bind(1, user_id);
  auto row = select.value().step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<std::string>{};
  return std::optional<std::string>{std::string{select.value().text(0)}};
}

Result<std::vector<UserAccount>> SqliteUserStore::list_users() {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  sqlite3* db = connection_.db;
  auto transaction = Transaction::begin(db, Transaction::Mode::read);
  if (!transaction.ok()) return transaction.error();

  // All units in one pass rather than a query per user.
  std::map<std::int64_t, std::vector<std::string>> units_by_user;
  auto units =
      Statement::prepare(db, "SELECT user_id, path FROM user_units ORDER BY user_id, ordinal");
  if (!units.ok()) return units.error();
  while (true) {
    auto row = units.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    units_by_user[units.value().integer(0)].emplace_back(units.value().text(1));
  }

  auto select = Statement::prepare(
      db, "SELECT " + std::string{kAccountColumns} + " FROM users ORDER BY username");
  if (!select.ok()) return select.error();
  std::vector<UserAccount> accounts;
  while (true) {
    auto row = select.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    UserAccount account = read_account(select.value());
    if (auto found = units_by_user.find(account.id); found != units_by_user.end()) {
      account.units = std::move(found->second);
    }
    accounts.push_back(std::move(account));
  }
  return accounts;
}

Result<std::int64_t> SqliteUserStore::count_users() {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto select = Statement::prepare(connection_.db, "SELECT count(*) FROM users");
  if (!select.ok()) return select.error();
  auto row = select.value().step();
  if (!row.ok()) return row.error();
  return select.value().integer(0);
}

Status SqliteUserStore::set_password_hash(std::int64_t user_id, std::string_view password_hash,
                                          const std::optional<std::string>& keep_session_hash) {
  if (password_hash.empty()) return Error::invalid("password_hash_missing");
  return update_and_end_sessions(
      connection_, user_id, "UPDATE users SET password_hash = ?2 WHERE id = ?1",
      [&](Statement& s) { s.bind(2, password_hash); }, keep_session_hash);
}

Status SqliteUserStore::set_disabled(std::int64_t user_id, bool disabled,
                                     const std::optional<std::string>& keep_session_hash) {
  return update_and_end_sessions(
      connection_, user_id, "UPDATE users SET disabled = ?2 WHERE id = ?1",
      [&](Statement& s) { s.bind(2, disabled ? 1 : 0); }, keep_session_hash);
}

Status SqliteUserStore::create_setup_token(std::string_view token_hash,
                                           std::chrono::sys_seconds expires_at) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  sqlite3* db = connection_.db;
  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();
  auto insert = Statement::prepare(
      db, "INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (?1, ?2, ?3)");
  if (!insert.ok()) return insert.error();
  const std::string now = to_iso_utc(connection_.clock->now_utc());
  const std::string expires = to_iso_utc(expires_at);
  insert.value().bind(1, token_hash);
  insert.value().bind(2, now);
  insert.value().bind(3, expires);
  if (auto inserted = insert.value().run(); !inserted.ok()) return inserted;
  return transaction.value().commit();
}

Result<UserAccount> SqliteUserStore::add_first_administrator(std::string_view token_hash,
                                                             std::chrono::sys_seconds now,
                                                             const UserAccount& account,
                                                             std::string_view password_hash) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  sqlite3* db = connection_.db;
  // One write transaction: two setup requests at once cannot both see an
  // empty users table, and a failure leaves the token unused.
  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();

  auto token = Statement::prepare(
      db, "SELECT expires_at, used_at IS NOT NULL FROM setup_tokens WHERE token_hash = ?1");
  if (!token.ok()) return token.error();
  token.value().bind(1, token_hash);
  auto found = token.value().step();
  if (!found.ok()) return found.error();
  if (!found.value()) return Error::invalid("setup_token_invalid");
  const auto expires_at = parse_iso_utc(token.value().text(0));
  const bool used = token.value().integer(1) != 0;
  if (used || !expires_at || now >= *expires_at) return Error::invalid("setup_token_invalid");
  token.value().reset();

  auto count = Statement::prepare(db, "SELECT count(*) FROM users");
  if (!count.ok()) return count.error();
  auto counted = count.value().step();
  if (!counted.ok()) return counted.error();
  if (count.value().integer(0) > 0) return Error::conflict("setup_done");

  auto mark = Statement::prepare(db, "UPDATE setup_tokens SET used_at = ?2 WHERE token_hash = ?1");
  if (!mark.ok()) return mark.error();
  const std::string used_at = to_iso_utc(now);
  mark.value().bind(1, token_hash);
  mark.value().bind(2, used_at);
  if (auto marked = mark.value().run(); !marked.ok()) return marked.error();

  UserAccount administrator = account;
  administrator.role = Role::administrator;
  auto added = insert_account(db, std::move(administrator), password_hash, now);
  if (!added.ok()) return added.error();
  if (auto committed = transaction.value().commit(); !committed.ok()) return committed.error();
  return added;
}

}  // namespace kompetent::store::sqlite
