// Sums over forecasts: per-year totals, cumulative need, regions (several municipalities) and
// coarser groups. Needs are summed, never netted: a surplus of teachers does not cover a
// shortage of nurses, nor a surplus in one municipality a shortage in the next.
#include <algorithm>

#include "core/forecast/workforce_forecast.h"

namespace kompetent::forecast {
namespace {

std::size_t group_index(std::vector<ForecastGroupKey>& groups, const ForecastGroupKey& key) {
  auto it = std::find(groups.begin(), groups.end(), key);
  if (it != groups.end()) return static_cast<std::size_t>(it - groups.begin());
  groups.push_back(key);
  return groups.size() - 1;
}

// Adds `from`'s groups into `into` (whose groups are `into_groups`), mapped by `key_of`.
template <class KeyOf>
void add_year(ForecastYear& into, std::vector<ForecastGroupKey>& into_groups, const ForecastYear& from,
              const std::vector<ForecastGroupKey>& from_groups, KeyOf key_of) {
  for (std::size_t g = 0; g < from.groups.size(); ++g) {
    const std::size_t i = group_index(into_groups, key_of(from_groups[g]));
    if (into.groups.size() <= i) into.groups.resize(i + 1);
    into.groups[i] += from.groups[g];
  }
}

// A member's figures for `year`: its base year's row, or the model's row for a later year.
const ForecastYear& member_row(const WorkforceForecast& forecast, int year) {
  if (year == forecast.base_year) return forecast.base;
  return forecast.years[static_cast<std::size_t>(year - forecast.base_year - 1)];
}

}  // namespace

NeedDecomposition& NeedDecomposition::operator+=(const NeedDecomposition& other) noexcept {
  retirements += other.retirements;
  turnover += other.turnover;
  demand_growth += other.demand_growth;
  demand_levers += other.demand_levers;
  supply_levers += other.supply_levers;
  surplus += other.surplus;
  return *this;
}

ForecastFigures& ForecastFigures::operator+=(const ForecastFigures& other) noexcept {
  demand_fte += other.demand_fte;
  supply_fte += other.supply_fte;
  gap_fte += other.gap_fte;
  need_fte += other.need_fte;
  need_contracted_fte += other.need_contracted_fte;
  need_persons += other.need_persons;
  staff_persons += other.staff_persons;
  decomposition += other.decomposition;
  return *this;
}

std::optional<double> ForecastYear::support_ratio() const noexcept {
  if (population_80_plus <= 0) return std::nullopt;
  return population_20_66 / population_80_plus;
}

std::optional<double> ForecastYear::youth_cohort_share() const noexcept {
  if (population_19 <= 0) return std::nullopt;
  return local_recruits / population_19;
}

double WorkforceForecast::cumulative_need_fte(int through_year) const noexcept {
  double sum = 0;
  for (const ForecastYear& year : years) {
    if (year.year <= through_year) sum += year.total.need_fte;
  }
  return sum;
}

double WorkforceForecast::cumulative_need_persons(int through_year) const noexcept {
  double sum = 0;
  for (const ForecastYear& year : years) {
    if (year.year <= through_year) sum += year.total.need_persons;
  }
  return sum;
}

Result<WorkforceForecast> combine_forecasts(std::span<const WorkforceForecast> forecasts) {
  if (forecasts.empty()) return Error::invalid("no_municipality");
  // The region starts in its members' latest base year: a member whose newest snapshot is
  // older is carried forward to it by the model (docs/forecast.md, "Regions").
  int base_year = forecasts.front().base_year;
  for (const WorkforceForecast& forecast : forecasts) base_year = std::max(base_year, forecast.base_year);
  const auto last_year = [](const WorkforceForecast& f) { return f.years.empty() ? f.base_year : f.years.back().year; };
  const int to_year = last_year(forecasts.front());
  if (to_year <= base_year) return Error::invalid("forecast_years_differ");
  WorkforceForecast out;
  out.scenario = forecasts.front().scenario;
  out.base_year = base_year;
  out.base.year = base_year;
  out.years.resize(static_cast<std::size_t>(to_year - base_year));
  for (std::size_t y = 0; y < out.years.size(); ++y) out.years[y].year = base_year + 1 + static_cast<int>(y);
  for (const WorkforceForecast& forecast : forecasts) {
    if (last_year(forecast) != to_year) return Error::invalid("forecast_years_differ");
    out.municipalities.insert(out.municipalities.end(), forecast.municipalities.begin(), forecast.municipalities.end());
    auto same = [](const ForecastGroupKey& key) { return key; };
    std::vector<ForecastGroupKey> groups = out.groups;
    add_year(out.base, groups, member_row(forecast, base_year), forecast.groups, same);
    for (ForecastYear& year : out.years) {
      groups = out.groups;
      add_year(year, groups, member_row(forecast, year.year), forecast.groups, same);
    }
    out.groups = groups;
    auto add_totals = [](ForecastYear& into, const ForecastYear& from) {
      into.total += from.total;
      into.population_20_66 += from.population_20_66;
      into.population_80_plus += from.population_80_plus;
      into.population_19 += from.population_19;
      into.local_recruits += from.local_recruits;
    };
    add_totals(out.base, member_row(forecast, base_year));
    for (ForecastYear& year : out.years) add_totals(year, member_row(forecast, year.year));
  }
  // Years in which a later municipality added groups leave earlier years short.
  out.base.groups.resize(out.groups.size());
  for (ForecastYear& year : out.years) year.groups.resize(out.groups.size());
  return out;
}

WorkforceForecast regroup(const WorkforceForecast& forecast, ForecastGrouping grouping) {
  if (grouping == ForecastGrouping::category_and_service) return forecast;
  auto key_of = [grouping](const ForecastGroupKey& key) {
    return grouping == ForecastGrouping::category ? ForecastGroupKey{key.category, ""}
                                                  : ForecastGroupKey{"", key.service};
  };
  WorkforceForecast out = forecast;
  out.groups.clear();
  auto regroup_year = [&](ForecastYear& year) {
    std::vector<ForecastFigures> old = std::move(year.groups);
    year.groups.clear();
    ForecastYear source;
    source.groups = std::move(old);
    add_year(year, out.groups, source, forecast.groups, key_of);
  };
  regroup_year(out.base);
  for (ForecastYear& year : out.years) regroup_year(year);
  return out;
}

}  // namespace kompetent::forecast
