// A forecast request from parameters to numbers: the scope, the horizon and grouping, the
// scenario (a saved one, then the levers of the query), and the groups an aggregate-only view
// withholds (docs/privacy.md, "Forecasts"). Shared by GET /forecast and GET /forecast/export
// so both show the same numbers.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/access_policy.h"
#include "api/request_context.h"
#include "app/forecast_json.h"
#include "app/forecast_run.h"
#include "app/forecast_setup.h"
#include "core/forecast/scenario.h"

namespace kompetent::api {

struct ForecastQuery {
  IndicatorScope scope;              // municipality or region, no node
  std::string label;                 // "Fauske" or "Salten"
  std::vector<std::string> members;  // the scope's municipalities
  int to_year = 2050;
  forecast::ForecastGrouping grouping = forecast::ForecastGrouping::category;
  forecast::Scenario scenario;
  std::optional<std::int64_t> scenario_id;
};

// Every query parameter not in `own` (nor municipality, region, to, by, scenario, lang) is a
// lever, applied in order after the saved scenario's. invalid "invalid_parameter" {name},
// "unknown_lever", "invalid_lever_value", validate()'s codes; not_found "unknown_municipality",
// "unknown_region", "scenario_not_found".
[[nodiscard]] Result<ForecastQuery> parse_forecast_query(RequestContext& ctx,
                                                         std::span<const std::string_view> own);

struct ForecastAnswer {
  ForecastQuery query;
  std::shared_ptr<const app::ForecastSetup> setup;
  app::ForecastRun run;
  app::ForecastPresentation presentation;  // with the withheld groups when suppressed
};

// Runs the query on each member's newest snapshot. not_found "no_snapshot" {scope label},
// "population_missing"; the model's errors.
[[nodiscard]] Result<ForecastAnswer> compute_forecast(RequestContext& ctx,
                                                      const ForecastQuery& query, bool suppress);

}  // namespace kompetent::api
