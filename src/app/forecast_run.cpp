#include "app/forecast_run.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace kompetent::app {
namespace {

forecast::ForecastGroupKey grouped_key(const forecast::PreparedWorkforce::Group& group,
                                       forecast::ForecastGrouping grouping) {
  switch (grouping) {
    case forecast::ForecastGrouping::category:
      return {group.category, ""};
    case forecast::ForecastGrouping::service:
      return {"", group.service};
    case forecast::ForecastGrouping::category_and_service:
      break;
  }
  return {group.category, group.service};
}

std::string group_key_text(const forecast::ForecastGroupKey& key) {
  return key.category + '|' + key.service;
}

}  // namespace

Result<forecast::ForecastGrouping> parse_grouping(std::string_view text) {
  if (text == "category") return forecast::ForecastGrouping::category;
  if (text == "service") return forecast::ForecastGrouping::service;
  if (text == "both") return forecast::ForecastGrouping::category_and_service;
  return Error::invalid("invalid_parameter", {"by"});
}

std::string grouping_name(forecast::ForecastGrouping grouping) {
  switch (grouping) {
    case forecast::ForecastGrouping::category:
      return "category";
    case forecast::ForecastGrouping::service:
      return "service";
    case forecast::ForecastGrouping::category_and_service:
      break;
  }
  return "both";
}

Result<ForecastRun> run_forecast(std::span<const PreparedMember* const> members,
                                 const LoadedPopulation& population, const ForecastSetup& setup,
                                 const forecast::Scenario& scenario, int to_year,
                                 forecast::ForecastGrouping grouping) {
  if (members.empty()) return Error::invalid("no_municipality");
  if (Status valid = forecast::validate(scenario, category_keys_of(setup), service_keys_of(setup));
      !valid.ok()) {
    return valid.error();
  }
  ForecastRun run;
  run.grouping = grouping;
  run.to_year = to_year;
  run.population_source = population.source;
  std::vector<forecast::WorkforceForecast> forecasts;
  forecasts.reserve(members.size());
  std::map<std::string, double> base_fte;
  for (const PreparedMember* member : members) {
    const std::string& number = member->snapshot.municipality.digits;
    const forecast::PopulationSeries* series = nullptr;
    for (const forecast::PopulationSeries& s : population.series) {
      if (s.municipality == number) series = &s;
    }
    if (!series) return Error::not_found("population_missing", {number});
    auto one = forecast::forecast_workforce(member->workforce, *series, setup.parameters, scenario,
                                            to_year);
    if (!one.ok()) return one.error();
    forecasts.push_back(std::move(one).value());
    run.snapshots.push_back(member->snapshot);
    run.records_without_service += member->records_without_service;

    std::vector<forecast::GroupPersons> own;
    for (const auto& group : member->workforce.groups) {
      const forecast::ForecastGroupKey key = grouped_key(group, grouping);
      base_fte[group_key_text(key)] += group.base_fte;
      const auto persons = static_cast<std::int64_t>(std::llround(group.base_persons));
      auto it = std::find_if(own.begin(), own.end(), [&](const auto& g) { return g.key == key; });
      if (it == own.end()) {
        own.push_back({key, persons});
      } else {
        it->persons += persons;
      }
    }
    run.member_groups.push_back(std::move(own));
  }
  auto combined = forecast::combine_forecasts(forecasts);
  if (!combined.ok()) return combined.error();
  run.forecast = forecast::regroup(combined.value(), grouping);
  for (std::size_t g = 0; g < run.forecast.groups.size(); ++g) {
    run.base_persons.push_back(
        static_cast<std::int64_t>(std::llround(run.forecast.base.groups[g].staff_persons)));
    const auto it = base_fte.find(group_key_text(run.forecast.groups[g]));
    run.base_fte.push_back(it == base_fte.end() ? 0.0 : it->second);
  }
  return run;
}

std::string forecast_group_label(const forecast::ForecastGroupKey& key, const ForecastSetup& setup,
                                 Language language) {
  std::string label;
  if (!key.category.empty()) {
    const PositionCategory* c = setup.categories.find(key.category);
    label = c ? (language == Language::en ? c->name_en : c->name_nb) : key.category;
  }
  if (!key.service.empty()) {
    const auto s = setup.services.index_of(key.service);
    const std::string name = s ? (language == Language::en ? setup.services.services()[*s].name_en
                                                           : setup.services.services()[*s].name_nb)
                               : key.service;
    label += (label.empty() ? "" : " / ") + name;
  }
  return label;
}

std::vector<int> cumulative_years(int base_year, int to_year) {
  std::vector<int> years;
  for (int milestone : {2030, 2035, 2040, 2050}) {
    if (milestone > base_year && milestone <= to_year) years.push_back(milestone);
  }
  if (to_year > base_year && (years.empty() || years.back() != to_year)) years.push_back(to_year);
  return years;
}

}  // namespace kompetent::app
