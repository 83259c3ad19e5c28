// kompetent forecast: the recruitment need of a municipality or a region to 2030/2035/2040/2050
// under a scenario (docs/forecast.md), from each municipality's newest snapshot.
#include <array>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/forecast_json.h"
#include "app/forecast_members.h"
#include "app/forecast_run.h"
#include "app/forecast_setup.h"
#include "app/population_source.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "core/forecast/forecast_figures.h"
#include "core/forecast/workforce_forecast.h"
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

// The CSV's figure columns: every figure of core/forecast/forecast_figures.h but staff_persons,
// which the CSV has never had; its columns stay as the scripts that read them expect.
constexpr auto kCsvFigureFields = [] {
  constexpr std::size_t kLeftOut = forecast::figure_index("staff_persons");
  std::array<forecast::FigureField, forecast::kForecastFigureFields.size() - 1> fields{};
  std::size_t next = 0;
  for (std::size_t i = 0; i < forecast::kForecastFigureFields.size(); ++i) {
    if (i != kLeftOut) fields[next++] = forecast::kForecastFigureFields[i];
  }
  return fields;
}();

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

Result<std::vector<MunicipalityNumber>> scope_of(const ForecastOptions& options,
                                                 const Environment& env) {
  auto listed = env.municipalities_of(options.region, options.municipalities);
  if (!listed.ok()) return listed.error();
  std::vector<MunicipalityNumber> numbers = std::move(listed.value());
  if (numbers.empty()) return Error::invalid("no_municipality");
  return numbers;
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
  auto grouping_parsed = app::parse_grouping(options.by);
  if (!grouping_parsed.ok()) return report_error(grouping_parsed.error(), m);
  const forecast::ForecastGrouping grouping = grouping_parsed.value();
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
    if (equals == std::string::npos)
      return report_error(Error::invalid("invalid_lever_value", {assignment, ""}), m);
    auto set =
        forecast::set_lever(scenario, assignment.substr(0, equals), assignment.substr(equals + 1));
    if (!set.ok()) return report_error(set.error(), m);
  }

  auto categories = env.database->reference().categories();
  if (!categories.ok()) return report_error(categories.error(), m);
  auto setup = app::load_forecast_setup(env.data_dir, categories.value());
  if (!setup.ok()) return report_error(setup.error(), m);

  // Each municipality's newest snapshot; one without is left out of a region.
  std::vector<std::string> digits;
  for (const MunicipalityNumber& number : numbers.value()) digits.push_back(number.digits);
  auto latest = app::latest_snapshots(*env.database, digits);
  if (!latest.ok()) return report_error(latest.error(), m);
  if (latest.value().empty()) {
    const std::string scope = numbers.value().size() == 1
                                  ? env.municipality_label(numbers.value().front())
                                  : options.region;
    return report_error(Error::not_found("no_snapshot", {scope}), m);
  }
  std::vector<app::PreparedMember> prepared;
  for (const SnapshotInfo& info : latest.value()) {
    auto member = app::prepare_member(*env.database, info, setup.value());
    if (!member.ok()) return report_error(member.error(), m);
    prepared.push_back(std::move(member).value());
  }
  std::vector<const app::PreparedMember*> members;
  std::vector<std::string> with_snapshot;
  for (const app::PreparedMember& member : prepared) {
    members.push_back(&member);
    with_snapshot.push_back(member.snapshot.municipality.digits);
  }
  auto population = app::load_population(*env.database, env.data_dir, with_snapshot,
                                         scenario.population, options.to_year);
  if (!population.ok()) return report_error(population.error(), m);
  auto run = app::run_forecast(members, population.value(), setup.value(), scenario,
                               options.to_year, grouping);
  if (!run.ok()) {
    Error error = run.error();
    if (error.code == "population_missing" && !error.args.empty()) {
      error.args.front() = env.municipality_label(MunicipalityNumber{error.args.front()});
    }
    return report_error(error, m);
  }
  const WorkforceForecast& result = run.value().forecast;
  const std::int64_t without_service = run.value().records_without_service;

  auto group_label = [&](const forecast::ForecastGroupKey& key) {
    return app::forecast_group_label(key, setup.value(), lang);
  };

  if (format.value() == OutputFormat::json) {
    // The API's Forecast object (app/forecast_json.h), unsuppressed; "scenario" stays the
    // name, as this command has always printed it.
    app::ForecastPresentation presentation;
    if (numbers.value().size() == 1 && options.region.empty()) {
      presentation.municipality = numbers.value().front().digits;
      const Municipality* found = env.find_municipality(presentation.municipality);
      presentation.label = found ? found->name : presentation.municipality;
    } else {
      presentation.region = options.region;
      const Region* region = env.find_region(options.region);
      presentation.label = region ? region->name : options.region;
    }
    presentation.language = lang;
    nlohmann::ordered_json doc =
        app::forecast_json(run.value(), setup.value(), scenario, presentation);
    doc["scenario"] = scenario.name;
    doc["levers"] = io::levers_json(scenario);
    std::cout << doc.dump(2) << '\n';
    return kExitOk;
  }

  if (format.value() == OutputFormat::csv) {
    // One row per year and group, the total first: for spreadsheets and pivot tables.
    std::vector<std::string> header{"year", "category", "service"};
    for (const forecast::FigureField& field : kCsvFigureFields) header.emplace_back(field.name);
    std::vector<std::vector<std::string>> rows;
    auto add = [&](int year, const std::string& category, const std::string& service,
                   const ForecastFigures& f) {
      std::vector<std::string> row{std::to_string(year), category, service};
      for (const forecast::FigureField& field : kCsvFigureFields)
        row.push_back(format_decimal(field.value(f), 3, lang));
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
  for (const std::string& n : result.municipalities)
    scope += (scope.empty() ? "" : ", ") + env.municipality_label(MunicipalityNumber{n});
  std::cout << m.text("forecast.heading", {scope, scenario.name, std::to_string(result.base_year),
                                           std::to_string(options.to_year)})
            << '\n';
  if (without_service > 0)
    std::cout << m.text("forecast.records_without_service", {format_integer(without_service, lang)})
              << '\n';
  std::cout << '\n';

  std::vector<std::string> header{m.text("forecast.year")};
  for (const char* key : {"forecast.demand", "forecast.supply", "forecast.gap", "forecast.need_fte",
                          "forecast.need_persons", "forecast.cumulative_persons",
                          "forecast.support_ratio", "forecast.youth_share"}) {
    header.push_back(m.text(key));
  }
  std::vector<std::vector<std::string>> rows;
  double cumulative_persons = 0;
  for (const ForecastYear& year : result.years) {
    cumulative_persons += year.total.need_persons;
    const auto ratio = year.support_ratio();
    const auto youth = year.youth_cohort_share();
    rows.push_back({std::to_string(year.year), fte_text(year.total.demand_fte, lang),
                    fte_text(year.total.supply_fte, lang), fte_text(year.total.gap_fte, lang),
                    fte_text(year.total.need_fte, lang), fte_text(year.total.need_persons, lang),
                    fte_text(cumulative_persons, lang),
                    ratio ? format_decimal(*ratio, 1, lang) : "–",
                    youth ? format_percent(*youth, lang) : "–"});
  }
  print_table(std::cout, header, rows);
  std::cout << '\n';

  // Per group: need in persons from the base year through each milestone, and its causes.
  std::vector<int> milestones;
  for (int milestone : kMilestones) {
    if (milestone <= options.to_year && milestone > result.base_year)
      milestones.push_back(milestone);
  }
  if (milestones.empty() || milestones.back() != options.to_year)
    milestones.push_back(options.to_year);
  header = {m.text(grouping == forecast::ForecastGrouping::service ? "forecast.service"
                                                                   : "label.category"),
            m.text("forecast.base_fte")};
  for (int milestone : milestones)
    header.push_back(m.text("forecast.persons_through", {std::to_string(milestone)}));
  for (const char* key :
       {"forecast.retirements", "forecast.turnover", "forecast.demand_growth", "forecast.levers"}) {
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
  group_row(m.text("label.total"),
            [](const ForecastYear& y) -> const ForecastFigures& { return y.total; });
  for (std::size_t g = 0; g < result.groups.size(); ++g) {
    group_row(group_label(result.groups[g]),
              [g](const ForecastYear& y) -> const ForecastFigures& { return y.groups[g]; });
  }
  print_table(std::cout, header, rows);
  std::cout << '\n' << m.text("forecast.footer") << '\n';
  return kExitOk;
}

}  // namespace

void add_forecast_command(CLI::App& app, CommandContext context) {
  auto options = std::make_shared<ForecastOptions>();
  CLI::App* cmd = app.add_subcommand(
      "forecast", "Fremskriv rekrutteringsbehovet (etterspørsel, tilbud, gap) til 2030–2050");
  cmd->add_option("-m,--municipality", options->municipalities, "Kommunenummer (flere med komma)")
      ->delimiter(',');
  cmd->add_option("-r,--region", options->region,
                  "Region: salten eller nord-troms (data/regions.csv)");
  cmd->add_option("--to", options->to_year, "Siste år i fremskrivningen (standard 2050)")
      ->check(CLI::Range(2026, 2050));
  cmd->add_option("--scenario", options->scenario_file,
                  "Scenariofil (JSON: spak → verdi, se docs/forecast.md)");
  cmd->add_option("--set", options->set,
                  "Sett en spak: turnover=0.08, sick_leave.to=0.06, position_size=0.9, …");
  cmd->add_option("-b,--by", options->by, "Grupper etter category (standard), service eller both")
      ->check(CLI::IsMember({"category", "service", "both"}));
  cmd->add_option("-f,--format", options->format, "table, json eller csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->footer(
      "Eksempel: kompetent forecast --region salten --to 2040 --set turnover=0.08 --by service\n"
      "Modellen, spakene og standardverdiene står i docs/forecast.md.");
  cmd->callback([options, context] { context.exit_code = run(*options, context); });
}

}  // namespace kompetent::cli
