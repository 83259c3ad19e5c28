// `kompetent forecast` after `kompetent population import`: the forecast uses SSB's imported
// table for a municipality and alternative instead of kompetent's estimate (its support ratio
// worked out by hand from the file), and the estimate again once the table is removed.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "cases/case_files.h"
#include "run_binary.h"

namespace kompetent {
namespace {

namespace fs = std::filesystem;
using testing_support::run_kompetent;
using testing_support::RunResult;

class PopulationCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kompetent-population-forecast-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ASSERT_EQ(run({"demo", "--db", "demo.db"}).exit_code, 0);
  }
  void TearDown() override { fs::remove_all(dir_); }
  RunResult run(std::vector<std::string> args) { return run_kompetent(args, dir_); }

  // year → support ratio of Fauske's forecast to 2030.
  std::map<int, double> support_ratios(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"forecast", "-m", "1841", "--to", "2030", "--format", "json", "--db", "demo.db"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = run(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    last_forecast_ = nlohmann::json::parse(r.out, nullptr, false);
    std::map<int, double> ratios;
    if (last_forecast_.is_discarded()) return ratios;
    for (const auto& year : last_forecast_["years"]) ratios[year["year"]] = year["support_ratio"];
    return ratios;
  }

  fs::path dir_;
  nlohmann::json last_forecast_;
};

// tests/cases/population_ssb/fauske-14288-2025-2030.csv, both sexes summed: ages 20–66 are
// 10 + 10 persons (47 ages: 940); ages 80–105 are 1 + 1 + (year − 2025) persons (26 ages);
// the low alternative has one more woman at each age 80+.
double hand_support_ratio(int year, bool low = false) {
  return 940.0 / (26.0 * (2 + (year - 2025) + (low ? 1 : 0)));
}

const fs::path kFauskeTable = cases::kCasesDir / "population_ssb" / "fauske-14288-2025-2030.csv";

TEST_F(PopulationCliTest, TheForecastUsesTheImportedTable) {
  const auto estimated = support_ratios();
  ASSERT_EQ(estimated.size(), 6u);  // 2025 (base) … 2030
  EXPECT_GT(std::abs(estimated.at(2030) - hand_support_ratio(2030)), 0.5) << "the estimate is not the test table";

  RunResult imported = run({"population", "import", kFauskeTable.string(), "--db", "demo.db"});
  ASSERT_EQ(imported.exit_code, 0) << imported.out << imported.err;
  RunResult list = run({"population", "list", "--format", "json", "--db", "demo.db"});
  const auto imports = nlohmann::json::parse(list.out);
  ASSERT_EQ(imports.size(), 1u);
  EXPECT_EQ(imports[0]["municipality"], "1841");
  EXPECT_EQ(imports[0]["alternative"], "main");
  EXPECT_EQ(imports[0]["table"], "14288");
  EXPECT_EQ(imports[0]["source"], "fauske-14288-2025-2030.csv");
  EXPECT_EQ(imports[0]["first_year"], 2025);
  EXPECT_EQ(imports[0]["last_year"], 2030);

  const auto ratios = support_ratios();
  ASSERT_EQ(ratios.size(), 6u);
  for (const auto& [year, ratio] : ratios) EXPECT_NEAR(ratio, hand_support_ratio(year), 1e-9) << year;
  if (last_forecast_.contains("population_source")) EXPECT_EQ(last_forecast_["population_source"], "imported");

  // Only the main alternative was imported: the low one is still the estimate ...
  const auto low_estimated = support_ratios({"--set", "population=low"});
  EXPECT_GT(std::abs(low_estimated.at(2030) - hand_support_ratio(2030, true)), 0.5);
  // ... until it is imported too.
  ASSERT_EQ(run({"population", "import", kFauskeTable.string(), "--alternative", "low", "--db", "demo.db"}).exit_code, 0);
  for (const auto& [year, ratio] : support_ratios({"--set", "population=low"})) {
    EXPECT_NEAR(ratio, hand_support_ratio(year, true), 1e-9) << year;
  }

  // Removed, the forecast is the estimate again.
  RunResult removed = run({"population", "remove", "-m", "1841", "--db", "demo.db"});
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(support_ratios(), estimated);
  if (last_forecast_.contains("population_source")) EXPECT_EQ(last_forecast_["population_source"], "estimated");
  EXPECT_EQ(run({"population", "remove", "-m", "1841", "--db", "demo.db"}).exit_code, 3);
}

TEST_F(PopulationCliTest, ARefusedImportKeepsTheEarlierOne) {
  ASSERT_EQ(run({"population", "import", kFauskeTable.string(), "--db", "demo.db"}).exit_code, 0);
  RunResult refused = run({"population", "import",
                           (cases::kCasesDir / "population" / "ssb-missing-oldest-age" / "ssb.csv").string(), "--db",
                           "demo.db"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.out.find("5546 2030 105"), std::string::npos) << refused.out;
  for (const auto& [year, ratio] : support_ratios()) EXPECT_NEAR(ratio, hand_support_ratio(year), 1e-9) << year;
}

}  // namespace
}  // namespace kompetent
