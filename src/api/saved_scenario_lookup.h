// Where GET /forecast finds the saved scenario named by `?scenario=<id>`: the one function the
// forecast asks, answered from the saved scenarios (api/saved_scenarios.h, ScenarioStore).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "api/access_policy.h"
#include "api/request_context.h"
#include "core/result.h"

namespace kompetent::api {

struct SavedScenarioStart {
  std::int64_t id = 0;
  std::string name;
  nlohmann::json levers = nlohmann::json::object();  // as io::apply_levers takes them
};

// The saved scenario `id` of `scope` (a scenario of another municipality or region does not
// count, nor one the user may not read); not_found "scenario_not_found" {id} when there is none.
[[nodiscard]] Result<SavedScenarioStart> find_saved_scenario(RequestContext& ctx,
                                                             const IndicatorScope& scope,
                                                             std::int64_t id);

}  // namespace kompetent::api
