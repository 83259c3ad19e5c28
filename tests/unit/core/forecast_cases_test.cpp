// Runs the hand-computed forecast cases in tests/cases/forecast/*.case (format in the README
// there): builds the staff, exit curves, services, population and scenario a case describes,
// runs the cohort model and compares every `expect` line.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/forecast/workforce_forecast.h"

namespace kompetent::forecast {
namespace {

const std::filesystem::path kCaseDir = std::filesystem::path(KOMPETENT_SOURCE_DIR) / "tests/cases/forecast";
constexpr double kTolerance = 1e-6;

struct Band {
  int from = 0, to = 0;
  double value = 0;
};

Band parse_band(const std::string& text) {
  Band band;
  const auto dash = text.find('-');
  const auto colon = text.find(':');
  band.from = std::stoi(text.substr(0, dash));
  band.to = std::stoi(text.substr(dash + 1, colon - dash - 1));
  band.value = std::stod(text.substr(colon + 1));
  return band;
}

struct Expectation {
  int line = 0;
  int year = 0;
  std::string group;  // "total", "category/service" or "cumulative"
  std::string field;
  double value = 0;
};

struct ForecastCaseFile {
  int base_year = 0;
  int to_year = 0;
  ForecastParameters parameters;
  std::map<int, AgeProfile> population;
  std::vector<StaffMember> staff;
  Scenario scenario;
  std::vector<Expectation> expectations;
};

ForecastCaseFile read_case(const std::filesystem::path& path) {
  ForecastCaseFile c;
  c.scenario.turnover = {};
  c.scenario.sick_leave = {0, 0, 2030};
  c.scenario.outside_recruit_share = 0;
  std::ifstream in(path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::istringstream words(line);
    std::string directive;
    if (!(words >> directive)) continue;
    std::vector<std::string> args;
    for (std::string word; words >> word;) args.push_back(word);
    if (directive == "base_year") {
      c.base_year = std::stoi(args.at(0));
    } else if (directive == "to_year") {
      c.to_year = std::stoi(args.at(0));
    } else if (directive == "exit_rates") {
      ExitCurve curve{};
      int oldest = -1;
      for (std::size_t i = 1; i < args.size(); ++i) {
        const Band band = parse_band(args[i]);
        for (int age = band.from; age <= band.to; ++age) curve[static_cast<std::size_t>(age)] = band.value;
        oldest = std::max(oldest, band.to);
      }
      for (int age = oldest + 1; age <= kOldestAge; ++age) curve[static_cast<std::size_t>(age)] = curve[static_cast<std::size_t>(oldest)];
      c.parameters.exit_curves[args.at(0)] = curve;
    } else if (directive == "service") {
      Service service{args.at(0), args.at(0), args.at(0), {}};
      for (std::size_t i = 1; i < args.size(); ++i) {
        const Band band = parse_band(args[i]);
        service.weights.push_back({band.from, band.to, band.value});
      }
      c.parameters.services.push_back(service);
    } else if (directive == "population") {
      AgeProfile ages{};
      for (std::size_t i = 1; i < args.size(); ++i) {
        const Band band = parse_band(args[i]);
        for (int age = band.from; age <= band.to; ++age) ages[static_cast<std::size_t>(age)] = band.value;
      }
      c.population[std::stoi(args.at(0))] = ages;
    } else if (directive == "person") {
      const int count = args.size() > 4 ? std::stoi(args[4]) : 1;
      for (int i = 0; i < count; ++i) c.staff.push_back({std::stoi(args.at(0)), args.at(1), args.at(2), std::stod(args.at(3))});
    } else if (directive == "set") {
      const Status set = set_lever(c.scenario, args.at(0), args.at(1));
      EXPECT_TRUE(set.ok()) << path.filename() << ":" << number << " cannot set " << args.at(0);
    } else if (directive == "expect") {
      c.expectations.push_back({number, std::stoi(args.at(0)), args.at(1), args.at(2), std::stod(args.at(3))});
    } else if (directive == "expect_cumulative") {
      c.expectations.push_back({number, std::stoi(args.at(0)), "cumulative", args.at(1), std::stod(args.at(2))});
    } else {
      ADD_FAILURE() << path.filename() << ":" << number << " unknown line: " << directive;
    }
  }
  return c;
}

PopulationSeries series_of(const ForecastCaseFile& c) {
  PopulationSeries series;
  series.municipality = "9999";
  series.first_year = c.population.begin()->first;
  series.last_registered_year = series.first_year;
  AgeProfile current = c.population.begin()->second;
  for (int year = series.first_year; year <= c.to_year; ++year) {
    if (auto it = c.population.find(year); it != c.population.end()) current = it->second;
    series.by_year.push_back(current);
  }
  return series;
}

std::optional<double> field_of(const ForecastYear& year, const ForecastFigures& f, const std::string& field) {
  const std::map<std::string, double> values{
      {"demand_fte", f.demand_fte},
      {"supply_fte", f.supply_fte},
      {"gap_fte", f.gap_fte},
      {"need_fte", f.need_fte},
      {"need_contracted_fte", f.need_contracted_fte},
      {"need_persons", f.need_persons},
      {"staff_persons", f.staff_persons},
      {"retirements", f.decomposition.retirements},
      {"turnover", f.decomposition.turnover},
      {"demand_growth", f.decomposition.demand_growth},
      {"demand_levers", f.decomposition.demand_levers},
      {"supply_levers", f.decomposition.supply_levers},
      {"surplus", f.decomposition.surplus},
      {"support_ratio", year.support_ratio().value_or(NAN)},
      {"youth_cohort_share", year.youth_cohort_share().value_or(NAN)},
  };
  auto it = values.find(field);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

class ForecastCase : public ::testing::TestWithParam<std::string> {};

TEST_P(ForecastCase, MatchesHandComputedValues) {
  const std::filesystem::path path = kCaseDir / GetParam();
  const ForecastCaseFile c = read_case(path);
  ASSERT_FALSE(c.population.empty()) << "a case needs a population line";
  auto prepared = prepare_workforce(c.staff, c.base_year, c.parameters);
  ASSERT_TRUE(prepared.ok()) << prepared.error().code;
  auto forecast = forecast_workforce(prepared.value(), series_of(c), c.parameters, c.scenario, c.to_year);
  ASSERT_TRUE(forecast.ok()) << forecast.error().code;
  const WorkforceForecast& f = forecast.value();

  for (const ForecastYear& year : f.years) {
    for (std::size_t g = 0; g < year.groups.size(); ++g) {
      EXPECT_NEAR(year.groups[g].decomposition.sum(), year.groups[g].need_fte, 1e-9)
          << "decomposition of " << f.groups[g].category << "/" << f.groups[g].service << " in " << year.year;
    }
  }
  for (const Expectation& e : c.expectations) {
    SCOPED_TRACE(GetParam() + ":" + std::to_string(e.line));
    if (e.group == "cumulative") {
      const double actual = e.field == "need_persons" ? f.cumulative_need_persons(e.year) : f.cumulative_need_fte(e.year);
      EXPECT_NEAR(actual, e.value, kTolerance) << "cumulative " << e.field << " through " << e.year;
      continue;
    }
    const ForecastYear* year = e.year == f.base_year ? &f.base : nullptr;
    for (const ForecastYear& y : f.years) {
      if (y.year == e.year) year = &y;
    }
    ASSERT_NE(year, nullptr) << "no year " << e.year;
    const ForecastFigures* figures = &year->total;
    if (e.group != "total") {
      figures = nullptr;
      const auto slash = e.group.find('/');
      const ForecastGroupKey key{e.group.substr(0, slash), e.group.substr(slash + 1)};
      for (std::size_t g = 0; g < f.groups.size(); ++g) {
        if (f.groups[g] == key) figures = &year->groups[g];
      }
      ASSERT_NE(figures, nullptr) << "no group " << e.group;
    }
    const auto actual = field_of(*year, *figures, e.field);
    ASSERT_TRUE(actual.has_value()) << "unknown field " << e.field;
    EXPECT_NEAR(*actual, e.value, kTolerance) << e.group << " " << e.field << " in " << e.year;
  }
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(kCaseDir)) {
    if (entry.path().extension() == ".case") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Cases, ForecastCase, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.find('.'));
                           for (char& ch : name) {
                             if (ch == '-') ch = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace kompetent::forecast
