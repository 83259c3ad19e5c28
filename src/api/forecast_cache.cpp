#include "api/forecast_cache.h"

#include <algorithm>

#include "core/calendar/date.h"
#include "io/reference/population_projection_loader.h"

namespace kompetent::api {

Result<std::shared_ptr<const app::ForecastSetup>> ForecastCache::setup(
    store::Database& db, const std::filesystem::path& data_dir) {
  // data/ does not change while the server runs, nor do the categories seeded from it.
  const std::string key = "setup:" + data_dir.string();
  if (auto hit = cache_.find<app::ForecastSetup>(key)) return hit;
  auto categories = db.reference().categories();
  if (!categories.ok()) return categories.error();
  auto loaded = app::load_forecast_setup(data_dir, categories.value());
  if (!loaded.ok()) return loaded.error();
  auto built = std::make_shared<const app::ForecastSetup>(std::move(loaded).value());
  cache_.put(key, built);
  return built;
}

Result<std::shared_ptr<const app::PreparedMember>> ForecastCache::member(
    store::Database& db, const SnapshotInfo& snapshot, const app::ForecastSetup& setup) {
  const std::string key = "member:" + snapshot.municipality.digits + '@' + to_iso(snapshot.date) +
                          '@' + snapshot.imported_at;
  if (auto hit = cache_.find<app::PreparedMember>(key)) return hit;
  auto prepared = app::prepare_member(db, snapshot, setup);
  if (!prepared.ok()) return prepared.error();
  auto built = std::make_shared<const app::PreparedMember>(std::move(prepared).value());
  cache_.put(key, built);
  return built;
}

Result<std::shared_ptr<const app::LoadedPopulation>> ForecastCache::population(
    store::Database& db, const std::filesystem::path& data_dir,
    std::span<const std::string> municipalities, forecast::PopulationAlternative alternative,
    int to_year) {
  std::string key =
      "population:" + std::to_string(static_cast<int>(alternative)) + ':' + std::to_string(to_year);
  for (const std::string& number : municipalities) key += ':' + number;
  // An imported SSB table replaces the estimate (app::load_population): name each import that
  // applies by its time, so importing or removing one gives a new key, as a snapshot does.
  auto imports = db.population().population_imports();
  if (!imports.ok()) return imports.error();
  for (const store::PopulationImport& import : imports.value()) {
    if (import.alternative != alternative) continue;
    if (std::find(municipalities.begin(), municipalities.end(), import.municipality) ==
        municipalities.end()) {
      continue;
    }
    key += '|' + import.municipality + '@' +
           std::to_string(import.imported_at.time_since_epoch().count()) + '@' +
           std::to_string(import.last_year);
  }
  if (auto hit = cache_.find<app::LoadedPopulation>(key)) return hit;
  auto inputs = population_inputs(data_dir);
  if (!inputs.ok()) return inputs.error();
  auto loaded = app::load_population(db, *inputs.value(), municipalities, alternative, to_year);
  if (!loaded.ok()) return loaded.error();
  auto built = std::make_shared<const app::LoadedPopulation>(std::move(loaded).value());
  cache_.put(key, built);
  return built;
}

Result<std::shared_ptr<const forecast::PopulationInputs>> ForecastCache::population_inputs(
    const std::filesystem::path& data_dir) {
  std::lock_guard lock(inputs_mutex_);
  if (inputs_ && inputs_dir_ == data_dir) return inputs_;
  auto read = io::load_population_inputs(data_dir);
  if (!read.ok()) return read.error();
  inputs_ = std::make_shared<const forecast::PopulationInputs>(std::move(read).value());
  inputs_dir_ = data_dir;
  return inputs_;
}

}  // namespace kompetent::api
