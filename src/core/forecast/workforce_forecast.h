// The workforce forecast: demand and supply of årsverk per category and service, year by year
// to the horizon, and the recruitment need that closes the gap. A cohort model, stated in full
// with a worked example in docs/forecast.md:
//
//   prepared = prepare_workforce(staff, 2025, parameters);          // once per snapshot
//   forecast = forecast_workforce(prepared.value(), population, parameters, scenario, 2050);
//
// Pure: the same inputs always give the same numbers. Persons are aggregated into cohorts
// (category, service, birth year) once; the yearly step moves cohorts, not people. Because
// exit rates depend only on age and category, this gives exactly the expected values a
// person-by-person model would.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/forecast/exit_rates.h"
#include "core/forecast/population_series.h"
#include "core/forecast/scenario.h"
#include "core/forecast/service.h"
#include "core/result.h"

namespace kompetent::forecast {

// One person's positions in one service on the snapshot date (see forecast_staff.h).
struct StaffMember {
  int birth_year = 0;
  std::string category;
  std::string service;
  double fte = 0;  // contracted, 1.0 = full time: the sum of the person's positions in the service
  bool operator==(const StaffMember&) const = default;
};

struct ForecastParameters {
  std::vector<Service> services;
  std::map<std::string, ExitCurve> exit_curves;  // per category key: every category in the staff
  // Age profile of recruits (weights, need not sum to 1); default: docs/forecast.md.
  std::vector<AgeBandWeight> recruit_ages = default_recruit_ages();

  [[nodiscard]] static std::vector<AgeBandWeight> default_recruit_ages();
};

// The base-year staff as cohorts, ready for any number of scenarios.
struct PreparedWorkforce {
  struct Group {
    std::string category;
    std::string service;
    std::size_t service_index = 0;
    double base_fte = 0;      // contracted
    double base_persons = 0;
    std::map<int, double> persons_by_birth_year;
    std::map<int, double> fte_by_birth_year;
  };
  int base_year = 0;
  std::vector<Group> groups;  // ordered by category, then service, as first met in the staff
};

// Groups the staff into cohorts. Fails with "unknown_service" or "no_exit_rates" (a category
// without a curve in `parameters`), naming it.
[[nodiscard]] Result<PreparedWorkforce> prepare_workforce(std::span<const StaffMember> staff, int base_year,
                                                          const ForecastParameters& parameters);

// Why the need is what it is, in effective årsverk. The parts sum to the need (to rounding).
struct NeedDecomposition {
  double retirements = 0;    // staff leaving by the age-specific exit rates
  double turnover = 0;       // staff leaving for other reasons
  double demand_growth = 0;  // change in demand from the population using the service
  double demand_levers = 0;  // change in demand from productivity, staffing standards, task shifts
  double supply_levers = 0;  // change in supply from sick leave and position sizes (negative = helps)
  double surplus = 0;        // last year's surplus used up (negative), or this year's left unused
  [[nodiscard]] double sum() const noexcept {
    return retirements + turnover + demand_growth + demand_levers + supply_levers + surplus;
  }
  NeedDecomposition& operator+=(const NeedDecomposition& other) noexcept;
};

// The figures of one group (or a total) in one year. Årsverk are effective (contracted ×
// (1 − sick leave)) unless named contracted.
struct ForecastFigures {
  double demand_fte = 0;
  double supply_fte = 0;       // staff after this year's exits, before recruitment
  double gap_fte = 0;          // demand − supply; negative is a surplus
  double need_fte = 0;         // årsverk to recruit: max(0, gap)
  double need_contracted_fte = 0;
  double need_persons = 0;     // at the year's position size
  double staff_persons = 0;    // employed at the end of the year, recruits included
  NeedDecomposition decomposition;
  ForecastFigures& operator+=(const ForecastFigures& other) noexcept;
};

struct ForecastYear {
  int year = 0;
  std::vector<ForecastFigures> groups;  // parallel to WorkforceForecast::groups
  ForecastFigures total;                // sum over the groups (needs are not netted)
  double population_20_66 = 0;
  double population_80_plus = 0;
  double population_19 = 0;
  double local_recruits = 0;  // need_persons × (1 − outside_recruit_share)
  // People 20–66 per person 80+ (seed 003: 3.8 in Kvænangen by 2040); none without 80+.
  [[nodiscard]] std::optional<double> support_ratio() const noexcept;
  // Local recruits as a share of one youth cohort (persons aged 19); none without any.
  [[nodiscard]] std::optional<double> youth_cohort_share() const noexcept;
};

struct ForecastGroupKey {
  std::string category;  // empty in a forecast grouped by service
  std::string service;   // empty in a forecast grouped by category
  bool operator==(const ForecastGroupKey&) const = default;
};

struct WorkforceForecast {
  std::vector<std::string> municipalities;
  std::string scenario;
  int base_year = 0;
  std::vector<ForecastGroupKey> groups;
  ForecastYear base;               // the base year: supply = demand, no need
  std::vector<ForecastYear> years;  // base_year + 1 ... to_year

  // Σ need over base_year + 1 ... `through_year` (through_year past the horizon: the whole).
  [[nodiscard]] double cumulative_need_fte(int through_year) const noexcept;
  [[nodiscard]] double cumulative_need_persons(int through_year) const noexcept;
};

// Runs the model for one municipality from the base year to `to_year`. Fails with the
// scenario's validation error, "invalid_horizon" (to_year not after the base year or past
// 2100) or "population_too_short" (args {municipality, year}) when the series ends early.
[[nodiscard]] Result<WorkforceForecast> forecast_workforce(const PreparedWorkforce& prepared,
                                                           const PopulationSeries& population,
                                                           const ForecastParameters& parameters,
                                                           const Scenario& scenario, int to_year);

// The sum of several municipalities' forecasts (a region). Groups are the union, in first-met
// order. The region's base year is the latest of its members'; a member with an older base
// year contributes its modelled figures from that year on (its need before it is dropped).
// Fails with "forecast_years_differ" unless all end in the same year, after that base year.
[[nodiscard]] Result<WorkforceForecast> combine_forecasts(std::span<const WorkforceForecast> forecasts);

enum class ForecastGrouping { category_and_service, category, service };

// The same forecast with groups merged to categories or services (needs summed, not netted).
[[nodiscard]] WorkforceForecast regroup(const WorkforceForecast& forecast, ForecastGrouping grouping);

}  // namespace kompetent::forecast
