#include "app/population_source.h"

#include <optional>

#include "io/reference/population_projection_loader.h"

namespace kompetent::app {
namespace {

// `estimate(numbers)` projects the municipalities that have no imported table; it is called
// only when there are some, so a scope that is all imported never reads the shipped files.
template <class Estimate>
Result<LoadedPopulation> load_population_estimating(store::Database& db,
                                                    std::span<const std::string> municipalities,
                                                    forecast::PopulationAlternative alternative,
                                                    int to_year, Estimate estimate) {
  // SSB's own table, where one is imported for the municipality and alternative and reaches
  // `to_year` (docs/population-projection.md, "Importing SSB's table"); the estimate for the rest.
  std::vector<std::optional<forecast::PopulationSeries>> imported;
  std::vector<std::string> to_estimate;
  for (const std::string& municipality : municipalities) {
    auto stored = db.population().load_population(municipality, alternative);
    if (!stored.ok()) return stored.error();
    if (stored.value() && stored.value()->last_year() >= to_year) {
      imported.push_back(std::move(stored).value());
    } else {
      imported.emplace_back();
      to_estimate.push_back(municipality);
    }
  }
  std::vector<forecast::PopulationSeries> estimated;
  if (!to_estimate.empty()) {
    auto projected = estimate(std::span<const std::string>(to_estimate));
    if (!projected.ok()) return projected.error();
    estimated = std::move(projected).value();
  }
  LoadedPopulation loaded;
  for (std::size_t i = 0; i < municipalities.size(); ++i) {
    if (imported[i]) {
      loaded.series.push_back(std::move(*imported[i]));
      continue;
    }
    for (forecast::PopulationSeries& series : estimated) {
      if (series.municipality == municipalities[i]) loaded.series.push_back(std::move(series));
    }
  }
  // "imported" only when every municipality in scope used SSB's table (the Forecast schema).
  loaded.source = to_estimate.empty() && !municipalities.empty() ? "imported" : "estimated";
  return loaded;
}

}  // namespace

Result<LoadedPopulation> load_population(store::Database& db, const std::filesystem::path& data_dir,
                                         std::span<const std::string> municipalities,
                                         forecast::PopulationAlternative alternative, int to_year) {
  return load_population_estimating(db, municipalities, alternative, to_year,
                                    [&](std::span<const std::string> numbers) {
                                      return io::load_projected_population(data_dir, numbers, alternative,
                                                                           to_year);
                                    });
}

Result<LoadedPopulation> load_population(store::Database& db, const forecast::PopulationInputs& inputs,
                                         std::span<const std::string> municipalities,
                                         forecast::PopulationAlternative alternative, int to_year) {
  return load_population_estimating(db, municipalities, alternative, to_year,
                                    [&](std::span<const std::string> numbers) {
                                      return forecast::project_population(inputs, numbers, alternative, to_year);
                                    });
}

}  // namespace kompetent::app
