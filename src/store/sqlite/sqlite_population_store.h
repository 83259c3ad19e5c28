// store::PopulationStore on SQLite: the population_imports and
// population_projections tables (see migrations/003_forecast.sql).
#pragma once

#include "store/population_store.h"
#include "store/sqlite/connection.h"

namespace kompetent::store::sqlite {

class SqlitePopulationStore final : public PopulationStore {
 public:
  // `connection` must outlive the store.
  explicit SqlitePopulationStore(Connection& connection) : connection_(connection) {}

  Status replace_population(std::span<const forecast::PopulationSeries> series,
                            std::string_view source, std::string_view table_id) override;
  Result<std::optional<forecast::PopulationSeries>> load_population(
      std::string_view municipality, forecast::PopulationAlternative alternative) override;
  Result<std::vector<PopulationImport>> population_imports() override;
  Status remove_population(std::string_view municipality,
                           std::optional<forecast::PopulationAlternative> alternative) override;

 private:
  Connection& connection_;
};

}  // namespace kompetent::store::sqlite
