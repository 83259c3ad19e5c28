// The population projection (core/forecast/population_projection.h) on small
// populations worked out by hand; docs/population-projection.md has the formulas.
#include <gtest/gtest.h>

#include "core/forecast/population_projection.h"

namespace kompetent::forecast {
namespace {

// Three registered years (2020–2022). Ages 0–3 are the hand-worked cohorts;
// 19 and 20 carry the women for the child–woman ratio; 104 and 105+ the open age.
RegisteredPopulation three_years(const std::string& number = "9001",
                                 const std::string& county = "90") {
  RegisteredPopulation p;
  p.municipality = number;
  p.county = county;
  p.first_year = 2020;
  p.first_reliable_year = 2020;
  p.persons.assign(3, AgeProfile{});
  p.women.assign(3, AgeProfile{});
  const double ages_0_to_3[3][4] = {{10, 20, 30, 40}, {12, 11, 18, 33}, {9, 13, 10, 21}};
  const double open_age[3][2] = {{4, 2}, {3, 3}, {2, 3}};  // ages 104, 105+
  for (std::size_t y = 0; y < 3; ++y) {
    for (std::size_t a = 0; a < 4; ++a) p.persons[y][a] = ages_0_to_3[y][a];
    p.persons[y][19] = 100;
    p.persons[y][20] = 100;
    p.women[y][20] = 50;
    p.persons[y][104] = open_age[y][0];
    p.persons[y][105] = open_age[y][1];
  }
  return p;
}

double total(const AgeProfile& ages) {
  double sum = 0;
  for (double persons : ages) sum += persons;
  return sum;
}

TEST(PopulationProjection, CohortChangeRatiosAreRatiosOfSumsOverTheBasePeriod) {
  CohortChangeRatios r = cohort_change_ratios(three_years(), 2020, 2022);
  // CCR(1) = (P(1,2021) + P(1,2022)) / (P(0,2020) + P(0,2021)) = (11 + 13) / (10 + 12)
  EXPECT_DOUBLE_EQ(r.ccr[1], 24.0 / 22.0);
  EXPECT_DOUBLE_EQ(r.base_persons[1], 22.0);
  EXPECT_DOUBLE_EQ(r.ccr[2], (18.0 + 10.0) / (20.0 + 11.0));
  EXPECT_DOUBLE_EQ(r.ccr[3], (33.0 + 21.0) / (30.0 + 18.0));
  EXPECT_DOUBLE_EQ(r.ccr[4], 0.0);  // the 40 and 33 aged 3 are nowhere at 4
  EXPECT_DOUBLE_EQ(r.base_persons[4], 73.0);
  EXPECT_DOUBLE_EQ(r.ccr[20], 1.0);           // 100 + 100 at 20 from 100 + 100 at 19
  EXPECT_DOUBLE_EQ(r.base_persons[19], 0.0);  // nobody aged 18: no ratio
  // Open age: (P(105+,2021) + P(105+,2022)) / ((4 + 2) + (3 + 3)) = (3 + 3) / 12
  EXPECT_DOUBLE_EQ(r.ccr[kOldestAge], 0.5);
  // Child–woman ratio: (10 + 12 + 9) births per 3 × 50 women 15–49.
  EXPECT_DOUBLE_EQ(r.child_woman_ratio, 31.0 / 150.0);
  EXPECT_DOUBLE_EQ(r.women_share_15_49, 150.0 / 600.0);
}

TEST(PopulationProjection, OneYearOnFollowsTheCohortsAndTheOpenAge) {
  RegisteredPopulation p = three_years();
  CohortChangeRatios r = cohort_change_ratios(p, 2020, 2022);
  AgeProfile next = project_one_year(p.persons[2], r);
  EXPECT_DOUBLE_EQ(next[1], 24.0 / 22.0 * 9);
  EXPECT_DOUBLE_EQ(next[2], 28.0 / 31.0 * 13);
  EXPECT_DOUBLE_EQ(next[3], 1.125 * 10);
  EXPECT_DOUBLE_EQ(next[4], 0.0);
  EXPECT_DOUBLE_EQ(next[19], 0.0);  // ratio 0: nobody aged 18 in the base
  EXPECT_DOUBLE_EQ(next[20], 100.0);
  EXPECT_DOUBLE_EQ(next[21], 0.0);
  EXPECT_DOUBLE_EQ(next[105], 0.5 * (2 + 3));  // 104 and 105+ both feed 105+
  // Age 0: persons 15–49 are the 100 aged 20; a quarter are women → 25 × 31/150.
  EXPECT_DOUBLE_EQ(next[0], 25.0 * 31.0 / 150.0);
}

TEST(PopulationProjection, ZeroCohortsTakeTheFallbackRatio) {
  CohortChangeRatios own = cohort_change_ratios(three_years(), 2020, 2022);
  CohortChangeRatios fallback;
  fallback.ccr.fill(0.75);
  fallback.base_persons.fill(1000);
  fallback.child_woman_ratio = 0.2;
  fallback.women_share_15_49 = 0.5;
  fallback.base_women_15_49 = 1000;
  CohortChangeRatios filled = fill_missing_ratios(own, fallback, 1.0);
  EXPECT_DOUBLE_EQ(filled.ccr[19], 0.75);        // base 0 → fallback
  EXPECT_DOUBLE_EQ(filled.ccr[1], 24.0 / 22.0);  // own base 22 → kept
  EXPECT_DOUBLE_EQ(filled.ccr[4], 0.0);          // base 73 with nobody surviving is a real 0
  EXPECT_DOUBLE_EQ(filled.child_woman_ratio, 31.0 / 150.0);
  // A higher threshold also replaces thin ratios (base 22 < 30).
  EXPECT_DOUBLE_EQ(fill_missing_ratios(own, fallback, 30.0).ccr[1], 0.75);
}

TEST(PopulationProjection, AMunicipalityWithAnEmptyAgeUsesItsCountysRatio) {
  PopulationInputs inputs;
  RegisteredPopulation a = three_years("9001", "90");
  RegisteredPopulation b = three_years("9002", "90");
  for (std::size_t y = 0; y < 3; ++y) b.persons[y][18] = 10;  // 10, 10 at 18 → 100 + 100 at 19
  inputs.registered = {a, b};
  const std::vector<std::string> numbers{"9001"};
  ProjectionOptions options;
  options.base_first_year = 2020;
  options.min_base_persons = 1;  // only empty cohorts fall back
  options.calibrate = false;
  auto result = project_population(inputs, numbers, PopulationAlternative::main, 2023, options);
  ASSERT_TRUE(result.ok());
  // County CCR(19) = (2 × 100 + 2 × 100) / (2 × 10 from 9002) = 20; 9001 has nobody aged 18 → 0.
  // The county's ratio is used, but multiplies 9001's own 0 aged 18: still 0.
  EXPECT_DOUBLE_EQ(result.value()[0].sum(2023, 19, 19), 0.0);
  // Its age 1 keeps its own ratio.
  EXPECT_DOUBLE_EQ(result.value()[0].sum(2023, 1, 1), 24.0 / 22.0 * 9);

  // With someone aged 18 only in the last year the own base is 0 and the county's 20 applies.
  inputs.registered[0].persons[2][18] = 1;
  auto again = project_population(inputs, numbers, PopulationAlternative::main, 2023, options);
  ASSERT_TRUE(again.ok());
  // County: (4 × 100 at 19 in 2021–2022) / (9002's 10 + 10 at 18 in 2020–2021) = 20,
  // times 9001's 1 aged 18 in 2022.
  EXPECT_DOUBLE_EQ(again.value()[0].sum(2023, 19, 19), 20.0);
}

PopulationInputs calibrated_inputs() {
  PopulationInputs inputs;
  inputs.registered = {three_years()};
  inputs.municipal_totals["9001"] = YearlyTotals{2020, {900, 950, 1000, 1100, 1050}};
  CountyProjection county;
  county.county = "90";
  county.main = YearlyTotals{2022, {10000, 10000, 10000}};
  county.low = YearlyTotals{2022, {9500, 9000, 8500}};
  county.high = YearlyTotals{2022, {10000, 11000, 12000}};
  inputs.counties["90"] = county;
  return inputs;
}

TEST(PopulationProjection, CalibrationFollowsTheMunicipalTotalsGrowthFromTheBaseYear) {
  const PopulationInputs inputs = calibrated_inputs();
  const std::vector<std::string> numbers{"9001"};
  ProjectionOptions options;
  options.base_first_year = 2020;
  options.min_base_persons = 1;
  auto result = project_population(inputs, numbers, PopulationAlternative::main, 2024, options);
  ASSERT_TRUE(result.ok());
  const PopulationSeries& s = result.value()[0];
  EXPECT_EQ(s.first_year, 2020);
  EXPECT_EQ(s.last_registered_year, 2022);
  EXPECT_EQ(s.last_year(), 2024);
  const double base_total = total(inputs.registered[0].persons[2]);  // 9+13+10+21+200+2+3 = 258
  EXPECT_DOUBLE_EQ(base_total, 258.0);
  EXPECT_EQ(s.by_year[2], inputs.registered[0].persons[2]);  // registered years as they are
  EXPECT_NEAR(s.sum(2023, 0, kOldestAge), 258.0 * 1100 / 1000, 1e-9);
  EXPECT_NEAR(s.sum(2024, 0, kOldestAge), 258.0 * 1050 / 1000, 1e-9);
  // The shape is Hamilton–Perry's: ages keep their proportions after scaling.
  AgeProfile raw = project_one_year(inputs.registered[0].persons[2],
                                    cohort_change_ratios(inputs.registered[0], 2020, 2022));
  EXPECT_NEAR(s.sum(2023, 20, 20) / s.sum(2023, 1, 1), raw[20] / raw[1], 1e-12);
}

TEST(PopulationProjection, LowAndHighScaleMainByTheCountyRatioRelativeToTheBaseYear) {
  const PopulationInputs inputs = calibrated_inputs();
  const std::vector<std::string> numbers{"9001"};
  ProjectionOptions options;
  options.base_first_year = 2020;
  auto main = project_population(inputs, numbers, PopulationAlternative::main, 2024, options);
  auto low = project_population(inputs, numbers, PopulationAlternative::low, 2024, options);
  auto high = project_population(inputs, numbers, PopulationAlternative::high, 2024, options);
  ASSERT_TRUE(main.ok() && low.ok() && high.ok());
  // low 2023: (9000/10000) / (9500/10000) = 18/19; high 2024: 12000/10000.
  EXPECT_NEAR(low.value()[0].sum(2023, 0, 105), main.value()[0].sum(2023, 0, 105) * 18 / 19, 1e-9);
  EXPECT_NEAR(low.value()[0].sum(2023, 1, 1), main.value()[0].sum(2023, 1, 1) * 18 / 19, 1e-12);
  EXPECT_NEAR(high.value()[0].sum(2024, 0, 105), main.value()[0].sum(2024, 0, 105) * 1.2, 1e-9);
  EXPECT_EQ(low.value()[0].by_year[2], main.value()[0].by_year[2]);  // registered: unchanged
  EXPECT_EQ(low.value()[0].alternative, PopulationAlternative::low);
}

TEST(PopulationProjection, ErrorsNameTheMunicipalityOrYear) {
  const PopulationInputs inputs = calibrated_inputs();
  ProjectionOptions options;
  options.base_first_year = 2020;
  const std::vector<std::string> unknown{"1234"};
  auto a = project_population(inputs, unknown, PopulationAlternative::main, 2024, options);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error(), Error::not_found("unknown_municipality", {"1234"}));
  const std::vector<std::string> numbers{"9001"};
  auto b = project_population(inputs, numbers, PopulationAlternative::main, 2025, options);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error(), Error::invalid("projection_year_out_of_range", {"2025"}));
  options.base_first_year = 2022;  // one year is no period
  auto c = project_population(inputs, numbers, PopulationAlternative::main, 2024, options);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error(), Error::invalid("no_base_period", {"9001"}));
}

TEST(PopulationProjection, ScaleToTotalSumsToTheTotal) {
  AgeProfile ages{};
  ages[0] = 1;
  ages[7] = 2.5;
  ages[105] = 0.5;
  AgeProfile scaled = scale_to_total(ages, 10);
  EXPECT_DOUBLE_EQ(total(scaled), 10.0);
  EXPECT_DOUBLE_EQ(scaled[7], 6.25);
  EXPECT_EQ(scale_to_total(AgeProfile{}, 10), AgeProfile{});  // nobody to scale
}

TEST(PopulationProjection, SupportRatioAndYouthCohort) {
  PopulationSeries s;
  s.first_year = 2040;
  s.by_year.assign(1, AgeProfile{});
  s.by_year[0][19] = 7;  // youth cohort, not working age
  s.by_year[0][20] = 30;
  s.by_year[0][66] = 8;
  s.by_year[0][67] = 100;  // neither group
  s.by_year[0][80] = 4;
  s.by_year[0][105] = 6;
  EXPECT_DOUBLE_EQ(support_ratio(s, 2040), 38.0 / 10.0);
  EXPECT_DOUBLE_EQ(youth_cohort(s, 2040), 7.0);
  s.by_year[0][80] = s.by_year[0][105] = 0;
  EXPECT_DOUBLE_EQ(support_ratio(s, 2040), 0.0);
}

}  // namespace
}  // namespace kompetent::forecast
