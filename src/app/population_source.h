// THE place the forecast gets its population from: one function, so where it comes from can
// change in one spot: SSB's own table where one is imported into the store ("imported"),
// otherwise kompetent's own projection from the shipped SSB tables ("estimated";
// docs/population-projection.md).
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/forecast/population_projection.h"
#include "core/forecast/population_series.h"
#include "core/result.h"
#include "store/database.h"

namespace kompetent::app {

struct LoadedPopulation {
  std::vector<forecast::PopulationSeries> series;  // one per municipality asked for, in that order
  std::string source = "estimated";  // "estimated" | "imported" (the Forecast schema's)
};

// The population of each of `municipalities` (4-digit numbers) by age, from the registered
// years to `to_year`, under `alternative`. Errors as io::load_projected_population
// ("population_file_invalid", "unknown_municipality", "projection_year_out_of_range", …).
// An SSB table imported into `db` (store/population_store.h) for a municipality and
// `alternative` that reaches `to_year` is used as it is, the estimate otherwise; `source` is
// "imported" when every municipality used one. The store's errors too.
[[nodiscard]] Result<LoadedPopulation> load_population(store::Database& db,
                                                       const std::filesystem::path& data_dir,
                                                       std::span<const std::string> municipalities,
                                                       forecast::PopulationAlternative alternative,
                                                       int to_year);

// The same, projecting from shipped tables already read (io::load_population_inputs, ~11 MB
// and ~0.3 s to read): for a caller that loads population more than once, as the server does.
[[nodiscard]] Result<LoadedPopulation> load_population(store::Database& db,
                                                       const forecast::PopulationInputs& inputs,
                                                       std::span<const std::string> municipalities,
                                                       forecast::PopulationAlternative alternative,
                                                       int to_year);

}  // namespace kompetent::app
