#include "app/population_source.h"

#include "io/reference/population_projection_loader.h"

namespace kompetent::app {

Result<LoadedPopulation> load_population(store::Database& db, const std::filesystem::path& data_dir,
                                         std::span<const std::string> municipalities,
                                         forecast::PopulationAlternative alternative, int to_year) {
  (void)db;  // the seam for imported SSB tables (see the header)
  auto series = io::load_projected_population(data_dir, municipalities, alternative, to_year);
  if (!series.ok()) return series.error();
  LoadedPopulation loaded;
  loaded.series = std::move(series).value();
  loaded.source = "estimated";
  return loaded;
}

}  // namespace kompetent::app
