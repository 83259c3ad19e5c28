#include "app/forecast_json.h"

#include "core/calendar/date.h"
#include "core/forecast/forecast_figures.h"
#include "io/reference/scenario_json.h"

namespace kompetent::app {
namespace {

using Json = nlohmann::ordered_json;

Json optional_number_json(std::optional<double> value) {
  return value ? Json(*value) : Json(nullptr);
}
Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

bool is_withheld(const ForecastPresentation& presentation, std::size_t group) {
  return group < presentation.withheld.size() && presentation.withheld[group];
}

Json year_json(const forecast::ForecastYear& year, const ForecastPresentation& presentation) {
  Json out;
  out["year"] = year.year;
  out["total"] = forecast_figures_json(year.total);
  Json groups = Json::array();
  for (std::size_t g = 0; g < year.groups.size(); ++g) {
    groups.push_back(is_withheld(presentation, g) ? Json(nullptr)
                                                  : forecast_figures_json(year.groups[g]));
  }
  out["groups"] = std::move(groups);
  out["support_ratio"] = optional_number_json(year.support_ratio());
  out["youth_cohort_share"] = optional_number_json(year.youth_cohort_share());
  out["population_20_66"] = year.population_20_66;
  out["population_80_plus"] = year.population_80_plus;
  out["population_19"] = year.population_19;
  out["local_recruits"] = year.local_recruits;
  return out;
}

}  // namespace

Json forecast_figures_json(const forecast::ForecastFigures& figures) {
  Json out = Json::object();
  for (const forecast::FigureField& field : forecast::kForecastFigureFields) {
    out[std::string(field.name)] = field.value(figures);
  }
  return out;
}

Json forecast_json(const ForecastRun& run, const ForecastSetup& setup,
                   const forecast::Scenario& scenario, const ForecastPresentation& presentation) {
  const forecast::WorkforceForecast& result = run.forecast;
  Json out;
  Json scope = Json::object();
  if (!presentation.municipality.empty()) scope["municipality"] = presentation.municipality;
  if (!presentation.region.empty()) scope["region"] = presentation.region;
  scope["label"] = presentation.label;
  out["scope"] = std::move(scope);
  Json municipalities = Json::array();
  Json snapshots = Json::array();
  for (const SnapshotInfo& info : run.snapshots) {
    municipalities.push_back(info.municipality.digits);
    snapshots.push_back({{"municipality", info.municipality.digits}, {"date", to_iso(info.date)}});
  }
  out["municipalities"] = std::move(municipalities);
  out["snapshots"] = std::move(snapshots);
  out["scenario"] = {
      {"id", presentation.scenario_id ? Json(*presentation.scenario_id) : Json(nullptr)},
      {"name", scenario.name},
      {"levers", io::levers_json(scenario)}};
  out["base_year"] = result.base_year;
  out["to_year"] = run.to_year;
  out["by"] = grouping_name(run.grouping);
  out["suppressed"] = presentation.suppressed;
  out["min_group"] = presentation.min_group;
  out["population_source"] = run.population_source;

  Json groups = Json::array();
  for (std::size_t g = 0; g < result.groups.size(); ++g) {
    const forecast::ForecastGroupKey& key = result.groups[g];
    const bool withheld = is_withheld(presentation, g);
    groups.push_back({{"category", text_or_null(key.category)},
                      {"service", text_or_null(key.service)},
                      {"label", forecast_group_label(key, setup, presentation.language)},
                      {"base_persons", withheld ? Json(nullptr) : Json(run.base_persons[g])},
                      {"base_fte", withheld ? Json(nullptr) : Json(run.base_fte[g])},
                      {"withheld", withheld}});
  }
  out["groups"] = std::move(groups);

  Json years = Json::array();
  years.push_back(year_json(result.base, presentation));
  for (const forecast::ForecastYear& year : result.years)
    years.push_back(year_json(year, presentation));
  out["years"] = std::move(years);

  Json cumulative = Json::array();
  for (int through : cumulative_years(result.base_year, run.to_year)) {
    forecast::NeedDecomposition parts;
    double persons = 0;
    double fte = 0;
    for (const forecast::ForecastYear& year : result.years) {
      if (year.year > through) continue;
      parts += year.total.decomposition;
      persons += year.total.need_persons;
      fte += year.total.need_fte;
    }
    cumulative.push_back({{"through", through},
                          {"need_fte", fte},
                          {"need_persons", persons},
                          {"retirements", parts.retirements},
                          {"turnover", parts.turnover},
                          {"demand_growth", parts.demand_growth},
                          {"demand_levers", parts.demand_levers},
                          {"supply_levers", parts.supply_levers},
                          {"surplus", parts.surplus}});
  }
  out["cumulative"] = std::move(cumulative);
  out["records_without_service"] = run.records_without_service;
  return out;
}

}  // namespace kompetent::app
