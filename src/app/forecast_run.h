// Runs a scenario over prepared municipalities: one forecast per member, summed into the
// region, regrouped to categories, services or both, with each group's base-year size.
//
//   auto run = run_forecast(members, population, setup, scenario, 2050,
//   ForecastGrouping::category);
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/forecast_members.h"
#include "app/forecast_setup.h"
#include "app/population_source.h"
#include "core/forecast/forecast_suppression.h"
#include "core/forecast/workforce_forecast.h"
#include "core/i18n/number_format.h"

namespace kompetent::app {

// "category" | "service" | "both"; invalid "invalid_parameter" {"by"} for anything else.
[[nodiscard]] Result<forecast::ForecastGrouping> parse_grouping(std::string_view text);
[[nodiscard]] std::string grouping_name(forecast::ForecastGrouping grouping);

struct ForecastRun {
  forecast::WorkforceForecast forecast;  // the members summed, regrouped
  forecast::ForecastGrouping grouping = forecast::ForecastGrouping::category;
  int to_year = 0;
  std::vector<SnapshotInfo> snapshots;  // one per member, in member order
  std::string population_source;
  std::int64_t records_without_service = 0;
  std::vector<std::int64_t> base_persons;  // per group of `forecast`
  std::vector<double> base_fte;            // per group, contracted
  // Each member's own groups in this grouping with their base-year persons (for suppression).
  std::vector<std::vector<forecast::GroupPersons>> member_groups;
};

// Fails with the scenario's validation error (validate() against the setup's categories and
// services), not_found "population_missing" {municipality} when `population` lacks a member,
// or forecast_workforce's errors. `members` must not be empty.
[[nodiscard]] Result<ForecastRun> run_forecast(std::span<const PreparedMember* const> members,
                                               const LoadedPopulation& population,
                                               const ForecastSetup& setup,
                                               const forecast::Scenario& scenario, int to_year,
                                               forecast::ForecastGrouping grouping);

// "Sykepleier", "Pleie og omsorg" or "Sykepleier / Pleie og omsorg" in `language`.
[[nodiscard]] std::string forecast_group_label(const forecast::ForecastGroupKey& key,
                                               const ForecastSetup& setup, Language language);

// The years the cumulative need is reported through: 2030, 2035, 2040, 2050 within
// (base_year, to_year], and to_year itself.
[[nodiscard]] std::vector<int> cumulative_years(int base_year, int to_year);

}  // namespace kompetent::app
