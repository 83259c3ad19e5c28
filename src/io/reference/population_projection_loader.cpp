#include "io/reference/population_projection_loader.h"

#include <algorithm>
#include <map>

#include "io/reference/municipality_history_file.h"
#include "io/reference/population_files.h"
#include "io/reference/reference_files.h"

namespace kompetent::io {
namespace {

// csdata split 1507 Ålesund 50/50 between 1508 and 1580 before 2024
// (data/reference/PROVENANCE.md §2): those years must not feed their ratios.
constexpr struct {
  const char* municipality;
  int first_reliable_year;
} kUnreliableYears[] = {{"1508", 2024}, {"1580", 2024}};

Error file_error(const std::filesystem::path& file, const std::vector<ImportError>& errors) {
  const ImportError& first = errors.front();
  return Error::io("population_file_invalid", {file.string(), std::to_string(first.row),
                                               first.column, first.code, first.value});
}

}  // namespace

Result<forecast::PopulationInputs> load_population_inputs(const std::filesystem::path& data_dir) {
  const auto reference = data_dir / "reference";
  const auto municipalities_path = reference / kMunicipalitiesFile;
  auto municipalities = load_municipalities(municipalities_path);
  if (!municipalities.ok()) return file_error(municipalities_path, municipalities.errors);
  const auto history_path = data_dir / "municipality_numbers.csv";
  auto history = load_municipality_history(history_path, municipalities.value);
  if (!history.ok()) return file_error(history_path, history.errors);
  auto county_names = read_county_names(municipalities_path);
  if (!county_names.ok()) return file_error(municipalities_path, county_names.errors);

  forecast::PopulationInputs inputs;
  const auto registered_path = reference / kRegisteredPopulationFile;
  auto registered = read_registered_population(registered_path, history.value);
  if (!registered.ok()) return file_error(registered_path, registered.errors);
  const auto totals_path = reference / kMunicipalTotalsFile;
  auto totals = read_municipal_totals(totals_path, history.value);
  if (!totals.ok()) return file_error(totals_path, totals.errors);
  const auto county_path = reference / kCountyProjectionFile;
  auto counties = read_county_projection(county_path, county_names.value);
  if (!counties.ok()) return file_error(county_path, counties.errors);

  std::map<std::string, std::string> county_of;
  for (const Municipality& m : municipalities.value) county_of[m.number.digits] = m.county_number;
  for (forecast::RegisteredPopulation& p : registered.value) {
    p.county = county_of[p.municipality];
    for (const auto& unreliable : kUnreliableYears) {
      if (p.municipality == unreliable.municipality) {
        p.first_reliable_year = std::max(p.first_reliable_year, unreliable.first_reliable_year);
      }
    }
  }
  inputs.registered = std::move(registered.value);
  inputs.municipal_totals = std::move(totals.value);
  inputs.counties = std::move(counties.value);
  return inputs;
}

Result<std::vector<forecast::PopulationSeries>> load_projected_population(
    const std::filesystem::path& data_dir, std::span<const std::string> municipalities,
    forecast::PopulationAlternative alternative, int last_year) {
  auto inputs = load_population_inputs(data_dir);
  if (!inputs.ok()) return inputs.error();
  return forecast::project_population(inputs.value(), municipalities, alternative, last_year);
}

}  // namespace kompetent::io
