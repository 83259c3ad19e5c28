// A forecast as the API's `Forecast` object (docs/openapi.yaml), also what
// `kompetent forecast --format json` prints, so both give the same numbers in the same shape.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/forecast_run.h"
#include "core/forecast/scenario.h"

namespace kompetent::app {

// What the numbers alone do not say: whose forecast, which scenario, and what is withheld.
struct ForecastPresentation {
  std::string municipality;                 // set for a municipality
  std::string region;                       // set for a region
  std::string label;                        // "Fauske" or "Salten"
  std::optional<std::int64_t> scenario_id;  // the saved scenario started from
  bool suppressed = false;
  int min_group = 5;
  std::vector<bool> withheld;  // per group of the run; empty: none
  Language language = Language::nb;
};

// The `Forecast` object. A withheld group has `withheld: true`, null base figures and null in
// every year's `groups`; totals, population figures and the cumulative need are always given.
[[nodiscard]] nlohmann::ordered_json forecast_json(const ForecastRun& run,
                                                   const ForecastSetup& setup,
                                                   const forecast::Scenario& scenario,
                                                   const ForecastPresentation& presentation);

// One `ForecastFigures` object: each figure of core/forecast/forecast_figures.h, in its order.
[[nodiscard]] nlohmann::ordered_json forecast_figures_json(
    const forecast::ForecastFigures& figures);

}  // namespace kompetent::app
