// Saved forecast scenarios as the API sees them: who may read and write a
// scenario's scope, how levers from a request become the normalised levers
// that are stored, and the one call the forecast needs to start from a saved
// scenario (GET /forecast?scenario=ID, api/handlers/forecast_handlers.cpp).
//
//   auto saved = load_saved_scenario(ctx.db, ctx.who(), ctx.server.reference.regions, id,
//                                    store::ScenarioScope{scope.municipality, scope.region});
//   if (!saved.ok()) return ctx.error(saved.error());      // 404 scenario_not_found
//   forecast::Scenario scenario = saved.value().scenario;  // then apply the query's levers
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/principal.h"
#include "core/forecast/scenario.h"
#include "core/org/municipality.h"
#include "core/result.h"
#include "store/database.h"

namespace kompetent::api {

// Who reads a scenario is who reads the forecast of its scope (indicator_access).
[[nodiscard]] bool may_read_scenario(const Principal& who, const store::ScenarioScope& scope,
                                     std::span<const Region> regions);

// Who writes one is who plans for its scope: the hr of its municipality, the
// coordinator of its region. Nobody else, administrators included.
[[nodiscard]] bool may_write_scenario(const Principal& who, const store::ScenarioScope& scope);

// The keys validate() checks task shifts and per-key levers against: the
// categories in the database and the services of data_dir/forecast/services.csv.
struct LeverKeys {
  std::vector<std::string> categories;
  std::vector<std::string> services;
};
// invalid "forecast_parameters_invalid" {file, row, column, code, value} when
// services.csv cannot be used; the store's errors otherwise.
[[nodiscard]] Result<LeverKeys> lever_keys(store::Database& db, const std::filesystem::path& data_dir);

// `levers` (a request's subset, any lever of docs/forecast.md) applied to the
// default scenario and validated, then written out with every lever
// (io::levers_json): what is stored and answered. invalid "invalid_scenario"
// (not an object), "unknown_lever", "invalid_lever_value", or validate()'s errors.
[[nodiscard]] Result<nlohmann::ordered_json> normalised_levers(const nlohmann::json& levers,
                                                               const LeverKeys& keys);

// A scenario id as written in a path or query: 1 or more, digits only.
[[nodiscard]] std::optional<std::int64_t> parse_scenario_id(std::string_view text) noexcept;

// A saved scenario ready to forecast with: its stored levers (every lever, as
// saved) and the same applied to the default scenario, named as saved.
struct LoadedScenario {
  std::int64_t id = 0;
  std::string name;
  store::ScenarioScope scope;
  nlohmann::json levers = nlohmann::json::object();  // as io::apply_levers takes them
  forecast::Scenario scenario;
};

// For the forecast (GET /forecast?scenario=ID; saved_scenario_lookup.h can answer
// with it): the saved scenario `id` if `who` may read it and, when `only_scope` is
// given, it belongs to that scope. not_found "scenario_not_found" {id} when there
// is none, when `who` may not read its scope, or when it is another scope's: the
// same answer each time, so ids of other municipalities cannot be probed. The
// store's errors otherwise; internal "stored_scenario_invalid" {id, code} if its
// levers no longer apply (a lever renamed since it was saved).
[[nodiscard]] Result<LoadedScenario> load_saved_scenario(
    store::Database& db, const Principal& who, std::span<const Region> regions, std::int64_t id,
    const std::optional<store::ScenarioScope>& only_scope = std::nullopt);

}  // namespace kompetent::api
