// bench_forecast: the workforce forecast of issue 6 for the whole country.
//
//   bench_forecast --national bench/out/national --codes bench/out/lokale-koder.csv
//                  [--data-dir data] [--out DIR] [--runs 5] [--threads N] [--region salten]
//                  [--dump FILE]
//
// Reads bench_generate's 500 000 positions over the 357 municipalities (national/), each
// municipality's export and units through the import pipeline into a snapshot in memory, once
// and not timed. Then measures, each phase the median of --runs runs:
//  - preparation: forecast_staff + prepare_workforce for every municipality (snapshot → cohorts)
//  - population:  reading the shipped tables (load_population_inputs), and projecting every
//                 municipality under SSB's main, low and high alternatives to 2050. Both are
//                 once per data release and alternative; a server keeps the result.
//  - forecasts:   8 scenarios × 357 municipalities to 2050, forecast_workforce one after the
//                 other (one thread), and forecast_batch on --threads threads
//  - lever:       one lever change for one region (Salten's 10 members): the forecasts of the
//                 members, combined and grouped by category, as the server answers a slider
// Checks that forecast_batch gives exactly (bit for bit) the figures of forecast_workforce.
// Writes OUT/bench-forecast.json, and OUT/forecast/*.csv: the same inputs and the C++ totals
// for bench/pandas_forecast.py, which computes the model again in pandas/NumPy and compares.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/forecast/forecast_batch.h"
#include "core/forecast/forecast_staff.h"
#include "core/forecast/population_projection.h"
#include "core/forecast/workforce_forecast.h"
#include "io/reference/forecast_parameters.h"
#include "io/reference/population_projection_loader.h"
#include "io/import/import_profile.h"
#include "io/import/importer.h"
#include "io/reference/reference_files.h"

namespace {

using namespace kompetent;
using namespace kompetent::forecast;
using Clock = std::chrono::steady_clock;

constexpr int kToYear = 2050;
constexpr Date kSnapshotDate = make_date(2025, 12, 31);  // bench_generate's

struct Loaded {
  std::vector<Snapshot> snapshots;
  std::vector<OrgTree> trees;  // one per snapshot
  CategoryTable categories;
  std::size_t positions = 0;
};

// bench_generate's national/ folder: ansatte-NNNN.csv and enheter-NNNN.csv for each line
// "NNNN rows" of kommuner.txt, read and validated by the import pipeline of `kompetent import`
// (io::import_file), without a database: the records are kept in memory as a snapshot.
Result<Loaded> load_exports(const std::filesystem::path& national, const std::filesystem::path& codes_file,
                            const std::filesystem::path& data_dir) {
  Loaded loaded;
  auto categories = io::load_categories(data_dir / "position_categories.csv");
  if (!categories.ok()) return Error::invalid("invalid_reference", {"position_categories.csv"});
  loaded.categories = categories.value;
  auto shipped = io::load_position_codes(data_dir / "position_codes.csv", loaded.categories);
  auto local = io::load_position_codes(codes_file, loaded.categories);
  if (!shipped.ok() || !local.ok()) return Error::invalid("invalid_reference", {codes_file.string()});
  std::vector<PositionCode> codes = shipped.value;
  codes.insert(codes.end(), local.value.begin(), local.value.end());
  const PositionCodeTable code_table(std::move(codes));
  std::ifstream in(data_dir / "profiles" / "standard.json");
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto profile = io::parse_import_profile(json, nullptr, {});
  if (!profile.ok()) return Error::invalid("invalid_reference", {"standard.json"});

  std::ifstream list(national / "kommuner.txt");
  std::string number;
  std::size_t rows = 0;
  while (list >> number >> rows) {
    auto units = io::load_org_units(national / ("enheter-" + number + ".csv"));
    if (!units.ok()) return Error::invalid("invalid_units", {number});
    auto tree = OrgTree::create(MunicipalityNumber{number}, units.value.sectors, units.value.units);
    if (!tree.ok()) return tree.error();
    Snapshot snapshot{MunicipalityNumber{number}, kSnapshotDate, {}};
    snapshot.positions.reserve(rows);
    const io::ImportContext context{tree.value(), code_table, loaded.categories, profile.value(), kSnapshotDate};
    auto report = io::import_file(national / ("ansatte-" + number + ".csv"), context, [&](PositionRecord&& record) {
      snapshot.positions.push_back(std::move(record));
      return ok_status();
    });
    if (!report.ok()) return report.error();
    if (!report.value().accepted()) return Error::invalid("import_refused", {number});
    loaded.positions += snapshot.positions.size();
    loaded.snapshots.push_back(std::move(snapshot));
    loaded.trees.push_back(std::move(tree).value());
  }
  if (loaded.snapshots.empty()) return Error::not_found("no_municipality", {national.string()});
  return loaded;
}

// As `kompetent forecast` loads them (src/cli/command_forecast.cpp).
Result<ForecastParameters> load_parameters(const std::filesystem::path& data_dir, const CategoryTable& categories,
                                           ServiceTable& services) {
  auto loaded_services = io::load_forecast_services(data_dir / "forecast" / "services.csv", categories);
  if (!loaded_services.ok()) return Error::invalid("forecast_parameters_invalid", {"services.csv"});
  auto exit_rates = io::load_exit_rates(data_dir / "forecast" / "exit_rates.csv", categories);
  if (!exit_rates.ok()) return Error::invalid("forecast_parameters_invalid", {"exit_rates.csv"});
  services = loaded_services.value;
  ForecastParameters parameters;
  parameters.services = services.services();
  for (const PositionCategory& category : categories.all()) {
    if (auto curve = exit_rates.value.curve_for(category.key, category.retirement_age)) {
      parameters.exit_curves[category.key] = *curve;
    }
  }
  return parameters;
}

// Eight scenarios that between them move every lever of docs/forecast.md.
std::vector<Scenario> bench_scenarios() {
  std::vector<Scenario> scenarios(8);
  scenarios[0].name = "basis";

  scenarios[1].name = "lav-befolkning";
  scenarios[1].population = PopulationAlternative::low;

  scenarios[2].name = "hoy-befolkning-bemanning";
  scenarios[2].population = PopulationAlternative::high;
  scenarios[2].staffing_change.by_key = {{"pleie_omsorg", 0.1}, {"barnehage", 0.05}};

  scenarios[3].name = "heltid";  // the example of docs/forecast.md
  scenarios[3].position_size = PositionSizeTarget{0.9, 2032};
  scenarios[3].turnover.by_key = {{"sykepleier", 0.09}};
  scenarios[3].task_shifts = {{"sykepleier", "helsefagarbeider", 0.1, "pleie_omsorg"}};

  scenarios[4].name = "teknologi";
  scenarios[4].productivity_per_year = 0.01;
  scenarios[4].sick_leave = YearPath{0.08, 0.06, 2030};

  scenarios[5].name = "senere-pensjon";
  scenarios[5].retirement_age_shift = 1.5;
  scenarios[5].turnover.default_value = 0.08;

  scenarios[6].name = "oppgavedeling";
  scenarios[6].task_shifts = {{"laerer", "assistent", 0.05, ""}, {"sykepleier", "vernepleier", 0.05, "helse_sosial"}};
  scenarios[6].phase_in_until = 2035;
  scenarios[6].outside_recruit_share = 0.5;

  scenarios[7].name = "krevende";
  scenarios[7].population = PopulationAlternative::low;
  scenarios[7].productivity_per_year = 0.005;
  scenarios[7].position_size = PositionSizeTarget{0.8, 2035};
  scenarios[7].retirement_age_shift = -0.5;
  scenarios[7].staffing_change.default_value = -0.05;
  scenarios[7].sick_leave = YearPath{0.09, 0.07, 2028};
  scenarios[7].turnover.by_key = {{"laerer", 0.04}, {"helsefagarbeider", 0.1}};
  return scenarios;
}

double milliseconds(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// CPU time of the whole process (every thread), in ms: on a machine shared with others the
// wall time includes waiting for a core, the CPU time does not.
double cpu_milliseconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double median_of(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Median wall and CPU time of `runs` calls of `step`, in ms.
struct Timing {
  double median = 0, min = 0, max = 0, cpu_median = 0;
};
Timing time_runs(int runs, const std::function<void()>& step) {
  std::vector<double> times, cpu_times;
  for (int r = 0; r < runs; ++r) {
    const double cpu_start = cpu_milliseconds();
    const auto start = Clock::now();
    step();
    times.push_back(milliseconds(Clock::now() - start));
    cpu_times.push_back(cpu_milliseconds() - cpu_start);
  }
  return {median_of(times), *std::min_element(times.begin(), times.end()),
          *std::max_element(times.begin(), times.end()), median_of(cpu_times)};
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

bool same_figures(const ForecastFigures& a, const ForecastFigures& b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

// Bit for bit: the batch must not change a single number.
bool same_forecast(const WorkforceForecast& a, const WorkforceForecast& b) {
  if (a.groups != b.groups || a.years.size() != b.years.size() || a.base_year != b.base_year) return false;
  auto same_year = [](const ForecastYear& x, const ForecastYear& y) {
    if (x.year != y.year || x.groups.size() != y.groups.size() || !same_figures(x.total, y.total)) return false;
    if (std::memcmp(&x.local_recruits, &y.local_recruits, sizeof(double)) != 0) return false;
    for (std::size_t g = 0; g < x.groups.size(); ++g) {
      if (!same_figures(x.groups[g], y.groups[g])) return false;
    }
    return true;
  };
  if (!same_year(a.base, b.base)) return false;
  for (std::size_t y = 0; y < a.years.size(); ++y) {
    if (!same_year(a.years[y], b.years[y])) return false;
  }
  return true;
}

const char* alternative_name(PopulationAlternative alternative) {
  switch (alternative) {
    case PopulationAlternative::low: return "low";
    case PopulationAlternative::high: return "high";
    case PopulationAlternative::main: break;
  }
  return "main";
}

std::string json_number(double value) {
  std::ostringstream out;
  out << std::setprecision(17) << value;
  return out.str();
}

std::string per_key_json(const PerKey& values) {
  std::string out = "{\"default\": " + json_number(values.default_value) + ", \"by_key\": {";
  bool first = true;
  for (const auto& [key, value] : values.by_key) {
    out += (first ? "\"" : ", \"") + key + "\": " + json_number(value);
    first = false;
  }
  return out + "}}";
}

// The inputs of the model and the C++ totals, for bench/pandas_forecast.py.
bool export_for_pandas(const std::filesystem::path& dir, const std::vector<std::string>& municipalities,
                       const std::vector<PreparedWorkforce>& prepared,
                       const std::map<PopulationAlternative, std::vector<const PopulationSeries*>>& population,
                       const ForecastParameters& parameters, const std::vector<Scenario>& scenarios,
                       const std::vector<WorkforceForecast>& results) {
  std::filesystem::create_directories(dir);
  std::ofstream cohorts(dir / "cohorts.csv");
  cohorts << std::setprecision(17) << "municipality;base_year;category;service;birth_year;persons;fte\n";
  for (std::size_t m = 0; m < municipalities.size(); ++m) {
    for (const auto& group : prepared[m].groups) {
      for (const auto& [birth_year, persons] : group.persons_by_birth_year) {
        cohorts << municipalities[m] << ';' << prepared[m].base_year << ';' << group.category << ';' << group.service
                << ';' << birth_year << ';' << persons << ';' << group.fte_by_birth_year.at(birth_year) << '\n';
      }
    }
  }
  std::ofstream ages(dir / "population.csv");
  ages << std::setprecision(17) << "alternative;municipality;year";
  for (int age = 0; age <= kOldestAge; ++age) ages << ";a" << age;
  ages << '\n';
  for (const auto& [alternative, series] : population) {
    for (const PopulationSeries* one : series) {
      for (int year = one->first_year; year <= kToYear; ++year) {
        ages << alternative_name(alternative) << ';' << one->municipality << ';' << year;
        for (double persons : one->by_year[static_cast<std::size_t>(year - one->first_year)]) ages << ';' << persons;
        ages << '\n';
      }
    }
  }
  std::ofstream services(dir / "services.csv");
  services << std::setprecision(17) << "service;from_age;to_age;weight\n";
  for (const Service& service : parameters.services) {
    for (const AgeBandWeight& band : service.weights) {
      services << service.key << ';' << band.from_age << ';' << band.to_age << ';' << band.weight << '\n';
    }
  }
  std::ofstream curves(dir / "exit_curves.csv");
  curves << std::setprecision(17) << "category";
  for (int age = 0; age <= kOldestAge; ++age) curves << ";a" << age;
  curves << '\n';
  for (const auto& [category, curve] : parameters.exit_curves) {
    curves << category;
    for (double rate : curve) curves << ';' << rate;
    curves << '\n';
  }
  std::ofstream recruits(dir / "recruit_ages.csv");
  recruits << std::setprecision(17) << "from_age;to_age;weight\n";
  for (const AgeBandWeight& band : parameters.recruit_ages) {
    recruits << band.from_age << ';' << band.to_age << ';' << band.weight << '\n';
  }
  std::ofstream levers(dir / "scenarios.json");
  levers << "[\n";
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    const Scenario& scenario = scenarios[s];
    levers << "  {\"name\": \"" << scenario.name << "\", \"population\": \"" << alternative_name(scenario.population)
           << "\", \"productivity_per_year\": " << json_number(scenario.productivity_per_year)
           << ", \"staffing_change\": " << per_key_json(scenario.staffing_change)
           << ", \"turnover\": " << per_key_json(scenario.turnover) << ", \"task_shifts\": [";
    for (std::size_t t = 0; t < scenario.task_shifts.size(); ++t) {
      const TaskShift& shift = scenario.task_shifts[t];
      levers << (t ? ", " : "") << "{\"from\": \"" << shift.from_category << "\", \"to\": \"" << shift.to_category
             << "\", \"share\": " << json_number(shift.share) << ", \"service\": \"" << shift.service << "\"}";
    }
    levers << "], \"phase_in_until\": " << scenario.phase_in_until << ", \"position_size\": ";
    if (scenario.position_size) {
      levers << "{\"to\": " << json_number(scenario.position_size->to)
             << ", \"to_year\": " << scenario.position_size->to_year << "}";
    } else {
      levers << "null";
    }
    levers << ", \"sick_leave\": {\"from\": " << json_number(scenario.sick_leave.from)
           << ", \"to\": " << json_number(scenario.sick_leave.to) << ", \"to_year\": " << scenario.sick_leave.to_year
           << "}, \"retirement_age_shift\": " << json_number(scenario.retirement_age_shift)
           << ", \"outside_recruit_share\": " << json_number(scenario.outside_recruit_share) << ", \"to_year\": "
           << kToYear << "}" << (s + 1 < scenarios.size() ? "," : "") << '\n';
  }
  levers << "]\n";
  std::ofstream totals(dir / "cpp_totals.csv");
  totals << std::setprecision(17)
         << "scenario;municipality;year;demand_fte;supply_fte;need_fte;need_persons;staff_persons;local_recruits\n";
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    for (std::size_t m = 0; m < municipalities.size(); ++m) {
      const WorkforceForecast& forecast = results[s * municipalities.size() + m];
      for (const ForecastYear& year : forecast.years) {
        totals << scenarios[s].name << ';' << municipalities[m] << ';' << year.year << ';' << year.total.demand_fte
               << ';' << year.total.supply_fte << ';' << year.total.need_fte << ';' << year.total.need_persons << ';'
               << year.total.staff_persons << ';' << year.local_recruits << '\n';
      }
    }
  }
  return static_cast<bool>(cohorts) && static_cast<bool>(ages) && static_cast<bool>(totals);
}

struct Options {
  std::filesystem::path national;
  std::filesystem::path codes;
  std::filesystem::path data_dir = KOMPETENT_DATA_DIR;
  std::filesystem::path out = ".";
  int runs = 5;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::string region = "salten";
  std::filesystem::path dump;  // every figure of every forecast, as hex floats, for before/after diffs
};

bool parse_options(int argc, char** argv, Options& options) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    const char* value = argv[i + 1];
    if (arg == "--national") {
      options.national = value;
    } else if (arg == "--codes") {
      options.codes = value;
    } else if (arg == "--data-dir") {
      options.data_dir = value;
    } else if (arg == "--out") {
      options.out = value;
    } else if (arg == "--runs") {
      options.runs = std::max(1, std::atoi(value));
    } else if (arg == "--threads") {
      options.threads = static_cast<unsigned>(std::max(1, std::atoi(value)));
    } else if (arg == "--region") {
      options.region = value;
    } else if (arg == "--dump") {
      options.dump = value;
    } else {
      return false;
    }
  }
  return argc % 2 == 1 && !options.national.empty() && !options.codes.empty();
}

// Every number of every forecast in hexadecimal floating point: two runs agree bit for bit
// exactly when their dumps are the same file.
void dump_forecasts(const std::filesystem::path& path, const std::vector<WorkforceForecast>& forecasts) {
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (!out) return;
  auto figures = [out](const ForecastFigures& f) {
    const NeedDecomposition& d = f.decomposition;
    std::fprintf(out, " %a %a %a %a %a %a %a %a %a %a %a %a %a\n", f.demand_fte, f.supply_fte, f.gap_fte, f.need_fte,
                 f.need_contracted_fte, f.need_persons, f.staff_persons, d.retirements, d.turnover, d.demand_growth,
                 d.demand_levers, d.supply_levers, d.surplus);
  };
  for (const WorkforceForecast& forecast : forecasts) {
    std::fprintf(out, "%s %s %d\n", forecast.municipalities.front().c_str(), forecast.scenario.c_str(),
                 forecast.base_year);
    for (const ForecastGroupKey& key : forecast.groups) std::fprintf(out, " %s/%s", key.category.c_str(), key.service.c_str());
    std::fprintf(out, "\n");
    for (const ForecastYear* year : [&] {
           std::vector<const ForecastYear*> all{&forecast.base};
           for (const ForecastYear& y : forecast.years) all.push_back(&y);
           return all;
         }()) {
      std::fprintf(out, "%d %a %a %a %a\n", year->year, year->population_20_66, year->population_80_plus,
                   year->population_19, year->local_recruits);
      figures(year->total);
      for (const ForecastFigures& group : year->groups) figures(group);
    }
  }
  std::fclose(out);
}

int fail(const std::string& what, const Error& error) {
  std::cerr << "bench_forecast: " << what << ": " << error.code;
  for (const std::string& arg : error.args) std::cerr << ' ' << arg;
  std::cerr << '\n';
  return 5;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse_options(argc, argv, options)) {
    std::cerr << "usage: bench_forecast --national DIR --codes lokale-koder.csv [--data-dir DIR] [--out DIR] [--runs N] [--threads N]"
                 " [--region ID]\n";
    return 2;
  }
  const std::string load_at_start = load_average();
  auto loaded = load_exports(options.national, options.codes, options.data_dir);
  if (!loaded.ok()) return fail(options.national.string(), loaded.error());
  const Loaded& data = loaded.value();
  ServiceTable services;
  auto parameters = load_parameters(options.data_dir, data.categories, services);
  if (!parameters.ok()) return fail("parameters", parameters.error());
  std::vector<std::string> municipalities;
  for (const Snapshot& snapshot : data.snapshots) municipalities.push_back(snapshot.municipality.digits);
  const std::size_t count = municipalities.size();

  // --- preparation: snapshot → staff → cohorts -------------------------------------------
  std::vector<PreparedWorkforce> prepared(count);
  std::size_t staff_members = 0, cohorts = 0, groups = 0;
  Status prepare_status = Ok{};
  const Timing preparation = time_runs(options.runs, [&] {
    staff_members = 0;
    for (std::size_t m = 0; m < count; ++m) {
      const ForecastStaff staff = forecast_staff(data.snapshots[m], data.trees[m], services);
      staff_members += staff.members.size();
      auto one = prepare_workforce(staff.members, year_of(data.snapshots[m].date), parameters.value());
      if (!one.ok()) {
        prepare_status = one.error();
        return;
      }
      prepared[m] = std::move(one).value();
    }
  });
  if (!prepare_status.ok()) return fail("prepare_workforce", prepare_status.error());
  for (const PreparedWorkforce& one : prepared) {
    groups += one.groups.size();
    for (const auto& group : one.groups) cohorts += group.persons_by_birth_year.size();
  }

  // --- population: read once, project once per alternative ------------------------------
  Result<PopulationInputs> inputs = Error::invalid("not_loaded");
  const Timing population_read =
      time_runs(options.runs, [&] { inputs = io::load_population_inputs(options.data_dir); });
  if (!inputs.ok()) return fail("population", inputs.error());
  const PopulationAlternative alternatives[] = {PopulationAlternative::main, PopulationAlternative::low,
                                                PopulationAlternative::high};
  std::map<PopulationAlternative, std::vector<PopulationSeries>> projected;
  Status project_status = Ok{};
  const Timing population_project = time_runs(options.runs, [&] {
    for (PopulationAlternative alternative : alternatives) {
      auto series = project_population(inputs.value(), municipalities, alternative, kToYear);
      if (!series.ok()) {
        project_status = series.error();
        return;
      }
      projected[alternative] = std::move(series).value();
    }
  });
  if (!project_status.ok()) return fail("project_population", project_status.error());
  std::map<PopulationAlternative, std::vector<const PopulationSeries*>> series_of;  // parallel to municipalities
  for (const auto& [alternative, all] : projected) {
    for (const std::string& number : municipalities) {
      auto it = std::find_if(all.begin(), all.end(), [&](const auto& s) { return s.municipality == number; });
      if (it == all.end()) return fail("population", Error::not_found("population_missing", {number}));
      series_of[alternative].push_back(&*it);
    }
  }

  // --- 8 scenarios × every municipality ------------------------------------------------------
  const std::vector<Scenario> scenarios = bench_scenarios();
  std::vector<ForecastJob> jobs;
  for (const Scenario& scenario : scenarios) {
    for (std::size_t m = 0; m < count; ++m) {
      jobs.push_back({&prepared[m], series_of[scenario.population][m], &scenario});
    }
  }
  std::vector<WorkforceForecast> sequential(jobs.size());
  Status forecast_status = Ok{};
  const Timing forecasts_sequential = time_runs(options.runs, [&] {
    for (std::size_t j = 0; j < jobs.size(); ++j) {
      auto one = forecast_workforce(*jobs[j].prepared, *jobs[j].population, parameters.value(), *jobs[j].scenario,
                                    kToYear);
      if (!one.ok()) {
        forecast_status = one.error();
        return;
      }
      sequential[j] = std::move(one).value();
    }
  });
  if (!forecast_status.ok()) return fail("forecast_workforce", forecast_status.error());

  std::vector<Result<WorkforceForecast>> batch;
  auto run_batch = [&](unsigned threads) {
    return time_runs(options.runs, [&] { batch = forecast_batch(jobs, parameters.value(), kToYear, threads); });
  };
  const Timing forecasts_one_thread = run_batch(1);
  const Timing forecasts_threads = run_batch(options.threads);
  bool identical = batch.size() == sequential.size();
  for (std::size_t j = 0; identical && j < batch.size(); ++j) {
    identical = batch[j].ok() && same_forecast(batch[j].value(), sequential[j]);
  }
  std::size_t forecast_groups = 0;
  double need_2050 = 0;  // basis, whole country, persons through 2050
  for (std::size_t j = 0; j < sequential.size(); ++j) {
    forecast_groups += sequential[j].groups.size();
    if (j < count) need_2050 += sequential[j].cumulative_need_persons(kToYear);
  }

  // --- one lever change for one region -----------------------------------------------------
  auto regions = io::load_regions(options.data_dir / "regions.csv");
  if (!regions.ok()) return fail("regions.csv", Error::invalid("invalid_regions"));
  std::vector<std::size_t> members;
  for (const Region& region : regions.value) {
    if (region.id != options.region) continue;
    for (const MunicipalityNumber& number : region.members) {
      auto it = std::find(municipalities.begin(), municipalities.end(), number.digits);
      if (it != municipalities.end()) members.push_back(static_cast<std::size_t>(it - municipalities.begin()));
    }
  }
  if (members.empty()) return fail("region", Error::not_found("unknown_region", {options.region}));
  Scenario moved = scenarios[0];
  moved.name = "slider";
  double lever_need = 0;
  auto lever_change = [&](unsigned threads) {
    int step = 0;
    return time_runs(options.runs * 5, [&] {
      // Each run moves the slider to a new value, as a user dragging it would.
      moved.turnover.default_value = 0.07 + 0.001 * (step++ % 10);
      std::vector<ForecastJob> region_jobs;
      for (std::size_t m : members) region_jobs.push_back({&prepared[m], series_of[moved.population][m], &moved});
      auto results = forecast_batch(region_jobs, parameters.value(), kToYear, threads);
      std::vector<WorkforceForecast> forecasts;
      for (auto& one : results) forecasts.push_back(std::move(one).value());
      auto combined = combine_forecasts(forecasts);
      const WorkforceForecast by_category = regroup(combined.value(), ForecastGrouping::category);
      lever_need = by_category.cumulative_need_persons(kToYear);
    });
  };
  const Timing lever_one_thread = lever_change(1);
  const Timing lever_threads = lever_change(options.threads);

  if (!options.dump.empty()) dump_forecasts(options.dump, sequential);
  const bool exported = export_for_pandas(options.out / "forecast", municipalities, prepared, series_of,
                                          parameters.value(), scenarios, sequential);
  if (!exported) std::cerr << "bench_forecast: cannot write " << (options.out / "forecast") << '\n';

  auto timing_json = [](const Timing& t) {
    return "{\"median_ms\": " + json_number(t.median) + ", \"min_ms\": " + json_number(t.min) +
           ", \"max_ms\": " + json_number(t.max) + ", \"cpu_median_ms\": " + json_number(t.cpu_median) + "}";
  };
  std::ofstream json(options.out / "bench-forecast.json");
  json << "{\n"
       << "  \"municipalities\": " << count << ",\n"
       << "  \"positions\": " << data.positions << ",\n"
       << "  \"staff_members\": " << staff_members << ",\n"
       << "  \"groups\": " << groups << ",\n"
       << "  \"cohorts\": " << cohorts << ",\n"
       << "  \"scenarios\": " << scenarios.size() << ",\n"
       << "  \"forecasts\": " << jobs.size() << ",\n"
       << "  \"forecast_groups\": " << forecast_groups << ",\n"
       << "  \"to_year\": " << kToYear << ",\n"
       << "  \"runs\": " << options.runs << ",\n"
       << "  \"threads\": " << options.threads << ",\n"
       << "  \"preparation\": " << timing_json(preparation) << ",\n"
       << "  \"population_read\": " << timing_json(population_read) << ",\n"
       << "  \"population_project_3_alternatives\": " << timing_json(population_project) << ",\n"
       << "  \"forecasts_sequential\": " << timing_json(forecasts_sequential) << ",\n"
       << "  \"forecasts_batch_1_thread\": " << timing_json(forecasts_one_thread) << ",\n"
       << "  \"forecasts_batch\": " << timing_json(forecasts_threads) << ",\n"
       << "  \"batch_identical_to_sequential\": " << (identical ? "true" : "false") << ",\n"
       << "  \"region\": \"" << options.region << "\",\n"
       << "  \"region_members\": " << members.size() << ",\n"
       << "  \"lever_change_1_thread\": " << timing_json(lever_one_thread) << ",\n"
       << "  \"lever_change\": " << timing_json(lever_threads) << ",\n"
       << "  \"basis_need_persons_through_2050\": " << json_number(need_2050) << ",\n"
       << "  \"region_need_persons_through_2050\": " << json_number(lever_need) << ",\n"
       << "  \"load_average_start\": \"" << load_at_start << "\",\n"
       << "  \"load_average_end\": \"" << load_average() << "\"\n"
       << "}\n";
  std::cout << std::fixed << std::setprecision(1) << "bench_forecast: " << count << " municipalities, "
            << data.positions << " positions, " << groups << " groups, " << jobs.size() << " forecasts\n"
            << "  wall ms (CPU ms), medians of " << options.runs << " runs:\n"
            << "  preparation " << preparation.median << " (" << preparation.cpu_median << "), population read "
            << population_read.median << " (" << population_read.cpu_median << "), projection (3 alternatives) "
            << population_project.median << " (" << population_project.cpu_median << ")\n"
            << "  forecasts: sequential " << forecasts_sequential.median << " (" << forecasts_sequential.cpu_median
            << "), batch 1 thread " << forecasts_one_thread.median << " (" << forecasts_one_thread.cpu_median
            << "), batch " << options.threads << " threads " << forecasts_threads.median << " ("
            << forecasts_threads.cpu_median << "); identical: " << (identical ? "yes" : "NO") << '\n'
            << "  lever change (" << options.region << ", " << members.size() << " municipalities): "
            << lever_threads.median << " (" << lever_threads.cpu_median << "), 1 thread " << lever_one_thread.median
            << " (" << lever_one_thread.cpu_median << ")\n"
            << "  load average " << load_at_start << " → " << load_average() << '\n';
  return identical && exported ? 0 : 1;
}
