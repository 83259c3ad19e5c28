// `kompetent population`: every malformed SSB table of tests/cases/population/ssb-*
// is refused through the command with exactly its expected problems and stores
// nothing; a well-formed one is stored, listed, replaced and removed. What the
// forecast does with it: population_forecast_cli_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cases/case_files.h"
#include "run_binary.h"

namespace kompetent {
namespace {

namespace fs = std::filesystem;
using testing_support::run_kompetent;
using testing_support::RunResult;

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("kompetent-population-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<fs::path> malformed_ssb_tables() {
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(cases::kCasesDir / "population")) {
    if (entry.is_directory() && entry.path().filename().string().starts_with("ssb-")) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

class MalformedSsbTable : public ::testing::TestWithParam<fs::path> {};

TEST_P(MalformedSsbTable, IsRefusedWithItsProblemsAndNothingStored) {
  const fs::path dir = fresh_dir(GetParam().filename().string());
  RunResult imported = run_kompetent(
      {"population", "import", (GetParam() / "ssb.csv").string(), "--format", "json", "--db", "t.db"}, dir);
  EXPECT_EQ(imported.exit_code, 1) << imported.err;
  std::vector<std::vector<std::string>> problems;
  const auto doc = nlohmann::json::parse(imported.out);  // kept: the loop below reads into it
  for (const auto& e : doc["errors"]) {
    problems.push_back({std::to_string(e["row"].get<int>()), e["column"].get<std::string>(),
                        e["code"].get<std::string>(), e["value"].get<std::string>()});
  }
  EXPECT_EQ(problems, cases::read_expected_rows(GetParam() / "expected-errors.csv")) << imported.out;
  RunResult list = run_kompetent({"population", "list", "--format", "json", "--db", "t.db"}, dir);
  EXPECT_EQ(nlohmann::json::parse(list.out), nlohmann::json::array());
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Cases, MalformedSsbTable, ::testing::ValuesIn(malformed_ssb_tables()),
                         cases::case_name);

TEST(PopulationCli, ImportsListsReplacesAndRemoves) {
  const fs::path dir = fresh_dir("lifecycle");
  const std::string table = (cases::kCasesDir / "population_ssb" / "fauske-14288-2025-2030.csv").string();
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"--db", "t.db"});
    return run_kompetent(args, dir);
  };
  auto listed = [&] { return nlohmann::json::parse(run({"population", "list", "--format", "json"}).out); };

  RunResult imported = run({"population", "import", table, "--format", "json"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const auto answer = nlohmann::json::parse(imported.out);
  EXPECT_EQ(answer["table"], "14288");
  EXPECT_EQ(answer["municipalities"], nlohmann::json::array({"1841"}));
  EXPECT_EQ(answer["first_year"], 2025);
  EXPECT_EQ(answer["last_year"], 2030);
  EXPECT_NE(imported.err.find("2030"), std::string::npos) << "a table ending before 2050 is pointed out";
  ASSERT_EQ(run({"population", "import", table, "--alternative", "high"}).exit_code, 1)
      << "the file has no HHMH rows";
  ASSERT_EQ(run({"population", "import", table, "--alternative", "low"}).exit_code, 0);
  ASSERT_EQ(run({"population", "import", table}).exit_code, 0);  // replaces the main one
  auto imports = listed();
  ASSERT_EQ(imports.size(), 2u);
  EXPECT_EQ(imports[0]["alternative"], "main");
  EXPECT_EQ(imports[1]["alternative"], "low");
  EXPECT_EQ(imports[0]["source"], "fauske-14288-2025-2030.csv");

  EXPECT_EQ(run({"population", "remove", "-m", "1841", "--alternative", "low"}).exit_code, 0);
  ASSERT_EQ(listed().size(), 1u);
  EXPECT_EQ(run({"population", "remove", "-m", "1841"}).exit_code, 0);
  EXPECT_EQ(listed(), nlohmann::json::array());
  RunResult again = run({"population", "remove", "-m", "1841"});
  EXPECT_EQ(again.exit_code, 3) << again.err;
  EXPECT_EQ(run({"population", "remove", "-m", "9999"}).exit_code, 3);
  EXPECT_EQ(run({"population", "import", "no-such-file.csv"}).exit_code, 5);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kompetent
