#include "store/sqlite/sqlite_reference_store.h"

#include <string>

namespace kompetent::store::sqlite {
namespace {

// Runs `sql` with `key` bound to ?1; true if a row came back.
Result<bool> exists(sqlite3* db, const char* sql, std::string_view key) {
  auto select = Statement::prepare(db, sql);
  if (!select.ok()) return select.error();
  select.value().bind(1, key);
  return select.value().step();
}

// Runs a DELETE with `key` bound to ?1; `missing` if no row matched.
Status delete_one(sqlite3* db, const char* sql, std::string_view key, Error missing) {
  auto remove = Statement::prepare(db, sql);
  if (!remove.ok()) return remove.error();
  remove.value().bind(1, key);
  if (auto removed = remove.value().run(); !removed.ok()) return removed;
  if (sqlite3_changes(db) == 0) return missing;
  return ok_status();
}

}  // namespace

Result<CategoryTable> SqliteReferenceStore::categories() {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto select = Statement::prepare(
      connection_.db,
      "SELECT key, name_nb, name_en, expected_education, retirement_age"
      " FROM position_categories ORDER BY key");
  if (!select.ok()) return select.error();
  std::vector<PositionCategory> categories;
  while (true) {
    auto row = select.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const Statement& category = select.value();
    const auto education = education_level_from_key(category.text(3));
    if (!education) {
      return Error::io("database_corrupt", {"position_categories.expected_education",
                                            std::string{category.text(3)}});
    }
    categories.push_back(PositionCategory{
        std::string{category.text(0)}, std::string{category.text(1)},
        std::string{category.text(2)}, *education, static_cast<int>(category.integer(4))});
  }
  return CategoryTable{std::move(categories)};
}

Status SqliteReferenceStore::upsert_category(const PositionCategory& category) {
  if (category.key.empty()) return Error::invalid("invalid_category_key");
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  // An upsert, not INSERT OR REPLACE: REPLACE deletes the row first, which the
  // position codes that reference it would not allow.
  auto upsert = Statement::prepare(
      connection_.db,
      "INSERT INTO position_categories (key, name_nb, name_en, expected_education,"
      " retirement_age) VALUES (?1, ?2, ?3, ?4, ?5)"
      " ON CONFLICT (key) DO UPDATE SET name_nb = excluded.name_nb, name_en = excluded.name_en,"
      " expected_education = excluded.expected_education,"
      " retirement_age = excluded.retirement_age");
  if (!upsert.ok()) return upsert.error();
  upsert.value().bind(1, category.key);
  upsert.value().bind(2, category.name_nb);
  upsert.value().bind(3, category.name_en);
  upsert.value().bind(4, to_key(category.expected_education));
  upsert.value().bind(5, category.retirement_age);
  return upsert.value().run();
}

Status SqliteReferenceStore::delete_category(std::string_view key) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  auto transaction = Transaction::begin(connection_.db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();
  auto in_use =
      exists(connection_.db, "SELECT 1 FROM position_codes WHERE category = ?1 LIMIT 1", key);
  if (!in_use.ok()) return in_use.error();
  if (in_use.value()) return Error::conflict("category_in_use", {std::string{key}});
  if (auto removed = delete_one(connection_.db, "DELETE FROM position_categories WHERE key = ?1",
                                key, Error::not_found("category_not_found", {std::string{key}}));
      !removed.ok()) {
    return removed;
  }
  return transaction.value().commit();
}

Result<PositionCodeTable> SqliteReferenceStore::position_codes() {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto select = Statement::prepare(
      connection_.db, "SELECT code, category, title, source FROM position_codes ORDER BY code");
  if (!select.ok()) return select.error();
  std::vector<PositionCode> codes;
  while (true) {
    auto row = select.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const Statement& code = select.value();
    codes.push_back(PositionCode{std::string{code.text(0)}, std::string{code.text(1)},
                                 std::string{code.text(2)}, std::string{code.text(3)}});
  }
  return PositionCodeTable{std::move(codes)};
}

Status SqliteReferenceStore::upsert_position_code(const PositionCode& code) {
  if (code.code.empty()) return Error::invalid("invalid_position_code");
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  auto transaction = Transaction::begin(connection_.db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();
  // Checked here for a specific error; the foreign key stays as the backstop.
  auto known = exists(connection_.db, "SELECT 1 FROM position_categories WHERE key = ?1",
                      code.category);
  if (!known.ok()) return known.error();
  if (!known.value()) return Error::conflict("unknown_category", {code.category});

  auto upsert = Statement::prepare(
      connection_.db,
      "INSERT INTO position_codes (code, category, title, source) VALUES (?1, ?2, ?3, ?4)"
      " ON CONFLICT (code) DO UPDATE SET category = excluded.category, title = excluded.title,"
      " source = excluded.source");
  if (!upsert.ok()) return upsert.error();
  upsert.value().bind(1, code.code);
  upsert.value().bind(2, code.category);
  upsert.value().bind(3, code.title);
  upsert.value().bind(4, code.source);
  if (auto written = upsert.value().run(); !written.ok()) return written;
  return transaction.value().commit();
}

Status SqliteReferenceStore::delete_position_code(std::string_view code) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  return delete_one(connection_.db, "DELETE FROM position_codes WHERE code = ?1", code,
                    Error::not_found("position_code_not_found", {std::string{code}}));
}

Status SqliteReferenceStore::save_profile(std::string name, std::string json) {
  if (name.empty()) return Error::invalid("invalid_profile_name");
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  auto upsert = Statement::prepare(
      connection_.db,
      "INSERT INTO import_profiles (name, json) VALUES (?1, ?2)"
      " ON CONFLICT (name) DO UPDATE SET json = excluded.json");
  if (!upsert.ok()) return upsert.error();
  upsert.value().bind(1, name);
  upsert.value().bind(2, json);
  return upsert.value().run();
}

Result<std::string> SqliteReferenceStore::load_profile(std::string_view name) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto select =
      Statement::prepare(connection_.db, "SELECT json FROM import_profiles WHERE name = ?1");
  if (!select.ok()) return select.error();
  select.value().bind(1, name);
  auto row = select.value().step();
  if (!row.ok()) return row.error();
  if (!row.value()) return Error::not_found("profile_not_found", {std::string{name}});
  return std::string{select.value().text(0)};
}

Result<std::vector<std::string>> SqliteReferenceStore::profile_names() {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto select =
      Statement::prepare(connection_.db, "SELECT name FROM import_profiles ORDER BY name");
  if (!select.ok()) return select.error();
  std::vector<std::string> names;
  while (true) {
    auto row = select.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    names.emplace_back(select.value().text(0));
  }
  return names;
}

Status SqliteReferenceStore::delete_profile(std::string_view name) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  return delete_one(connection_.db, "DELETE FROM import_profiles WHERE name = ?1", name,
                    Error::not_found("profile_not_found", {std::string{name}}));
}

}  // namespace kompetent::store::sqlite
