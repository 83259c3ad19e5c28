// forecast_batch gives, job for job, exactly what forecast_workforce gives, on any number of
// threads, and a failing job does not stop the others.
#include <gtest/gtest.h>

#include <cstring>

#include "core/forecast/forecast_batch.h"

namespace kompetent::forecast {
namespace {

constexpr int kBatchBaseYear = 2025;

ForecastParameters batch_parameters() {
  ForecastParameters parameters;
  ExitCurve curve{};
  for (int age = 55; age <= kOldestAge; ++age) curve[static_cast<std::size_t>(age)] = age >= 70 ? 1.0 : 0.02 * (age - 54);
  parameters.exit_curves = {{"sykepleier", curve}, {"helsefagarbeider", curve}};
  parameters.services = {{"pleie_omsorg", "P", "P", {{0, 66, 0.02}, {67, kOldestAge, 0.5}}}};
  return parameters;
}

PopulationSeries batch_population(const std::string& municipality, double growth) {
  PopulationSeries population{municipality, PopulationAlternative::main, kBatchBaseYear,
                              kBatchBaseYear, {}};
  AgeProfile ages{};
  for (std::size_t age = 0; age < kAgeCount; ++age) ages[age] = 50 + static_cast<double>(age % 7);
  for (int year = kBatchBaseYear; year <= 2050; ++year) {
    population.by_year.push_back(ages);
    for (double& persons : ages) persons *= 1 + growth;
  }
  return population;
}

bool bitwise_equal(const WorkforceForecast& a, const WorkforceForecast& b) {
  if (a.groups != b.groups || a.years.size() != b.years.size()) return false;
  for (std::size_t y = 0; y < a.years.size(); ++y) {
    const ForecastYear& x = a.years[y];
    const ForecastYear& z = b.years[y];
    if (x.groups.size() != z.groups.size() || std::memcmp(&x.total, &z.total, sizeof x.total) != 0) return false;
    for (std::size_t g = 0; g < x.groups.size(); ++g) {
      if (std::memcmp(&x.groups[g], &z.groups[g], sizeof x.groups[g]) != 0) return false;
    }
  }
  return true;
}

TEST(ForecastBatch, EqualsForecastWorkforceOnAnyNumberOfThreads) {
  const ForecastParameters parameters = batch_parameters();
  std::vector<PreparedWorkforce> prepared;
  std::vector<PopulationSeries> populations;
  for (int m = 0; m < 5; ++m) {
    std::vector<StaffMember> staff;
    for (int i = 0; i < 10 + 7 * m; ++i) {
      staff.push_back({1958 + (i * 7 + m) % 45, i % 3 ? "sykepleier" : "helsefagarbeider", "pleie_omsorg",
                       0.4 + 0.1 * (i % 6)});
    }
    prepared.push_back(prepare_workforce(staff, kBatchBaseYear, parameters).value());
    populations.push_back(batch_population("18" + std::to_string(40 + m), 0.01 * (m - 2)));
  }
  std::vector<Scenario> scenarios(3);
  scenarios[1].turnover.default_value = 0.1;
  scenarios[1].position_size = PositionSizeTarget{0.9, 2032};
  scenarios[2].task_shifts = {{"sykepleier", "helsefagarbeider", 0.2, ""}};
  scenarios[2].retirement_age_shift = 1.5;
  std::vector<ForecastJob> jobs;
  for (const Scenario& scenario : scenarios) {
    for (std::size_t m = 0; m < prepared.size(); ++m) jobs.push_back({&prepared[m], &populations[m], &scenario});
  }
  for (unsigned threads : {0u, 1u, 2u, 7u, 64u}) {
    const auto results = forecast_batch(jobs, parameters, 2050, threads);
    ASSERT_EQ(results.size(), jobs.size());
    for (std::size_t j = 0; j < jobs.size(); ++j) {
      auto alone = forecast_workforce(*jobs[j].prepared, *jobs[j].population, parameters, *jobs[j].scenario, 2050);
      ASSERT_TRUE(alone.ok() && results[j].ok()) << "job " << j;
      EXPECT_TRUE(bitwise_equal(results[j].value(), alone.value())) << "job " << j << ", " << threads << " threads";
    }
  }
}

TEST(ForecastBatch, AFailingJobKeepsItsErrorInPlace) {
  const ForecastParameters parameters = batch_parameters();
  const std::vector<StaffMember> staff{{1970, "sykepleier", "pleie_omsorg", 1.0}};
  const PreparedWorkforce prepared = prepare_workforce(staff, kBatchBaseYear, parameters).value();
  const PopulationSeries population = batch_population("1841", 0);
  Scenario bad;
  bad.turnover.default_value = 2;  // out of range
  const Scenario good;
  const std::vector<ForecastJob> jobs{{&prepared, &population, &good}, {&prepared, &population, &bad},
                                      {&prepared, &population, &good}};
  const auto results = forecast_batch(jobs, parameters, 2040, 2);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].ok());
  ASSERT_FALSE(results[1].ok());
  EXPECT_EQ(results[1].error().code, "scenario_value_out_of_range");
  EXPECT_TRUE(results[2].ok());
  EXPECT_TRUE(forecast_batch({}, parameters, 2040, 2).empty());
}

}  // namespace
}  // namespace kompetent::forecast
