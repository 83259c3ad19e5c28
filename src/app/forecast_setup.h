// The forecast's shipped parameters, loaded once for any number of runs: the services and the
// rules that put records in them (data/forecast/services.csv) and the exit curves
// (data/forecast/exit_rates.csv), as docs/forecast.md describes them.
#pragma once

#include <filesystem>

#include "core/forecast/service.h"
#include "core/forecast/workforce_forecast.h"
#include "core/result.h"
#include "core/workforce/position_category.h"

namespace kompetent::app {

struct ForecastSetup {
  forecast::ServiceTable services;
  forecast::ForecastParameters parameters;  // services and an exit curve per category
  CategoryTable categories;
};

// Reads data_dir/forecast/services.csv and exit_rates.csv. invalid "forecast_parameters_invalid"
// {file, row, column, code, value} for the first problem of the first file that has one.
[[nodiscard]] Result<ForecastSetup> load_forecast_setup(const std::filesystem::path& data_dir,
                                                        const CategoryTable& categories);

// The category keys and the service keys, as validate() takes them.
[[nodiscard]] std::vector<std::string> category_keys_of(const ForecastSetup& setup);
[[nodiscard]] std::vector<std::string> service_keys_of(const ForecastSetup& setup);

}  // namespace kompetent::app
