#include "store/sqlite/sqlite_audit_store.h"

#include <algorithm>
#include <string>

#include "store/sqlite/iso_time_text.h"

namespace kompetent::store::sqlite {
namespace {

constexpr std::size_t kMaxActionLength = 40;
constexpr int kMaxListLimit = 10000;

bool valid_action(std::string_view action) noexcept {
  return !action.empty() && action.size() <= kMaxActionLength &&
         std::all_of(action.begin(), action.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

}  // namespace

Status SqliteAuditStore::append(const AuditEntry& entry) {
  if (!valid_action(entry.action)) return Error::invalid("invalid_audit_action", {entry.action});
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  sqlite3* db = connection_.db;
  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();

  auto object = is_json_object(db, entry.detail_json);
  if (!object.ok()) return object.error();
  if (!object.value()) return Error::invalid("invalid_audit_detail");

  auto insert = Statement::prepare(
      db,
      "INSERT INTO audit_log (at, username, role, address, action, municipality, subject,"
      " detail, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (!insert.ok()) return insert.error();
  const std::string at = to_iso_utc(entry.at);
  Statement& row = insert.value();
  row.bind(1, at);
  row.bind(2, entry.username);
  row.bind(3, entry.role ? role_name(*entry.role) : std::string_view{});
  row.bind(4, entry.address);
  row.bind(5, entry.action);
  row.bind(6, entry.municipality);
  row.bind(7, entry.subject);
  row.bind(8, entry.detail_json);
  row.bind(9, outcome_name(entry.outcome));
  if (auto inserted = row.run(); !inserted.ok()) return inserted;
  return transaction.value().commit();
}

Result<std::vector<AuditEntry>> SqliteAuditStore::list(const AuditQuery& query) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  // Only the filters given go into the SQL, so the index on `at` (or on
  // username, at) serves the common queries.
  std::string sql =
      "SELECT at, username, role, address, action, municipality, subject, detail, outcome"
      " FROM audit_log WHERE 1";
  if (query.from) sql += " AND at >= ?1";
  if (query.to) sql += " AND at < ?2";
  if (query.username) sql += " AND username = ?3";
  if (query.action) sql += " AND action = ?4";
  sql += " ORDER BY at DESC, id DESC LIMIT ?5";

  auto select = Statement::prepare(connection_.db, sql);
  if (!select.ok()) return select.error();
  const std::string from = query.from ? to_iso_utc(*query.from) : std::string{};
  const std::string to = query.to ? to_iso_utc(*query.to) : std::string{};
  Statement& statement = select.value();
  if (query.from) statement.bind(1, from);
  if (query.to) statement.bind(2, to);
  if (query.username) statement.bind(3, *query.username);
  if (query.action) statement.bind(4, *query.action);
  statement.bind(5, std::clamp(query.limit, 1, kMaxListLimit));

  std::vector<AuditEntry> entries;
  while (true) {
    auto row = statement.step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const auto at = parse_iso_utc(statement.text(0));
    if (!at) return Error::io("database_corrupt", {"audit_log", std::string{statement.text(0)}});
    AuditEntry entry;
    entry.at = *at;
    entry.username = statement.text(1);
    entry.role = parse_role(statement.text(2));
    entry.address = statement.text(3);
    entry.action = statement.text(4);
    entry.municipality = statement.text(5);
    entry.subject = statement.text(6);
    entry.detail_json = statement.text(7);
    entry.outcome = parse_outcome(statement.text(8)).value_or(AuditOutcome::failure);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace kompetent::store::sqlite
