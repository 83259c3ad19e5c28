// Saved forecast scenarios: a name and a set of levers for one municipality or
// one region (docs/forecast.md, "Levers"). The levers are JSON text the store
// does not interpret; io/reference/scenario_json.h owns their format and api/
// normalises them before saving. Interface only: store/sqlite/ implements it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kompetent::store {

// Whose scenarios: exactly one of the two is set.
struct ScenarioScope {
  std::string municipality;  // "1841"
  std::string region;        // "salten"
  bool operator==(const ScenarioScope&) const = default;
};

struct SavedScenario {
  std::int64_t id = 0;  // set by the store
  ScenarioScope scope;
  std::string name;
  std::string levers_json;  // a JSON object, kept byte for byte
  std::string created_by;   // username
  std::chrono::sys_seconds created_at{};  // set by the store from its clock
  std::chrono::sys_seconds updated_at{};
  bool operator==(const SavedScenario&) const = default;
};

class ScenarioStore {
 public:
  virtual ~ScenarioStore() = default;

  // The scope's scenarios, sorted by name (byte order). Empty if there are none.
  virtual Result<std::vector<SavedScenario>> list_scenarios(const ScenarioScope& scope) = 0;

  // not_found "scenario_not_found" {id}.
  virtual Result<SavedScenario> find_scenario(std::int64_t id) = 0;

  // Stores `scenario` (its id and timestamps are ignored; both timestamps become
  // now) and returns the new id. conflict "scenario_name_taken" {name} when the
  // scope has a scenario of that name; invalid "invalid_scenario" when the scope
  // is not exactly one of municipality and region, the name is empty or the
  // levers are not a JSON object.
  virtual Result<std::int64_t> insert_scenario(const SavedScenario& scenario) = 0;

  // Renames the scenario and replaces its levers; updated_at becomes now. The
  // scope and creator stay. not_found "scenario_not_found" {id}; conflict
  // "scenario_name_taken" {name}; invalid "invalid_scenario" as for insert.
  virtual Status update_scenario(std::int64_t id, std::string_view name,
                                 std::string_view levers_json) = 0;

  // not_found "scenario_not_found" {id}.
  virtual Status delete_scenario(std::int64_t id) = 0;
};

}  // namespace kompetent::store
