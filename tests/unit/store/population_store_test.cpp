// store::PopulationStore on SQLite: an imported series comes back cell for
// cell; importing again replaces it; several series go in all or nothing.
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace kompetent::store::testing {
namespace {

using forecast::PopulationAlternative;
using forecast::PopulationSeries;

// Years first_year..last_year, persons = year * 1000 + age + offset.
PopulationSeries series(std::string municipality, PopulationAlternative alternative, int first_year,
                        int last_year, int offset = 0) {
  PopulationSeries s;
  s.municipality = std::move(municipality);
  s.alternative = alternative;
  s.first_year = first_year;
  s.last_registered_year = first_year;
  for (int year = first_year; year <= last_year; ++year) {
    forecast::AgeProfile ages{};
    for (int age = 0; age <= forecast::kOldestAge; ++age) {
      ages[static_cast<std::size_t>(age)] = year * 1000 + age + offset;
    }
    s.by_year.push_back(ages);
  }
  return s;
}

bool same(const PopulationSeries& a, const PopulationSeries& b) {
  return a.municipality == b.municipality && a.alternative == b.alternative &&
         a.first_year == b.first_year && a.last_registered_year == b.last_registered_year &&
         a.by_year == b.by_year;
}

class PopulationStoreTest : public StoreTest {
 protected:
  PopulationStore& population() { return database().population(); }
  std::optional<PopulationSeries> load(const std::string& municipality,
                                       PopulationAlternative alternative) {
    auto loaded = population().load_population(municipality, alternative);
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().code);
    return loaded.ok() ? loaded.value() : std::nullopt;
  }
};

TEST_F(PopulationStoreTest, ReturnsTheImportedSeriesCellForCell) {
  const std::vector<PopulationSeries> imported{
      series("5546", PopulationAlternative::main, 2024, 2050),
      series("5546", PopulationAlternative::low, 2024, 2050, 7),
      series("1841", PopulationAlternative::main, 2025, 2030)};
  ASSERT_TRUE(population().replace_population(imported, "14288.csv", "14288").ok());
  for (const PopulationSeries& s : imported) {
    auto loaded = load(s.municipality, s.alternative);
    ASSERT_TRUE(loaded);
    EXPECT_TRUE(same(*loaded, s)) << s.municipality;
  }
  EXPECT_FALSE(load("5546", PopulationAlternative::high));
  EXPECT_FALSE(load("1840", PopulationAlternative::main));
  EXPECT_TRUE(database().integrity_check().ok());
}

TEST_F(PopulationStoreTest, ListsTheImportsByMunicipalityThenAlternative) {
  ASSERT_TRUE(population()
                  .replace_population(std::vector{series("5546", PopulationAlternative::high, 2024, 2050),
                                                  series("5546", PopulationAlternative::main, 2024, 2050)},
                                      "a.csv", "14288")
                  .ok());
  ASSERT_TRUE(population()
                  .replace_population(std::vector{series("1841", PopulationAlternative::main, 2025, 2030)},
                                      "b.xlsx", "")
                  .ok());
  auto listed = population().population_imports();
  ASSERT_TRUE(listed.ok());
  const std::vector<PopulationImport> expected{
      {"1841", PopulationAlternative::main, "b.xlsx", "", 2025, 2025, 2030, kNow},
      {"5546", PopulationAlternative::main, "a.csv", "14288", 2024, 2024, 2050, kNow},
      {"5546", PopulationAlternative::high, "a.csv", "14288", 2024, 2024, 2050, kNow}};
  EXPECT_EQ(listed.value(), expected);
}

TEST_F(PopulationStoreTest, ImportingAgainReplacesOnlyThatAlternative) {
  ASSERT_TRUE(population()
                  .replace_population(std::vector{series("5546", PopulationAlternative::main, 2024, 2050),
                                                  series("5546", PopulationAlternative::low, 2024, 2050)},
                                      "old.csv", "14288")
                  .ok());
  const PopulationSeries shorter = series("5546", PopulationAlternative::main, 2026, 2040, 3);
  ASSERT_TRUE(population().replace_population(std::vector{shorter}, "new.csv", "14746").ok());
  auto main = load("5546", PopulationAlternative::main);
  ASSERT_TRUE(main);
  EXPECT_TRUE(same(*main, shorter));
  auto low = load("5546", PopulationAlternative::low);
  ASSERT_TRUE(low);
  EXPECT_EQ(low->first_year, 2024);
  EXPECT_TRUE(database().integrity_check().ok());
}

TEST_F(PopulationStoreTest, AnyBadSeriesStoresNothing) {
  PopulationSeries fraction = series("1840", PopulationAlternative::main, 2025, 2030);
  fraction.by_year[2][40] = 12.5;
  PopulationSeries negative = series("1840", PopulationAlternative::main, 2025, 2030);
  negative.by_year[0][0] = -1;
  PopulationSeries empty = series("1840", PopulationAlternative::main, 2025, 2030);
  empty.by_year.clear();
  const PopulationSeries good = series("1841", PopulationAlternative::main, 2025, 2030);
  for (const PopulationSeries& bad : {fraction, negative, empty, good}) {
    auto replaced = population().replace_population(std::vector{good, bad}, "x.csv", "14288");
    ASSERT_FALSE(replaced.ok());
    EXPECT_EQ(replaced.error().code, "invalid_population_series");
  }
  auto listed = population().population_imports();
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed.value().empty());
}

TEST_F(PopulationStoreTest, RemovesOneAlternativeOrAll) {
  ASSERT_TRUE(population()
                  .replace_population(std::vector{series("5546", PopulationAlternative::main, 2024, 2030),
                                                  series("5546", PopulationAlternative::low, 2024, 2030),
                                                  series("5546", PopulationAlternative::high, 2024, 2030),
                                                  series("1841", PopulationAlternative::main, 2024, 2030)},
                                      "x.csv", "14288")
                  .ok());
  ASSERT_TRUE(population().remove_population("5546", PopulationAlternative::low).ok());
  EXPECT_FALSE(load("5546", PopulationAlternative::low));
  EXPECT_TRUE(load("5546", PopulationAlternative::main));
  ASSERT_TRUE(population().remove_population("5546", std::nullopt).ok());
  EXPECT_FALSE(load("5546", PopulationAlternative::main));
  EXPECT_FALSE(load("5546", PopulationAlternative::high));
  EXPECT_TRUE(load("1841", PopulationAlternative::main));
  auto again = population().remove_population("5546", std::nullopt);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::not_found);
  EXPECT_EQ(again.error().code, "population_import_not_found");
  EXPECT_EQ(again.error().args, std::vector<std::string>{"5546"});
  // No orphaned rows: the cascade removed them with their import.
  EXPECT_TRUE(database().integrity_check().ok());
}

}  // namespace
}  // namespace kompetent::store::testing
