// Properties of the forecast model over random staff, exit curves, populations and scenarios
// (the hand-computed cases are in tests/cases/forecast/). Seeds are fixed, so a failure
// repeats; the message names the seed.
#include <gtest/gtest.h>

#include <random>

#include "core/forecast/workforce_forecast.h"

namespace kompetent::forecast {
namespace {

constexpr int kBaseYear = 2025;
constexpr int kRuns = 150;
const std::vector<std::string> kCategories{"sykepleier", "helsefagarbeider", "laerer"};

struct World {
  ForecastParameters parameters;
  PopulationSeries population;
  std::vector<StaffMember> staff;
  Scenario scenario;
};

// Curves rise with age (as real ones do), so moving them later never raises an exit rate.
ExitCurve random_curve(std::mt19937& rng, bool no_exits) {
  ExitCurve curve{};
  if (no_exits) return curve;
  std::uniform_real_distribution<double> step(0, 0.08);
  double rate = 0;
  for (int age = 50; age <= kOldestAge; ++age) {
    rate = age >= 70 ? 1.0 : std::min(1.0, rate + step(rng));
    curve[static_cast<std::size_t>(age)] = rate;
  }
  return curve;
}

World random_world(unsigned seed, bool no_exits = false, bool flat_population = false) {
  std::mt19937 rng(seed);
  World w;
  for (const std::string& category : kCategories) w.parameters.exit_curves[category] = random_curve(rng, no_exits);
  w.parameters.services = {{"pleie_omsorg", "P", "P", {{0, 66, 0.02}, {67, 79, 0.1}, {80, kOldestAge, 0.5}}},
                           {"skole", "S", "S", {{6, 15, 1}}}};
  std::uniform_real_distribution<double> unit(0, 1);
  w.population.municipality = "1841";
  w.population.first_year = kBaseYear;
  AgeProfile ages{};
  for (auto& persons : ages) persons = 20 + 80 * unit(rng);
  const double growth_old = flat_population ? 0 : -0.02 + 0.06 * unit(rng);
  const double growth_young = flat_population ? 0 : -0.03 + 0.05 * unit(rng);
  for (int year = kBaseYear; year <= 2050; ++year) {
    w.population.by_year.push_back(ages);
    for (int age = 0; age <= kOldestAge; ++age) ages[static_cast<std::size_t>(age)] *= 1 + (age >= 67 ? growth_old : growth_young);
  }
  const int people = 1 + static_cast<int>(unit(rng) * 40);
  std::uniform_int_distribution<int> birth(1956, 2004), category(0, 2), service(0, 1);
  for (int i = 0; i < people; ++i) {
    w.staff.push_back({birth(rng), kCategories[static_cast<std::size_t>(category(rng))],
                       service(rng) == 0 ? "pleie_omsorg" : "skole", 0.2 + 0.8 * unit(rng)});
  }
  w.scenario.turnover = {no_exits ? 0 : 0.15 * unit(rng), {}};
  w.scenario.sick_leave = {0.05 + 0.1 * unit(rng), 0, 2030};
  w.scenario.sick_leave.to = w.scenario.sick_leave.from;
  return w;
}

WorkforceForecast run(const World& w, const Scenario& scenario, int to_year = 2040) {
  auto prepared = prepare_workforce(w.staff, kBaseYear, w.parameters);
  EXPECT_TRUE(prepared.ok());
  auto forecast = forecast_workforce(prepared.value(), w.population, w.parameters, scenario, to_year);
  EXPECT_TRUE(forecast.ok()) << (forecast.ok() ? "" : forecast.error().code);
  return forecast.ok() ? forecast.value() : WorkforceForecast{};
}

TEST(WorkforceForecast, NoExitsAndFlatPopulationNeedNothing) {
  for (unsigned seed = 0; seed < kRuns; ++seed) {
    const World w = random_world(seed, /*no_exits=*/true, /*flat_population=*/true);
    const WorkforceForecast f = run(w, w.scenario, 2050);
    ASSERT_EQ(f.years.size(), 25u);
    for (const ForecastYear& year : f.years) {
      EXPECT_NEAR(year.total.need_fte, 0, 1e-9) << "seed " << seed << " year " << year.year;
      EXPECT_NEAR(year.total.gap_fte, 0, 1e-9) << "seed " << seed << " year " << year.year;
    }
  }
}

TEST(WorkforceForecast, DecompositionSumsToNeed) {
  for (unsigned seed = 0; seed < kRuns; ++seed) {
    World w = random_world(seed);
    std::mt19937 rng(seed + 1000);
    std::uniform_real_distribution<double> unit(0, 1);
    w.scenario.productivity_per_year = -0.01 + 0.03 * unit(rng);
    w.scenario.staffing_change.default_value = -0.1 + 0.3 * unit(rng);
    w.scenario.sick_leave.to = 0.2 * unit(rng);
    w.scenario.position_size = PositionSizeTarget{0.5 + 0.5 * unit(rng), 2032};
    w.scenario.task_shifts = {{"sykepleier", "helsefagarbeider", 0.3 * unit(rng), ""}};
    const WorkforceForecast f = run(w, w.scenario);
    for (const ForecastYear& year : f.years) {
      for (std::size_t g = 0; g < year.groups.size(); ++g) {
        EXPECT_NEAR(year.groups[g].decomposition.sum(), year.groups[g].need_fte, 1e-9) << "seed " << seed;
        EXPECT_GE(year.groups[g].need_fte, 0);
      }
      EXPECT_NEAR(year.total.decomposition.sum(), year.total.need_fte, 1e-9) << "seed " << seed;
    }
  }
}

TEST(WorkforceForecast, DoublingTurnoverNeverLowersTheNeed) {
  for (unsigned seed = 0; seed < kRuns; ++seed) {
    const World w = random_world(seed);
    Scenario doubled = w.scenario;
    doubled.turnover.default_value *= 2;
    const WorkforceForecast once = run(w, w.scenario), twice = run(w, doubled);
    for (int year = kBaseYear + 1; year <= 2040; ++year) {
      EXPECT_GE(twice.cumulative_need_fte(year) + 1e-9, once.cumulative_need_fte(year)) << "seed " << seed << " through " << year;
    }
  }
}

TEST(WorkforceForecast, LongerHorizonNeverLowersCumulativeNeed) {
  for (unsigned seed = 0; seed < kRuns; ++seed) {
    const World w = random_world(seed);
    const WorkforceForecast shorter = run(w, w.scenario, 2030), longer = run(w, w.scenario, 2050);
    EXPECT_GE(longer.cumulative_need_fte(2050), shorter.cumulative_need_fte(2030)) << "seed " << seed;
    EXPECT_GE(longer.cumulative_need_persons(2050), shorter.cumulative_need_persons(2030)) << "seed " << seed;
    // The common years are the same: the horizon does not change the path.
    EXPECT_NEAR(longer.cumulative_need_fte(2030), shorter.cumulative_need_fte(2030), 1e-9) << "seed " << seed;
  }
}

TEST(WorkforceForecast, LargerPositionSizeNeverRaisesNeedInPersons) {
  for (unsigned seed = 0; seed < kRuns; ++seed) {
    const World w = random_world(seed);
    Scenario small = w.scenario, large = w.scenario;
    small.position_size = PositionSizeTarget{0.6, 2030};
    large.position_size = PositionSizeTarget{0.9, 2030};
    const WorkforceForecast a = run(w, small), b = run(w, large);
    EXPECT_LE(b.cumulative_need_persons(2040), a.cumulative_need_persons(2040) + 1e-9) << "seed " << seed;
  }
}

// Each lever moves the cumulative need the way docs/forecast.md says.
TEST(WorkforceForecast, EachLeverMovesTheNeedTheDocumentedWay) {
  struct Lever {
    const char* name;
    void (*apply)(Scenario&);
    int direction;  // +1: never lowers the need; -1: never raises it
  };
  const Lever levers[] = {
      {"productivity up", [](Scenario& s) { s.productivity_per_year = 0.01; }, -1},
      {"staffing standard up", [](Scenario& s) { s.staffing_change.default_value = 0.1; }, +1},
      {"staffing standard down", [](Scenario& s) { s.staffing_change.default_value = -0.1; }, -1},
      {"sick leave up", [](Scenario& s) { s.sick_leave.to = s.sick_leave.from + 0.05; }, +1},
      {"sick leave down", [](Scenario& s) { s.sick_leave.to = s.sick_leave.from / 2; }, -1},
      {"retire later", [](Scenario& s) { s.retirement_age_shift = 2; }, -1},
      {"retire earlier", [](Scenario& s) { s.retirement_age_shift = -2; }, +1},
      {"turnover up", [](Scenario& s) { s.turnover.default_value += 0.05; }, +1},
      {"turnover of one category up", [](Scenario& s) { s.turnover.by_key["sykepleier"] = 0.3; }, +1},
  };
  for (unsigned seed = 0; seed < kRuns; ++seed) {
    const World w = random_world(seed);
    const double base = run(w, w.scenario).cumulative_need_fte(2040);
    for (const Lever& lever : levers) {
      Scenario changed = w.scenario;
      lever.apply(changed);
      const double moved = run(w, changed).cumulative_need_fte(2040);
      if (lever.direction > 0) EXPECT_GE(moved + 1e-9, base) << lever.name << ", seed " << seed;
      else EXPECT_LE(moved, base + 1e-9) << lever.name << ", seed " << seed;
    }
  }
}

TEST(WorkforceForecast, OutsideRecruitsLowerTheYouthShareOnly) {
  const World w = random_world(7);
  Scenario local = w.scenario, outside = w.scenario;
  local.outside_recruit_share = 0;
  outside.outside_recruit_share = 0.5;
  const WorkforceForecast a = run(w, local), b = run(w, outside);
  EXPECT_DOUBLE_EQ(a.cumulative_need_fte(2040), b.cumulative_need_fte(2040));
  const ForecastYear& year = a.years.back();
  ASSERT_TRUE(year.youth_cohort_share().has_value());
  EXPECT_NEAR(*b.years.back().youth_cohort_share(), *year.youth_cohort_share() / 2, 1e-12);
}

TEST(WorkforceForecast, RefusesBadInput) {
  const World w = random_world(3);
  auto prepared = prepare_workforce(w.staff, kBaseYear, w.parameters);
  ASSERT_TRUE(prepared.ok());
  Scenario bad = w.scenario;
  bad.sick_leave.to = 8;  // a percent typed where a fraction belongs
  auto r = forecast_workforce(prepared.value(), w.population, w.parameters, bad, 2040);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "scenario_value_out_of_range");
  EXPECT_EQ(r.error().args, (std::vector<std::string>{"sick_leave.to", "8"}));
  auto short_series = forecast_workforce(prepared.value(), w.population, w.parameters, w.scenario, 2051);
  ASSERT_FALSE(short_series.ok());
  EXPECT_EQ(short_series.error().code, "population_too_short");
  const std::vector<StaffMember> unknown{{1980, "lege", "skole", 1.0}};
  auto no_curve = prepare_workforce(unknown, kBaseYear, w.parameters);
  ASSERT_FALSE(no_curve.ok());
  EXPECT_EQ(no_curve.error().code, "no_exit_rates");
}

TEST(WorkforceForecast, RegionSumsItsMunicipalities) {
  const World a = random_world(11), b = random_world(12);
  const WorkforceForecast fa = run(a, a.scenario), fb = run(b, b.scenario);
  const std::vector<WorkforceForecast> both{fa, fb};
  auto region = combine_forecasts(both);
  ASSERT_TRUE(region.ok());
  EXPECT_NEAR(region.value().cumulative_need_fte(2040), fa.cumulative_need_fte(2040) + fb.cumulative_need_fte(2040), 1e-9);
  EXPECT_NEAR(region.value().years[3].population_80_plus, fa.years[3].population_80_plus + fb.years[3].population_80_plus, 1e-9);
  const WorkforceForecast by_category = regroup(region.value(), ForecastGrouping::category);
  EXPECT_LE(by_category.groups.size(), kCategories.size());
  double need = 0;
  for (const ForecastFigures& g : by_category.years[5].groups) need += g.need_fte;
  EXPECT_NEAR(need, region.value().years[5].total.need_fte, 1e-9);
}

// A member whose newest snapshot is a year older is carried forward to the region's base year:
// the region starts in 2026 and each of its years is the two members' figures for that year.
TEST(WorkforceForecast, RegionStartsInItsMembersLatestBaseYear) {
  const World a = random_world(21), b = random_world(22);
  const WorkforceForecast fa = run(a, a.scenario, 2050);  // base 2025
  auto prepared_b = prepare_workforce(b.staff, kBaseYear + 1, b.parameters);
  ASSERT_TRUE(prepared_b.ok());
  auto fb = forecast_workforce(prepared_b.value(), b.population, b.parameters, b.scenario, 2050);
  ASSERT_TRUE(fb.ok());
  const std::vector<WorkforceForecast> both{fa, fb.value()};
  auto region = combine_forecasts(both);
  ASSERT_TRUE(region.ok()) << region.error().code;
  EXPECT_EQ(region.value().base_year, kBaseYear + 1);
  ASSERT_EQ(region.value().years.size(), std::size_t{2050 - kBaseYear - 1});
  EXPECT_EQ(region.value().years.front().year, kBaseYear + 2);
  // fa.years[0] is 2026 (the region's base), fa.years[1] is 2027 (the region's first year).
  EXPECT_NEAR(region.value().base.total.demand_fte, fa.years[0].total.demand_fte + fb.value().base.total.demand_fte, 1e-9);
  EXPECT_NEAR(region.value().years[0].total.need_fte, fa.years[1].total.need_fte + fb.value().years[0].total.need_fte, 1e-9);
  // 2026's need in the older member is before the region's start, so not in its cumulative need.
  EXPECT_NEAR(region.value().cumulative_need_fte(2050),
              fa.cumulative_need_fte(2050) - fa.years[0].total.need_fte + fb.value().cumulative_need_fte(2050), 1e-9);
  // Different horizons cannot be summed.
  auto shorter = forecast_workforce(prepared_b.value(), b.population, b.parameters, b.scenario, 2040);
  ASSERT_TRUE(shorter.ok());
  const std::vector<WorkforceForecast> mixed{fa, shorter.value()};
  EXPECT_EQ(combine_forecasts(mixed).error().code, "forecast_years_differ");
}

TEST(Scenario, SetLeverParsesNamesAndValues) {
  Scenario s;
  EXPECT_TRUE(set_lever(s, "turnover.sykepleier", "0,12").ok());
  EXPECT_DOUBLE_EQ(s.turnover.at("sykepleier"), 0.12);
  EXPECT_DOUBLE_EQ(s.turnover.at("laerer"), 0.06);
  EXPECT_TRUE(set_lever(s, "task_shift", "sykepleier:helsefagarbeider:0.2:pleie_omsorg").ok());
  ASSERT_EQ(s.task_shifts.size(), 1u);
  EXPECT_EQ(s.task_shifts[0].service, "pleie_omsorg");
  EXPECT_TRUE(set_lever(s, "population", "high").ok());
  EXPECT_EQ(s.population, PopulationAlternative::high);
  EXPECT_EQ(set_lever(s, "no_such_lever", "1").error().code, "unknown_lever");
  EXPECT_EQ(set_lever(s, "turnover", "ten").error().code, "invalid_lever_value");
  EXPECT_EQ(set_lever(s, "phase_in_until", "2030.5").error().code, "invalid_lever_value");
}

TEST(Scenario, ValidateNamesTheLeverAndValue) {
  const std::vector<std::string> categories{"sykepleier", "helsefagarbeider"}, services{"pleie_omsorg"};
  Scenario s;
  EXPECT_TRUE(validate(s, categories, services).ok());
  s.task_shifts = {{"sykepleier", "helsefagarbeider", 0.7, ""}, {"sykepleier", "helsefagarbeider", 0.4, ""}};
  EXPECT_EQ(validate(s, categories, services).error().code, "task_shift_over_100_percent");
  s.task_shifts = {{"sykepleier", "lege", 0.1, ""}};
  EXPECT_EQ(validate(s, categories, services).error(), Error::invalid("unknown_category", {"lege"}));
  s.task_shifts.clear();
  s.turnover.by_key["sykepleier"] = 0.9;
  EXPECT_EQ(validate(s, categories, services).error(),
            Error::invalid("scenario_value_out_of_range", {"turnover.sykepleier", "0.9"}));
}

TEST(YearPath, MovesInAStraightLineThenHolds) {
  const YearPath path{0.10, 0.06, 2029};
  EXPECT_DOUBLE_EQ(path.at(2025, 2025), 0.10);
  EXPECT_DOUBLE_EQ(path.at(2027, 2025), 0.08);
  EXPECT_DOUBLE_EQ(path.at(2029, 2025), 0.06);
  EXPECT_DOUBLE_EQ(path.at(2040, 2025), 0.06);
}

}  // namespace
}  // namespace kompetent::forecast
