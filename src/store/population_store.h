// SSB's own population projection (tables 14288/14746), imported per
// municipality and alternative; where one is stored, the forecast uses it
// instead of kompetent's estimate (docs/population-projection.md).
// Interface only: store/sqlite/ implements it.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/forecast/population_series.h"
#include "core/result.h"

namespace kompetent::store {

// One stored import: a municipality and alternative, what it came from, the years.
struct PopulationImport {
  std::string municipality;  // current 4-digit number
  forecast::PopulationAlternative alternative = forecast::PopulationAlternative::main;
  std::string source;    // the file name it was imported from
  std::string table_id;  // "14288", "14746", or "" when the file did not say
  int first_year = 0;
  int last_registered_year = 0;
  int last_year = 0;
  std::chrono::sys_seconds imported_at{};
  bool operator==(const PopulationImport&) const = default;
};

class PopulationStore {
 public:
  virtual ~PopulationStore() = default;

  // Stores every series of `series`, each replacing what was imported before for
  // its municipality and alternative, all in one transaction: on any error
  // nothing changes. Persons must be whole numbers of at least 0 (SSB counts);
  // invalid "invalid_population_series" {municipality} otherwise, or when a
  // series has no years or a municipality and alternative come twice.
  virtual Status replace_population(std::span<const forecast::PopulationSeries> series,
                                    std::string_view source, std::string_view table_id) = 0;

  // The imported series of a municipality and alternative, or nullopt when none is stored.
  virtual Result<std::optional<forecast::PopulationSeries>> load_population(
      std::string_view municipality, forecast::PopulationAlternative alternative) = 0;

  // Every import, sorted by municipality, then main, low, high.
  virtual Result<std::vector<PopulationImport>> population_imports() = 0;

  // Removes the imports of `municipality`: of one alternative, or of all when
  // nullopt. not_found "population_import_not_found" {municipality} when none
  // matched.
  virtual Status remove_population(std::string_view municipality,
                                   std::optional<forecast::PopulationAlternative> alternative) = 0;
};

}  // namespace kompetent::store
