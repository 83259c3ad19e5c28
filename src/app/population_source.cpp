#include "app/population_source.h"

#include <optional>

#include "io/reference/population_projection_loader.h"

namespace kompetent::app {

Result<LoadedPopulation> load_population(store::Database& db, const std::filesystem::path& data_dir,
                                         std::span<const std::string> municipalities,
                                         forecast::PopulationAlternative alternative, int to_year) {
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
    auto projected = io::load_projected_population(data_dir, to_estimate, alternative, to_year);
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

}  // namespace kompetent::app
