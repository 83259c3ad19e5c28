// End-to-end tests of the `kompetent` binary as a user runs it: help texts,
// the demo, an import from a file, a refused import that stores nothing, and
// the exit codes of docs/cli.md.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_binary.h"

namespace kompetent {
namespace {

namespace fs = std::filesystem;
using testing_support::run_kompetent;
using testing_support::RunResult;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kompetent-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  RunResult run(std::vector<std::string> args) { return run_kompetent(args, dir_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }

  fs::path dir_;
};

TEST_F(CliTest, EverySubcommandHasHelp) {
  RunResult top = run({"--help"});
  EXPECT_EQ(top.exit_code, 0);
  for (const char* command : {"import", "analyze", "snapshots", "demo", "org", "codes", "profile"}) {
    EXPECT_NE(top.out.find(command), std::string::npos) << command << " missing from --help";
    RunResult help = run({command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("--"), std::string::npos) << command << " --help lists no options";
  }
}

TEST_F(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run({}).exit_code, 2);
  EXPECT_EQ(run({"analyze", "--no-such-option"}).exit_code, 2);
  EXPECT_EQ(run({"import"}).exit_code, 2);  // FILE, --municipality and --date are required
}

// The demo's Nord-Troms health and care positions per municipality are those
// of table 1 in seed 003 (Regional rekrutterings- og kompetanseplan 2016–2020).
TEST_F(CliTest, DemoMatchesTableOneOfTheRegionalPlan) {
  ASSERT_EQ(run({"demo", "--db", "demo.db"}).exit_code, 0);
  RunResult analysis = run({"analyze", "--db", "demo.db", "--region", "nord-troms", "--by", "municipality",
                            "--format", "json"});
  ASSERT_EQ(analysis.exit_code, 0) << analysis.err;
  auto doc = nlohmann::json::parse(analysis.out);
  const std::map<std::string, int> table_one{{"5538", 95},  {"5540", 103}, {"5536", 225},
                                             {"5542", 144}, {"5544", 288}, {"5546", 84}};
  std::map<std::string, int> found;
  for (const auto& row : doc["rows"]) {
    if (row["municipality"].is_string()) {
      found[row["municipality"]] = row["indicators"]["positions"].get<int>();
    } else {
      EXPECT_EQ(row["indicators"]["positions"].get<int>(), 939);
    }
  }
  EXPECT_EQ(found, table_one);
  // A second demo into the same database is refused, not doubled.
  EXPECT_EQ(run({"demo", "--db", "demo.db"}).exit_code, 4);
}

// Seed 003 (2016) names Kvænangen by its pre-2020 number 1943; it became 5429
// in 2020 and 5546 in 2024 (SSB classification 131). Tysfjord (1850) was split.
TEST_F(CliTest, OldMunicipalityNumbersStillWork) {
  ASSERT_EQ(run({"demo", "--db", "demo.db"}).exit_code, 0);
  for (const char* old_number : {"1943", "5429"}) {
    RunResult r = run({"analyze", "-m", old_number, "--format", "json", "--db", "demo.db"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["rows"][0]["indicators"]["positions"], 84) << old_number;
    EXPECT_NE(r.err.find("5546"), std::string::npos) << r.err;
  }
  RunResult split = run({"analyze", "-m", "1850", "--db", "demo.db"});
  EXPECT_EQ(split.exit_code, 1);
  EXPECT_NE(split.err.find("1875"), std::string::npos) << split.err;
}

constexpr const char* kUnits =
    "Sektorkode;Sektor;Enhetskode;Enhet\n"
    "HO;Helse og omsorg;FSH;Fauske sykehjem\n"
    "HO;Helse og omsorg;HJT;Hjemmetjenesten\n";

// Five people, worked out by hand for 31.12.2025: ages 61, 45, 30, 24, 50.
constexpr const char* kGoodExport =
    "Ansattnummer;Enhet;Stillingskode;Stillingsprosent;Fødselsår;Kjønn\n"
    "A1;FSH;9451;100;1964;K\n"
    "A2;FSH;9454;80;1980;K\n"
    "A3;HJT;9454;50;1995;M\n"
    "A4;HJT;6014;40;2001;K\n"
    "A5;Hjemmetjenesten;6014;75,5;1975;K\n";

TEST_F(CliTest, ImportThenAnalyzeGivesTheHandComputedFigures) {
  write("enheter.csv", kUnits);
  write("ansatte.csv", kGoodExport);
  ASSERT_EQ(run({"org", "import", "enheter.csv", "-m", "1841", "--db", "t.db"}).exit_code, 0);
  RunResult imported = run({"import", "ansatte.csv", "-m", "1841", "-d", "31.12.2025", "--db", "t.db"});
  ASSERT_EQ(imported.exit_code, 0) << imported.out << imported.err;

  RunResult analysis = run({"analyze", "-m", "1841", "--by", "unit", "--format", "json", "--db", "t.db"});
  ASSERT_EQ(analysis.exit_code, 0) << analysis.err;
  auto rows = nlohmann::json::parse(analysis.out)["rows"];
  ASSERT_EQ(rows.size(), 3u);  // total, FSH, HJT
  const auto& total = rows[0]["indicators"];
  EXPECT_EQ(total["persons"], 5);
  EXPECT_NEAR(total["fte"].get<double>(), 3.455, 1e-9);                 // 100+80+50+40+75,5 = 345,5 %
  EXPECT_NEAR(total["average_age"].get<double>(), 42.0, 1e-9);          // (61+45+30+24+50)/5
  EXPECT_EQ(total["aged_50_plus"]["count"], 2);                          // 61 and 50
  EXPECT_EQ(total["under_25"]["count"], 1);                              // 24
  EXPECT_EQ(total["part_time"]["count"], 4);                             // all but A1
  EXPECT_EQ(total["small_positions"]["count"], 1);                       // 40 %
  EXPECT_EQ(total["female"]["count"], 4);
  EXPECT_EQ(rows[1]["unit"], "FSH");
  EXPECT_EQ(rows[1]["indicators"]["persons"], 2);
  EXPECT_EQ(rows[2]["unit"], "HJT");
  EXPECT_EQ(rows[2]["indicators"]["persons"], 3);  // unit given by code twice and by name once
}

TEST_F(CliTest, ExistingSnapshotNeedsReplace) {
  write("enheter.csv", kUnits);
  write("ansatte.csv", kGoodExport);
  ASSERT_EQ(run({"org", "import", "enheter.csv", "-m", "1841", "--db", "t.db"}).exit_code, 0);
  ASSERT_EQ(run({"import", "ansatte.csv", "-m", "1841", "-d", "31.12.2025", "--db", "t.db"}).exit_code, 0);
  EXPECT_EQ(run({"import", "ansatte.csv", "-m", "1841", "-d", "31.12.2025", "--db", "t.db"}).exit_code, 4);
  EXPECT_EQ(run({"import", "ansatte.csv", "-m", "1841", "-d", "31.12.2025", "--db", "t.db", "--replace"}).exit_code, 0);
  RunResult list = run({"snapshots", "--format", "json", "--db", "t.db"});
  auto snapshots = nlohmann::json::parse(list.out);
  ASSERT_EQ(snapshots.size(), 1u);
  EXPECT_EQ(snapshots[0]["positions"], 5);
}

TEST_F(CliTest, RefusedImportStoresNothingAndWritesTheErrorList) {
  write("enheter.csv", kUnits);
  write("feil.csv",
        "Ansattnummer;Enhet;Stillingskode;Stillingsprosent;Fødselsår;Kjønn\n"
        "A1;FSH;9451;100;1964;K\n"
        "A2;FSH;9451;120;1890;K\n"
        "A3;Ukjent enhet;9451;50;1990;K\n");
  ASSERT_EQ(run({"org", "import", "enheter.csv", "-m", "1841", "--db", "t.db"}).exit_code, 0);
  RunResult refused = run({"import", "feil.csv", "-m", "1841", "-d", "31.12.2025", "--db", "t.db",
                           "--errors", "feilliste.csv"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.out.find("Stillingsprosent"), std::string::npos) << refused.out;
  const std::string errors = testing_support::slurp(dir_ / "feilliste.csv");
  EXPECT_EQ(errors.rfind("\xEF\xBB\xBF" "row;column;code;value;message\r\n", 0), 0u) << errors;
  EXPECT_NE(errors.find("3;Stillingsprosent;percent_out_of_range;120;"), std::string::npos) << errors;
  EXPECT_NE(errors.find("3;Fødselsår;birth_year_out_of_range;1890;"), std::string::npos) << errors;
  EXPECT_NE(errors.find("4;Enhet;unknown_unit;Ukjent enhet;"), std::string::npos) << errors;
  RunResult list = run({"snapshots", "--format", "json", "--db", "t.db"});
  EXPECT_EQ(nlohmann::json::parse(list.out).size(), 0u) << "a refused import left a snapshot";
}

TEST_F(CliTest, ImportWithoutUnitsExplainsWhatToDo) {
  write("ansatte.csv", kGoodExport);
  RunResult r = run({"import", "ansatte.csv", "-m", "1841", "-d", "31.12.2025", "--db", "t.db"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("kompetent org import"), std::string::npos) << r.err;
}

TEST_F(CliTest, UnknownThingsExitWithThree) {
  EXPECT_EQ(run({"analyze", "--region", "atlantis", "--db", "t.db"}).exit_code, 3);
  EXPECT_EQ(run({"analyze", "-m", "1841", "--db", "t.db"}).exit_code, 3);  // no snapshot yet
  write("ansatte.csv", kGoodExport);
  EXPECT_EQ(run({"import", "ansatte.csv", "-m", "9999", "-d", "31.12.2025", "--db", "t.db"}).exit_code, 3);
}

TEST_F(CliTest, EnglishOnRequest) {
  RunResult r = run({"--lang", "en", "analyze", "--region", "atlantis", "--db", "t.db"});
  EXPECT_NE(r.err.find("Unknown region"), std::string::npos) << r.err;
  RunResult nb = run({"analyze", "--region", "atlantis", "--db", "t.db"});
  EXPECT_NE(nb.err.find("Ukjent region"), std::string::npos) << nb.err;
}

TEST_F(CliTest, DemoExportsReimportUnchanged) {
  ASSERT_EQ(run({"demo", "--db", "demo.db", "--export-dir", "filer"}).exit_code, 0);
  ASSERT_EQ(run({"org", "import", "filer/enheter-5546.csv", "-m", "5546", "--db", "ny.db"}).exit_code, 0);
  RunResult imported = run({"import", "filer/ansatte-5546-2025-12-31.csv", "-m", "5546", "-d", "31.12.2025",
                            "--db", "ny.db", "--profile", "standard"});
  // The standard profile has no title map and the demo has no KS codes, so it is
  // refused for every row; the demo profile lives in demo.db. Both outcomes are checked.
  EXPECT_EQ(imported.exit_code, 1);
  EXPECT_NE(imported.out.find("Stillingstittel"), std::string::npos);
  RunResult demo_profile = run({"profile", "show", "demo", "--db", "demo.db"});
  ASSERT_EQ(demo_profile.exit_code, 0);
  write("demo-profil.json", demo_profile.out);
  ASSERT_EQ(run({"profile", "save", "demo", "-f", "demo-profil.json", "--db", "ny.db"}).exit_code, 0);
  ASSERT_EQ(run({"import", "filer/ansatte-5546-2025-12-31.csv", "-m", "5546", "-d", "31.12.2025", "--db",
                 "ny.db", "--profile", "demo"}).exit_code, 0);
  auto original = nlohmann::json::parse(
      run({"analyze", "-m", "5546", "--format", "json", "--db", "demo.db"}).out)["rows"][0]["indicators"];
  auto reimported = nlohmann::json::parse(
      run({"analyze", "-m", "5546", "--format", "json", "--db", "ny.db"}).out)["rows"][0]["indicators"];
  EXPECT_EQ(original, reimported);
  EXPECT_EQ(original["positions"], 84);  // Kvænangen in table 1 of seed 003
}

}  // namespace
}  // namespace kompetent
