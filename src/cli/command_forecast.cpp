// kompetent forecast: the recruitment need of a municipality or a region to 2030/2035/2040/2050
// under a scenario (docs/forecast.md), from each municipality's newest snapshot.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "core/forecast/forecast_staff.h"
#include "core/forecast/workforce_forecast.h"
#include "io/reference/forecast_parameters.h"
#include "io/reference/population_projection_loader.h"
#include "io/reference/scenario_json.h"

namespace kompetent::cli {
namespace {

using forecast::ForecastFigures;
using forecast::ForecastYear;
using forecast::WorkforceForecast;

struct ForecastOptions {
  std::vector<std::string> municipalities;
  std::string region;
  int to_year = 2050;
  std::string scenario_file;
  std::vector<std::string> set;
  std::string by = "category";
  std::string format = "table";
};

constexpr int kMilestones[] = {2030, 2035, 2040, 2050};

// A scenario file is one JSON object of lever names (as for --set) to values
// (io/reference/scenario_json.h).
Result<forecast::Scenario> read_scenario(const std::string& path) {
  forecast::Scenario scenario;
  std::ifstream in(path);
  if (!in) return Error::io("cannot_open_file", {path});
  const nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return Error::invalid("invalid_scenario_file", {path});
  if (auto applied = io::apply_levers(scenario, doc); !applied.ok()) return applied.error();
  return scenario;
}

Result<std::vector<MunicipalityNumber>> scope_of(const ForecastOptions& options, const Environment& env) {
  auto listed = env.municipalities_of(options.region, options.municipalities);
  if (!listed.ok()) return listed.error();
  std::vector<MunicipalityNumber> numbers = std::move(listed.value());
  if (numbers.empty()) return Error::invalid("no_municipality");
  return numbers;
}

Result<forecast::ForecastParameters> load_parameters(const Environment& env, const CategoryTable& categories,
                                                     forecast::ServiceTable& services) {
  const auto dir = env.data_dir / "forecast";
  auto loaded_services = io::load_forecast_services(dir / "services.csv", categories);
  if (!loaded_services.ok()) {
    const auto& e = loaded_services.errors.front();
    return Error::invalid("forecast_parameters_invalid", {"services.csv", std::to_string(e.row), e.column, e.code, e.value});
  }
  auto exit_rates = io::load_exit_rates(dir / "exit_rates.csv", categories);
  if (!exit_rates.ok()) {
    const auto& e = exit_rates.errors.front();
    return Error::invalid("forecast_parameters_invalid", {"exit_rates.csv", std::to_string(e.row), e.column, e.code, e.value});
  }
  services = loaded_services.value;
  forecast::ForecastParameters parameters;
  parameters.services = services.services();
  for (const PositionCategory& category : categories.all()) {
    if (auto curve = exit_rates.value.curve_for(category.key, category.retirement_age)) {
      parameters.exit_curves[category.key] = *curve;
    }
  }
  return parameters;
}

std::string fte_text(double value, Language lang) { return format_decimal(value, 1, lang); }

int run(const ForecastOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto opened = open_for_command(context, code);
  if (!opened.ok()) return code;
  Environment& env = opened.value();
  const MessageCatalogue& m = env.messages;
  const Language lang = env.language;

  auto format = parse_output_format(options.format);
  if (!format.ok()) return report_error(format.error(), m);
  const forecast::ForecastGrouping grouping = options.by == "service"  ? forecast::ForecastGrouping::service
                                              : options.by == "both"   ? forecast::ForecastGrouping::category_and_service
                                                                       : forecast::ForecastGrouping::category;
  auto numbers = scope_of(options, env);
  if (!numbers.ok()) return report_error(numbers.error(), m);

  forecast::Scenario scenario;
  if (!options.scenario_file.empty()) {
    auto read = read_scenario(options.scenario_file);
    if (!read.ok()) return report_error(read.error(), m);
    scenario = std::move(read).value();
  }
  for (const std::string& assignment : options.set) {
    const auto equals = assignment.find('=');
    if (equals == std::string::npos) return report_error(Error::invalid("invalid_lever_value", {assignment, ""}), m);
    auto set = forecast::set_lever(scenario, assignment.substr(0, equals), assignment.substr(equals + 1));
    if (!set.ok()) return report_error(set.error(), m);
  }

  auto categories = env.database->reference().categories();
  if (!categories.ok()) return report_error(categories.error(), m);
  forecast::ServiceTable services;
  auto parameters = load_parameters(env, categories.value(), services);
  if (!parameters.ok()) return report_error(parameters.error(), m);

  // Each municipality's newest snapshot; one without is left out of a region.
  std::vector<Snapshot> snapshots;
  std::vector<OrgTree> trees;
  for (const MunicipalityNumber& number : numbers.value()) {
    auto latest = env.database->snapshots().latest_snapshot_date(number);
    if (!latest.ok()) return report_error(latest.error(), m);
    if (!latest.value()) {
      if (numbers.value().size() == 1) return report_error(Error::not_found("no_snapshot", {env.municipality_label(number)}), m);
      continue;
    }
    auto snapshot = env.database->snapshots().load_snapshot(number, *latest.value());
    if (!snapshot.ok()) return report_error(snapshot.error(), m);
    auto tree = env.database->org().load_org(number);
    if (!tree.ok()) return report_error(tree.error(), m);
    snapshots.push_back(std::move(snapshot).value());
    trees.push_back(std::move(tree).value());
  }
  if (snapshots.empty()) return report_error(Error::not_found("no_snapshot", {options.region}), m);

  std::vector<std::string> digits;
  for (const Snapshot& s : snapshots) digits.push_back(s.municipality.digits);
  auto population = io::load_projected_population(env.data_dir, digits, scenario.population, options.to_year);
  if (!population.ok()) return report_error(population.error(), m);

  std::vector<WorkforceForecast> forecasts;
  std::int64_t without_service = 0;
  for (std::size_t i = 0; i < snapshots.size(); ++i) {
    const forecast::ForecastStaff staff = forecast::forecast_staff(snapshots[i], trees[i], services);
    without_service += staff.records_without_service;
    auto prepared = forecast::prepare_workforce(staff.members, year_of(snapshots[i].date), parameters.value());
    if (!prepared.ok()) return report_error(prepared.error(), m);
    const forecast::PopulationSeries* series = nullptr;
    for (const auto& s : population.value()) {
      if (s.municipality == digits[i]) series = &s;
    }
    if (!series) return report_error(Error::not_found("population_missing", {env.municipality_label(snapshots[i].municipality)}), m);
    auto one = forecast::forecast_workforce(prepared.value(), *series, parameters.value(), scenario, options.to_year);
    if (!one.ok()) return report_error(one.error(), m);
    forecasts.push_back(std::move(one).value());
  }
  auto combined = forecast::combine_forecasts(forecasts);
  if (!combined.ok()) return report_error(combined.error(), m);
  const WorkforceForecast result = forecast::regroup(combined.value(), grouping);

  auto group_label = [&](const forecast::ForecastGroupKey& key) {
    std::string label;
    if (!key.category.empty()) {
      const PositionCategory* c = categories.value().find(key.category);
      label = c ? (lang == Language::en ? c->name_en : c->name_nb) : key.category;
    }
    if (!key.service.empty()) {
      auto s = services.index_of(key.service);
      const std::string name = s ? (lang == Language::en ? services.services()[*s].name_en : services.services()[*s].name_nb)
                                 : key.service;
      label += (label.empty() ? "" : " / ") + name;
    }
    return label;
  };

  const std::vector<std::string> figure_names{"demand_fte", "supply_fte", "gap_fte", "need_fte", "need_contracted_fte",
                                              "need_persons", "retirements", "turnover", "demand_growth",
                                              "demand_levers", "supply_levers", "surplus"};
  auto figure_values = [](const ForecastFigures& f) {
    const auto& d = f.decomposition;
    return std::vector<double>{f.demand_fte, f.supply_fte, f.gap_fte, f.need_fte, f.need_contracted_fte, f.need_persons,
                               d.retirements, d.turnover, d.demand_growth, d.demand_levers, d.supply_levers, d.surplus};
  };

  if (format.value() == OutputFormat::json) {
    auto figures_json = [&](const ForecastFigures& f) {
      nlohmann::ordered_json j;
      const auto values = figure_values(f);
      for (std::size_t i = 0; i < values.size(); ++i) j[figure_names[i]] = values[i];
      return j;
    };
    auto optional_json = [](std::optional<double> v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr); };
    nlohmann::ordered_json doc;
    doc["scenario"] = scenario.name;
    doc["municipalities"] = result.municipalities;
    doc["base_year"] = result.base_year;
    doc["by"] = options.by;
    nlohmann::ordered_json groups = nlohmann::ordered_json::array();
    for (const auto& g : result.groups) {
      groups.push_back({{"category", g.category.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(g.category)},
                        {"service", g.service.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(g.service)},
                        {"label", group_label(g)}});
    }
    doc["groups"] = groups;
    nlohmann::ordered_json years = nlohmann::ordered_json::array();
    for (const ForecastYear* year : [&] {
           std::vector<const ForecastYear*> all{&result.base};
           for (const ForecastYear& y : result.years) all.push_back(&y);
           return all;
         }()) {
      nlohmann::ordered_json y;
      y["year"] = year->year;
      y["total"] = figures_json(year->total);
      y["support_ratio"] = optional_json(year->support_ratio());
      y["youth_cohort_share"] = optional_json(year->youth_cohort_share());
      nlohmann::ordered_json g = nlohmann::ordered_json::array();
      for (const ForecastFigures& f : year->groups) g.push_back(figures_json(f));
      y["groups"] = g;
      years.push_back(y);
    }
    doc["years"] = years;
    nlohmann::ordered_json cumulative = nlohmann::ordered_json::array();
    for (int milestone : kMilestones) {
      if (milestone > options.to_year || milestone <= result.base_year) continue;
      cumulative.push_back({{"through", milestone},
                            {"need_fte", result.cumulative_need_fte(milestone)},
                            {"need_persons", result.cumulative_need_persons(milestone)}});
    }
    doc["cumulative"] = cumulative;
    doc["records_without_service"] = without_service;
    std::cout << doc.dump(2) << '\n';
    return kExitOk;
  }

  if (format.value() == OutputFormat::csv) {
    // One row per year and group, the total first: for spreadsheets and pivot tables.
    std::vector<std::string> header{"year", "category", "service"};
    header.insert(header.end(), figure_names.begin(), figure_names.end());
    std::vector<std::vector<std::string>> rows;
    auto add = [&](int year, const std::string& category, const std::string& service, const ForecastFigures& f) {
      std::vector<std::string> row{std::to_string(year), category, service};
      for (double v : figure_values(f)) row.push_back(format_decimal(v, 3, lang));
      rows.push_back(std::move(row));
    };
    for (const ForecastYear& year : result.years) {
      add(year.year, "", "", year.total);
      for (std::size_t g = 0; g < year.groups.size(); ++g) {
        add(year.year, result.groups[g].category, result.groups[g].service, year.groups[g]);
      }
    }
    print_rows(std::cout, OutputFormat::csv, header, rows);
    return kExitOk;
  }

  // Table: the scope, then the totals year by year, then the groups to the milestones.
  std::string scope;
  for (const std::string& n : result.municipalities) scope += (scope.empty() ? "" : ", ") + env.municipality_label(MunicipalityNumber{n});
  std::cout << m.text("forecast.heading", {scope, scenario.name, std::to_string(result.base_year), std::to_string(options.to_year)})
            << '\n';
  if (without_service > 0) std::cout << m.text("forecast.records_without_service", {format_integer(without_service, lang)}) << '\n';
  std::cout << '\n';

  std::vector<std::string> header{m.text("forecast.year")};
  for (const char* key : {"forecast.demand", "forecast.supply", "forecast.gap", "forecast.need_fte", "forecast.need_persons",
                          "forecast.cumulative_persons", "forecast.support_ratio", "forecast.youth_share"}) {
    header.push_back(m.text(key));
  }
  std::vector<std::vector<std::string>> rows;
  double cumulative_persons = 0;
  for (const ForecastYear& year : result.years) {
    cumulative_persons += year.total.need_persons;
    const auto ratio = year.support_ratio();
    const auto youth = year.youth_cohort_share();
    rows.push_back({std::to_string(year.year), fte_text(year.total.demand_fte, lang), fte_text(year.total.supply_fte, lang),
                    fte_text(year.total.gap_fte, lang), fte_text(year.total.need_fte, lang),
                    fte_text(year.total.need_persons, lang), fte_text(cumulative_persons, lang),
                    ratio ? format_decimal(*ratio, 1, lang) : "–", youth ? format_percent(*youth, lang) : "–"});
  }
  print_table(std::cout, header, rows);
  std::cout << '\n';

  // Per group: need in persons from the base year through each milestone, and its causes.
  std::vector<int> milestones;
  for (int milestone : kMilestones) {
    if (milestone <= options.to_year && milestone > result.base_year) milestones.push_back(milestone);
  }
  if (milestones.empty() || milestones.back() != options.to_year) milestones.push_back(options.to_year);
  header = {m.text(grouping == forecast::ForecastGrouping::service ? "forecast.service" : "label.category"),
            m.text("forecast.base_fte")};
  for (int milestone : milestones) header.push_back(m.text("forecast.persons_through", {std::to_string(milestone)}));
  for (const char* key : {"forecast.retirements", "forecast.turnover", "forecast.demand_growth", "forecast.levers"}) {
    header.push_back(m.text(key));
  }
  rows.clear();
  auto group_row = [&](const std::string& label, auto figures_of) {
    std::vector<std::string> row{label, fte_text(figures_of(result.base).supply_fte, lang)};
    for (int milestone : milestones) {
      double persons = 0;
      for (const ForecastYear& year : result.years) {
        if (year.year <= milestone) persons += figures_of(year).need_persons;
      }
      row.push_back(fte_text(persons, lang));
    }
    forecast::NeedDecomposition parts;
    for (const ForecastYear& year : result.years) parts += figures_of(year).decomposition;
    row.push_back(fte_text(parts.retirements, lang));
    row.push_back(fte_text(parts.turnover, lang));
    row.push_back(fte_text(parts.demand_growth, lang));
    row.push_back(fte_text(parts.demand_levers + parts.supply_levers + parts.surplus, lang));
    rows.push_back(std::move(row));
  };
  group_row(m.text("label.total"), [](const ForecastYear& y) -> const ForecastFigures& { return y.total; });
  for (std::size_t g = 0; g < result.groups.size(); ++g) {
    group_row(group_label(result.groups[g]), [g](const ForecastYear& y) -> const ForecastFigures& { return y.groups[g]; });
  }
  print_table(std::cout, header, rows);
  std::cout << '\n' << m.text("forecast.footer") << '\n';
  return kExitOk;
}

}  // namespace

void add_forecast_command(CLI::App& app, CommandContext context) {
  auto options = std::make_shared<ForecastOptions>();
  CLI::App* cmd = app.add_subcommand("forecast", "Fremskriv rekrutteringsbehovet (etterspørsel, tilbud, gap) til 2030–2050");
  cmd->add_option("-m,--municipality", options->municipalities, "Kommunenummer (flere med komma)")->delimiter(',');
  cmd->add_option("-r,--region", options->region, "Region: salten eller nord-troms (data/regions.csv)");
  cmd->add_option("--to", options->to_year, "Siste år i fremskrivningen (standard 2050)")->check(CLI::Range(2026, 2050));
  cmd->add_option("--scenario", options->scenario_file, "Scenariofil (JSON: spak → verdi, se docs/forecast.md)");
  cmd->add_option("--set", options->set, "Sett en spak: turnover=0.08, sick_leave.to=0.06, position_size=0.9, …");
  cmd->add_option("-b,--by", options->by, "Grupper etter category (standard), service eller both")
      ->check(CLI::IsMember({"category", "service", "both"}));
  cmd->add_option("-f,--format", options->format, "table, json eller csv")->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->footer("Eksempel: kompetent forecast --region salten --to 2040 --set turnover=0.08 --by service\n"
              "Modellen, spakene og standardverdiene står i docs/forecast.md.");
  cmd->callback([options, context] { context.exit_code = run(*options, context); });
}

}  // namespace kompetent::cli
