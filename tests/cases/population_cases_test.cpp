// Runs every folder of tests/cases/population (see its README.md) through the
// population readers and compares their errors with expected-errors.csv.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "cases/case_files.h"
#include "io/reference/municipality_history_file.h"
#include "io/reference/population_files.h"
#include "io/reference/population_ssb_table.h"
#include "io/reference/reference_files.h"

namespace kompetent {
namespace {

namespace fs = std::filesystem;
const fs::path kPopulationCasesDir = cases::kCasesDir / "population";

std::vector<fs::path> population_cases() {
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(kPopulationCasesDir)) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

std::vector<std::vector<std::string>> as_rows(const std::vector<io::ImportError>& errors) {
  std::vector<std::vector<std::string>> rows;
  for (const io::ImportError& e : errors) {
    rows.push_back({std::to_string(e.row), e.column, e.code, e.value});
  }
  return rows;
}

class PopulationCase : public testing::TestWithParam<fs::path> {};

TEST_P(PopulationCase, ReportsExactlyTheExpectedErrors) {
  const fs::path dir = GetParam();
  auto municipalities =
      io::load_municipalities(cases::kDataDir / "reference" / "kommuner_2024_med_folkemengde.csv");
  ASSERT_TRUE(municipalities.ok());
  auto history =
      io::load_municipality_history(cases::kDataDir / "municipality_numbers.csv", municipalities.value);
  ASSERT_TRUE(history.ok());
  auto counties =
      io::read_county_names(cases::kDataDir / "reference" / "kommuner_2024_med_folkemengde.csv");
  ASSERT_TRUE(counties.ok());

  std::vector<io::ImportError> errors;
  bool value_empty = false;
  if (fs::exists(dir / "registered.csv")) {
    auto r = io::read_registered_population(dir / "registered.csv", history.value);
    errors = r.errors;
    value_empty = r.value.empty();
  } else if (fs::exists(dir / "totals.csv")) {
    auto r = io::read_municipal_totals(dir / "totals.csv", history.value);
    errors = r.errors;
    value_empty = r.value.empty();
  } else if (fs::exists(dir / "county.csv")) {
    auto r = io::read_county_projection(dir / "county.csv", counties.value);
    errors = r.errors;
    value_empty = r.value.empty();
  } else if (fs::exists(dir / "ssb.csv")) {
    auto r = io::read_ssb_population_table(dir / "ssb.csv", history.value,
                                           forecast::PopulationAlternative::main);
    errors = r.errors;
    value_empty = r.value.empty();
  } else {
    FAIL() << "no input in " << dir;
  }
  EXPECT_EQ(as_rows(errors), cases::read_expected_rows(dir / "expected-errors.csv"))
      << "case " << dir.filename();
  EXPECT_TRUE(value_empty) << "a refused file must load nothing";
}

INSTANTIATE_TEST_SUITE_P(Cases, PopulationCase, testing::ValuesIn(population_cases()), cases::case_name);

}  // namespace
}  // namespace kompetent
