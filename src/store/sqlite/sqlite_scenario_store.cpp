#include "store/sqlite/sqlite_scenario_store.h"

#include <string>
#include <utility>

#include "store/sqlite/iso_time_text.h"

namespace kompetent::store::sqlite {
namespace {

constexpr std::string_view kScenarioColumns =
    "id, municipality, region, name, levers, created_by, created_at, updated_at";

// One row of kScenarioColumns.
Result<SavedScenario> read_scenario_row(const Statement& row) {
  SavedScenario scenario;
  scenario.id = row.integer(0);
  if (!row.is_null(1)) scenario.scope.municipality = row.text(1);
  if (!row.is_null(2)) scenario.scope.region = row.text(2);
  scenario.name = row.text(3);
  scenario.levers_json = row.text(4);
  scenario.created_by = row.text(5);
  const auto created = parse_iso_utc(row.text(6));
  const auto updated = parse_iso_utc(row.text(7));
  if (!created || !updated) {
    return Error::io("database_corrupt",
                     {"forecast_scenarios.created_at", std::to_string(scenario.id)});
  }
  scenario.created_at = *created;
  scenario.updated_at = *updated;
  return scenario;
}

// 'm:1841' or 'r:salten': the column the names are unique over (003_forecast.sql).
std::string scope_key_of(const ScenarioScope& scope) {
  return scope.municipality.empty() ? "r:" + scope.region : "m:" + scope.municipality;
}

// invalid "invalid_scenario" unless the name and levers can be stored.
Status check_storable(sqlite3* db, std::string_view name, std::string_view levers_json) {
  if (name.empty()) return Error::invalid("invalid_scenario");
  auto object = is_json_object(db, levers_json);
  if (!object.ok()) return object.error();
  if (!object.value()) return Error::invalid("invalid_scenario");
  return ok_status();
}

// True if the scope `scope_key` has a scenario named `name` other than `except_id`.
Result<bool> name_taken(sqlite3* db, std::string_view scope_key, std::string_view name,
                        std::int64_t except_id) {
  auto select = Statement::prepare(
      db, "SELECT 1 FROM forecast_scenarios WHERE scope_key = ?1 AND name = ?2 AND id <> ?3");
  if (!select.ok()) return select.error();
  select.value().bind(1, scope_key);
  select.value().bind(2, name);
  select.value().bind(3, except_id);
  return select.value().step();
}

Error scenario_not_found(std::int64_t id) {
  return Error::not_found("scenario_not_found", {std::to_string(id)});
}

}  // namespace

Result<std::vector<SavedScenario>> SqliteScenarioStore::list_scenarios(const ScenarioScope& scope) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto select = Statement::prepare(connection_.db, "SELECT " + std::string{kScenarioColumns} +
                                                       " FROM forecast_scenarios"
                                                       " WHERE scope_key = ?1 ORDER BY name, id");
  if (!select.ok()) return select.error();
  const std::string key = scope_key_of(scope);
  select.value().bind(1, key);
  std::vector<SavedScenario> scenarios;
  while (true) {
    auto row = select.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    auto scenario = read_scenario_row(select.value());
    if (!scenario.ok()) return scenario.error();
    scenarios.push_back(std::move(scenario).value());
  }
  return scenarios;
}

Result<SavedScenario> SqliteScenarioStore::find_scenario(std::int64_t id) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto select = Statement::prepare(
      connection_.db,
      "SELECT " + std::string{kScenarioColumns} + " FROM forecast_scenarios WHERE id = ?1");
  if (!select.ok()) return select.error();
  select.value().bind(1, id);
  auto row = select.value().step();
  if (!row.ok()) return row.error();
  if (!row.value()) return scenario_not_found(id);
  return read_scenario_row(select.value());
}

Result<std::int64_t> SqliteScenarioStore::insert_scenario(const SavedScenario& scenario) {
  const ScenarioScope& scope = scenario.scope;
  if (scope.municipality.empty() == scope.region.empty()) return Error::invalid("invalid_scenario");
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  sqlite3* db = connection_.db;
  if (auto storable = check_storable(db, scenario.name, scenario.levers_json); !storable.ok()) {
    return storable.error();
  }
  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();
  const std::string key = scope_key_of(scope);
  // Checked here for a specific error; the UNIQUE constraint stays as the backstop.
  auto taken = name_taken(db, key, scenario.name, 0);
  if (!taken.ok()) return taken.error();
  if (taken.value()) return Error::conflict("scenario_name_taken", {scenario.name});

  auto insert = Statement::prepare(
      db,
      "INSERT INTO forecast_scenarios (municipality, region, scope_key, name, levers, created_by,"
      " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)");
  if (!insert.ok()) return insert.error();
  const std::string now = to_iso_utc(connection_.clock->now_utc());
  // Bound as views, not through bind_optional: its optional<string> would be a
  // temporary copy, gone before the statement runs (binding does not copy).
  for (const auto& [index, text] : {std::pair{1, &scope.municipality}, std::pair{2, &scope.region}}) {
    if (text->empty()) {
      insert.value().bind_null(index);
    } else {
      insert.value().bind(index, std::string_view{*text});
    }
  }
  insert.value().bind(3, key);
  insert.value().bind(4, scenario.name);
  insert.value().bind(5, scenario.levers_json);
  insert.value().bind(6, scenario.created_by);
  insert.value().bind(7, now);
  if (auto inserted = insert.value().run(); !inserted.ok()) return inserted.error();
  const std::int64_t id = sqlite3_last_insert_rowid(db);
  if (auto committed = transaction.value().commit(); !committed.ok()) return committed.error();
  return id;
}

Status SqliteScenarioStore::update_scenario(std::int64_t id, std::string_view name,
                                            std::string_view levers_json) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  sqlite3* db = connection_.db;
  if (auto storable = check_storable(db, name, levers_json); !storable.ok()) return storable;
  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();
  auto select = Statement::prepare(db, "SELECT scope_key FROM forecast_scenarios WHERE id = ?1");
  if (!select.ok()) return select.error();
  select.value().bind(1, id);
  auto row = select.value().step();
  if (!row.ok()) return row.error();
  if (!row.value()) return scenario_not_found(id);
  const std::string key{select.value().text(0)};
  auto taken = name_taken(db, key, name, id);
  if (!taken.ok()) return taken.error();
  if (taken.value()) return Error::conflict("scenario_name_taken", {std::string{name}});

  auto update = Statement::prepare(
      db, "UPDATE forecast_scenarios SET name = ?2, levers = ?3, updated_at = ?4 WHERE id = ?1");
  if (!update.ok()) return update.error();
  const std::string now = to_iso_utc(connection_.clock->now_utc());
  update.value().bind(1, id);
  update.value().bind(2, name);
  update.value().bind(3, levers_json);
  update.value().bind(4, now);
  if (auto updated = update.value().run(); !updated.ok()) return updated;
  return transaction.value().commit();
}

Status SqliteScenarioStore::delete_scenario(std::int64_t id) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  auto remove = Statement::prepare(connection_.db, "DELETE FROM forecast_scenarios WHERE id = ?1");
  if (!remove.ok()) return remove.error();
  remove.value().bind(1, id);
  if (auto removed = remove.value().run(); !removed.ok()) return removed;
  if (sqlite3_changes(connection_.db) == 0) return scenario_not_found(id);
  return ok_status();
}

}  // namespace kompetent::store::sqlite
