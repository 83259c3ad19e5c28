// The population readers and the loader against the real files: the three SSB
// tables shipped in data/reference/ (counts as data/reference/PROVENANCE.md
// states them) and SSB-format exports in tests/cases/population_ssb/ (made from
// the shipped file's numbers for 5536 Lyngen and 5546 Kvænangen, 2025–2026, in
// the statistics bank's long ';' layout and PxWebApi's wide ',' layout).
// Expected numbers come from independent awk/python over the same files; the
// command is beside each.
#include "io/reference/population_files.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "cases/case_files.h"
#include "core/forecast/population_projection.h"
#include "io/reference/municipality_history_file.h"
#include "io/reference/population_projection_loader.h"
#include "io/reference/population_ssb_table.h"
#include "io/reference/reference_files.h"

namespace kompetent {
namespace {

namespace fs = std::filesystem;
using forecast::PopulationAlternative;
const fs::path kReference = cases::kDataDir / "reference";
const fs::path kSsbDir = fs::path(KOMPETENT_SOURCE_DIR) / "tests" / "cases" / "population_ssb";

class PopulationFiles : public testing::Test {
 protected:
  void SetUp() override {
    auto municipalities = io::load_municipalities(kReference / io::kMunicipalitiesFile);
    ASSERT_TRUE(municipalities.ok());
    auto history =
        io::load_municipality_history(cases::kDataDir / "municipality_numbers.csv", municipalities.value);
    ASSERT_TRUE(history.ok());
    history_ = std::move(history.value);
  }
  MunicipalityHistory history_;
};

const forecast::PopulationSeries* find(const std::vector<forecast::PopulationSeries>& all,
                                       const std::string& number) {
  for (const auto& s : all) {
    if (s.municipality == number) return &s;
  }
  return nullptr;
}

TEST_F(PopulationFiles, RegisteredSingleYearFileHasEveryMunicipalityAgeAndYear) {
  auto loaded =
      io::read_registered_population(kReference / io::kRegisteredPopulationFile, history_);
  ASSERT_TRUE(loaded.ok()) << loaded.errors.front().code;
  // PROVENANCE.md: 454 104 rows = 357 municipalities × 12 years × 106 ages.
  ASSERT_EQ(loaded.value.size(), 357u);
  double national_2026 = 0;
  double national_2024 = 0;
  for (const auto& p : loaded.value) {
    ASSERT_EQ(p.first_year, 2015);
    ASSERT_EQ(p.last_year(), 2026);
    national_2026 +=
        forecast::PopulationSeries{p.municipality, {}, 2015, 2026, p.persons}.sum(2026, 0, 105);
    national_2024 +=
        forecast::PopulationSeries{p.municipality, {}, 2015, 2026, p.persons}.sum(2024, 0, 105);
  }
  EXPECT_DOUBLE_EQ(national_2026, 5627400.0);  // PROVENANCE.md §1
  EXPECT_DOUBLE_EQ(national_2024, 5550203.0);
  // awk -F';' '$1=="5546" && $2=="2026" && $3>=15 && $3<=49 {s+=$4} END {print s}'
  // data/reference/folkemengde_kommune_ettarig_alder_2015_2026.csv
  const auto& kvaenangen = *std::find_if(loaded.value.begin(), loaded.value.end(),
                                         [](const auto& p) { return p.municipality == "5546"; });
  double women_15_49 = 0;
  for (int age = 15; age <= 49; ++age)
    women_15_49 += kvaenangen.women[11][static_cast<std::size_t>(age)];
  EXPECT_DOUBLE_EQ(women_15_49, 178.0);
}

// The target municipalities' file of ../shared/data/reference (PROVENANCE.md §3, not shipped):
// the same reader takes its extra columns, and its 2020–2026 rows equal the shipped file's.
TEST_F(PopulationFiles, TargetMunicipalitiesFileOfTheSharedDataAgreesWithTheShippedOne) {
  const fs::path shared = fs::path(KOMPETENT_SOURCE_DIR) / ".." / "shared" / "data" / "reference" /
                          "folkemengde_malkommuner_ettarig_alder_2005_2026.csv";
  if (!fs::exists(shared)) GTEST_SKIP() << "no " << shared;
  auto targets = io::read_registered_population(shared, history_);
  ASSERT_TRUE(targets.ok()) << targets.errors.front().code;
  ASSERT_EQ(targets.value.size(), 17u);  // 39 644 rows = 17 × 22 years × 106 ages
  auto shipped =
      io::read_registered_population(kReference / io::kRegisteredPopulationFile, history_);
  ASSERT_TRUE(shipped.ok());
  for (const auto& t : targets.value) {
    ASSERT_EQ(t.first_year, 2005);
    ASSERT_EQ(t.last_year(), 2026);
    const auto& s = *std::find_if(shipped.value.begin(), shipped.value.end(),
                                  [&](const auto& p) { return p.municipality == t.municipality; });
    for (int year = 2020; year <= 2026; ++year) {
      EXPECT_EQ(t.persons[static_cast<std::size_t>(year - 2005)],
                s.persons[static_cast<std::size_t>(year - 2015)])
          << t.municipality << " " << year;
    }
  }
}

TEST_F(PopulationFiles, MunicipalTotalsRunFrom2000To2050) {
  auto loaded = io::read_municipal_totals(kReference / io::kMunicipalTotalsFile, history_);
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded.value.size(), 357u);  // 18 207 rows = 357 × 51 years
  double national_2050 = 0;
  for (const auto& [number, totals] : loaded.value) {
    ASSERT_EQ(totals.first_year, 2000) << number;
    ASSERT_EQ(totals.by_year.size(), 51u) << number;
    national_2050 += totals.at(2050);
  }
  // python: sum(folkemengde where aar == 2050) over the totals file
  EXPECT_DOUBLE_EQ(national_2050, 6114899.0);
  EXPECT_DOUBLE_EQ(loaded.value.at("5546").at(2026), 1220.0);
  EXPECT_DOUBLE_EQ(loaded.value.at("5546").at(2030), 1248.0);
}

TEST_F(PopulationFiles, CountyProjectionMapsSamiNamesToCountyNumbers) {
  auto names = io::read_county_names(kReference / io::kMunicipalitiesFile);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(names.value.size(), 15u);
  auto loaded = io::read_county_projection(kReference / io::kCountyProjectionFile, names.value);
  ASSERT_TRUE(loaded.ok()) << loaded.errors.front().code << " " << loaded.errors.front().value;
  ASSERT_EQ(loaded.value.size(), 15u);
  const auto& troms = loaded.value.at("55");  // "Troms - Romsa - Tromssa" vs "Troms-Romssa"
  EXPECT_EQ(troms.main.first_year, 2024);
  EXPECT_EQ(troms.main.by_year.size(), 27u);  // 27 rows, 2024–2050
  EXPECT_DOUBLE_EQ(troms.main.at(2050), 175548.0);
  EXPECT_DOUBLE_EQ(troms.low.at(2050), 152923.0);
  EXPECT_DOUBLE_EQ(troms.high.at(2050), 197891.0);
  // PROVENANCE.md §4: the county's main alternative is the sum of its municipalities' totals.
  auto totals = io::read_municipal_totals(kReference / io::kMunicipalTotalsFile, history_);
  ASSERT_TRUE(totals.ok());
  double troms_2030 = 0;
  for (const auto& [number, t] : totals.value) {
    if (number.rfind("55", 0) == 0) troms_2030 += t.at(2030);
  }
  EXPECT_DOUBLE_EQ(troms_2030, troms.main.at(2030));
  EXPECT_DOUBLE_EQ(troms_2030, 173237.0);
}

TEST_F(PopulationFiles, SsbLongExportGivesTheSupportRatioAnIndependentCalculationGives) {
  auto loaded = io::read_ssb_population_table(kSsbDir / "long-semicolon-07459.csv", history_,
                                              PopulationAlternative::main);
  ASSERT_TRUE(loaded.ok()) << loaded.errors.front().row << " " << loaded.errors.front().code;
  ASSERT_EQ(loaded.value.size(), 2u);
  const auto* kvaenangen = find(loaded.value, "5546");
  ASSERT_NE(kvaenangen, nullptr);
  EXPECT_EQ(kvaenangen->first_year, 2025);
  EXPECT_EQ(kvaenangen->last_year(), 2026);
  // awk -F';' 'NR>3 { gsub(/"/,""); split($1,r," "); split($3,a," ");
  //   if (r[1]=="5546" && $5=="2026") { if (a[1]>=20 && a[1]<=66) w+=$6; if (a[1]>=80) o+=$6 } }
  //   END { print w, o, w/o }' tests/cases/population_ssb/long-semicolon-07459.csv
  // → 641 102 6.28431
  EXPECT_DOUBLE_EQ(kvaenangen->sum(2026, 20, 66), 641.0);
  EXPECT_DOUBLE_EQ(kvaenangen->sum(2026, 80, 105), 102.0);
  EXPECT_DOUBLE_EQ(forecast::support_ratio(*kvaenangen, 2026), 641.0 / 102.0);
  // Men and women are summed: Lyngen 2025 equals the shipped file's i_alt.
  // awk -F';' '$1=="5536" && $2=="2025" {s+=$6} END {print s}'
  // data/reference/folkemengde_kommune_ettarig_alder_2015_2026.csv
  EXPECT_DOUBLE_EQ(find(loaded.value, "5536")->sum(2025, 0, 105), 2734.0);
}

TEST_F(PopulationFiles, SsbWideExportPicksTheAlternativeAskedFor) {
  auto main = io::read_ssb_population_table(kSsbDir / "wide-comma-14288.csv", history_,
                                            PopulationAlternative::main);
  auto low = io::read_ssb_population_table(kSsbDir / "wide-comma-14288.csv", history_,
                                           PopulationAlternative::low);
  ASSERT_TRUE(main.ok() && low.ok());
  ASSERT_EQ(main.value.size(), 2u);
  const auto* m = find(main.value, "5546");
  const auto* l = find(low.value, "5546");
  ASSERT_TRUE(m != nullptr && l != nullptr);
  EXPECT_EQ(l->alternative, PopulationAlternative::low);
  // The fixture's LLML 2025 column is MMMM minus one person at age 30.
  EXPECT_DOUBLE_EQ(m->sum(2025, 30, 30) - l->sum(2025, 30, 30), 1.0);
  EXPECT_DOUBLE_EQ(m->sum(2026, 0, 105), l->sum(2026, 0, 105));
  EXPECT_DOUBLE_EQ(forecast::support_ratio(*m, 2026), 641.0 / 102.0);  // same numbers as above
}

TEST(PopulationProjectionLoader, ProjectsFromTheShippedFiles) {
  const auto started = std::chrono::steady_clock::now();
  auto inputs = io::load_population_inputs(cases::kDataDir);
  ASSERT_TRUE(inputs.ok()) << inputs.error().code;
  const auto read = std::chrono::steady_clock::now();
  std::vector<std::string> all;
  for (const auto& p : inputs.value().registered) all.push_back(p.municipality);
  auto projected =
      forecast::project_population(inputs.value(), all, PopulationAlternative::main, 2050);
  ASSERT_TRUE(projected.ok());
  const auto done = std::chrono::steady_clock::now();
  std::printf("read %.0f ms, projected 357 municipalities to 2050 in %.1f ms\n",
              std::chrono::duration<double, std::milli>(read - started).count(),
              std::chrono::duration<double, std::milli>(done - read).count());

  const auto* kvaenangen = find(projected.value(), "5546");
  ASSERT_NE(kvaenangen, nullptr);
  EXPECT_EQ(kvaenangen->last_registered_year, 2026);
  EXPECT_DOUBLE_EQ(kvaenangen->sum(2026, 0, 105), 1125.0);  // registered, as it is
  // Calibrated to SSB's growth from 2026: 1125 × 1248 / 1220 (totals file, 2030 and 2026).
  EXPECT_NEAR(kvaenangen->sum(2030, 0, 105), 1125.0 * 1248 / 1220, 1e-9);
  EXPECT_NEAR(kvaenangen->sum(2050, 0, 105), 1125.0 * 1245 / 1220, 1e-9);
  // 1508/1580 start their base in 2024 (PROVENANCE.md §2) and still project.
  ASSERT_NE(find(projected.value(), "1580"), nullptr);

  // Low and high: main × (Troms LLML / MMMM in 2050) / (the same in 2026).
  const std::vector<std::string> one{"5546"};
  auto low = forecast::project_population(inputs.value(), one, PopulationAlternative::low, 2050);
  ASSERT_TRUE(low.ok());
  // python over the county file: LLML/MMMM 2050 = 152923/175548; 2026 = 169942/171826
  EXPECT_NEAR(low.value()[0].sum(2050, 0, 105),
              kvaenangen->sum(2050, 0, 105) * (152923.0 / 175548) / (169942.0 / 171826), 1e-9);

  auto same = io::load_projected_population(cases::kDataDir, one, PopulationAlternative::main, 2040);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same.value()[0].by_year,
            std::vector<forecast::AgeProfile>(kvaenangen->by_year.begin(),
                                              kvaenangen->by_year.begin() + 26));
}

}  // namespace
}  // namespace kompetent
