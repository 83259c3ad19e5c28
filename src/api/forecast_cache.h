// What a forecast request needs besides the scenario, cached so that moving a lever only runs
// the model (docs/forecast.md): the forecast parameters (loaded once), each municipality's
// prepared workforce per snapshot, and the population series per (municipalities,
// alternative, last year, the SSB imports that apply). A snapshot is named by municipality, date
// and import time, as in ViewCache, so a replaced or re-imported snapshot gets a new key and the
// old entry ages out. The shipped population tables the estimate projects from are read once,
// on the first request that needs them, and kept for the server's life. Thread-safe; a small
// LRU of shared, immutable values.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <string>

#include "api/lru_cache.h"
#include "app/forecast_members.h"
#include "app/forecast_setup.h"
#include "app/population_source.h"
#include "store/database.h"

namespace kompetent::api {

class ForecastCache {
 public:
  // 64: a region's members and a few populations, for several scopes.
  explicit ForecastCache(std::size_t capacity = 64) : cache_(capacity) {}

  // The services and exit curves of data_dir/forecast/ with the database's categories.
  [[nodiscard]] Result<std::shared_ptr<const app::ForecastSetup>> setup(
      store::Database& db, const std::filesystem::path& data_dir);
  // One municipality's prepared base-year staff from `snapshot`, prepared on a miss.
  [[nodiscard]] Result<std::shared_ptr<const app::PreparedMember>> member(
      store::Database& db, const SnapshotInfo& snapshot, const app::ForecastSetup& setup);
  // app::load_population, on a miss. The key also names the SSB imports that apply (by their
  // time), so an import or a removal is seen at once.
  [[nodiscard]] Result<std::shared_ptr<const app::LoadedPopulation>> population(
      store::Database& db, const std::filesystem::path& data_dir,
      std::span<const std::string> municipalities, forecast::PopulationAlternative alternative,
      int to_year);

 private:
  // io::load_population_inputs(data_dir), read on the first call. The lock is held while
  // reading, so requests that arrive meanwhile wait for that one read instead of each reading
  // the 11 MB themselves (under load, eight threads did exactly that). A failed read is not
  // kept: the next request tries again.
  [[nodiscard]] Result<std::shared_ptr<const forecast::PopulationInputs>> population_inputs(
      const std::filesystem::path& data_dir);

  LruCache cache_;
  std::mutex inputs_mutex_;
  std::filesystem::path inputs_dir_;                            // guarded by inputs_mutex_
  std::shared_ptr<const forecast::PopulationInputs> inputs_;  // guarded by inputs_mutex_
};

}  // namespace kompetent::api
