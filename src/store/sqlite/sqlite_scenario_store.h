// store::ScenarioStore on SQLite: the forecast_scenarios table
// (see migrations/003_forecast.sql).
#pragma once

#include "store/scenario_store.h"
#include "store/sqlite/connection.h"

namespace kompetent::store::sqlite {

class SqliteScenarioStore final : public ScenarioStore {
 public:
  // `connection` must outlive the store.
  explicit SqliteScenarioStore(Connection& connection) : connection_(connection) {}

  Result<std::vector<SavedScenario>> list_scenarios(const ScenarioScope& scope) override;
  Result<SavedScenario> find_scenario(std::int64_t id) override;
  Result<std::int64_t> insert_scenario(const SavedScenario& scenario) override;
  Status update_scenario(std::int64_t id, std::string_view name,
                         std::string_view levers_json) override;
  Status delete_scenario(std::int64_t id) override;

 private:
  Connection& connection_;
};

}  // namespace kompetent::store::sqlite
