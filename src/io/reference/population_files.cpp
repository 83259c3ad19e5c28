#include "io/reference/population_files.h"

#include <bitset>
#include <set>
#include <utility>

#include "io/reference/named_table.h"
#include "io/reference/population_table.h"
#include "io/text/header_name.h"

namespace kompetent::io {
namespace {

using forecast::AgeProfile;
using forecast::kAgeCount;
using forecast::kOldestAge;
using population::add_error;
using population::cell;
using population::parse_count;

constexpr int kEarliestYear = 1900;
constexpr int kLatestYear = 2200;

struct YearCells {
  AgeProfile persons{};
  AgeProfile women{};
  std::bitset<kAgeCount> seen;
};

std::optional<int> parse_year(std::string_view text) {
  auto value = parse_count(text);
  if (!value || *value < kEarliestYear || *value > kLatestYear) return std::nullopt;
  return static_cast<int>(*value);
}

// "Troms - Romsa - Tromssa", "Troms-Romssa" → "troms": the Norwegian form
// comes first in both of SSB's ways of writing a county.
std::string county_key(std::string_view name) {
  return normalize_header_name(name.substr(0, name.find('-')));
}

std::optional<forecast::PopulationAlternative> alternative_of(std::string_view label) {
  using forecast::PopulationAlternative;
  if (label.find("(MMMM)") != std::string_view::npos) return PopulationAlternative::main;
  if (label.find("(LLML)") != std::string_view::npos) return PopulationAlternative::low;
  if (label.find("(HHMH)") != std::string_view::npos) return PopulationAlternative::high;
  return std::nullopt;
}

}  // namespace

Loaded<std::vector<forecast::RegisteredPopulation>> read_registered_population(
    const std::filesystem::path& path, const MunicipalityHistory& history) {
  Loaded<std::vector<forecast::RegisteredPopulation>> out;
  const std::vector<std::string> wanted{"kommunenummer", "aar", "alder", "kvinner", "i_alt"};
  auto table = population::open_columns(path, wanted, out.errors);
  if (!table) return out;
  const auto& col = table->columns;
  auto header = [&](std::size_t i) { return table->header[col[i]]; };

  std::map<std::string, std::map<int, YearCells>, std::less<>> data;  // current number → year
  // Duplicates are checked per number as written: two old numbers that merged
  // may both give a row for the same age and year, and those rows add up.
  std::map<std::string, std::map<int, std::bitset<kAgeCount>>, std::less<>> seen_as_written;
  int first_year = kLatestYear;
  int last_year = kEarliestYear;
  // The file is sorted by municipality, so the lookups of the previous row are
  // kept: 454 104 rows of map lookups by string were half the reading time.
  std::string last_number = "\x01";
  population::MappedNumber mapped;
  std::map<int, std::bitset<kAgeCount>>* seen_years = nullptr;
  std::map<int, YearCells>* data_years = nullptr;
  TableRow row;
  bool going = true;
  while (going && table->rows->next(row)) {
    const std::string_view number = cell(row, col[0]);
    if (number != last_number) {
      last_number = number;
      mapped = population::map_municipality(number, history);
      seen_years = &seen_as_written[last_number];
      data_years = mapped.error_code.empty() ? &data[mapped.current] : nullptr;
    }
    bool ok = true;
    auto problem = [&](std::size_t i, const char* code, std::string_view value) {
      ok = false;
      going = add_error(out.errors, {row.number, header(i), code, std::string(value)});
    };
    if (!mapped.error_code.empty()) problem(0, mapped.error_code.c_str(), number);
    const auto year = parse_year(cell(row, col[1]));
    if (!year)
      problem(1, parse_count(cell(row, col[1])) ? "invalid_value" : "invalid_number",
              cell(row, col[1]));
    const auto age = parse_count(cell(row, col[2]));
    if (!age || *age > kOldestAge)
      problem(2, age ? "invalid_value" : "invalid_number", cell(row, col[2]));
    const auto women = parse_count(cell(row, col[3]));
    if (!women) problem(3, "invalid_number", cell(row, col[3]));
    const auto persons = parse_count(cell(row, col[4]));
    if (!persons) problem(4, "invalid_number", cell(row, col[4]));
    if (!ok) continue;
    const auto a = static_cast<std::size_t>(*age);
    auto& seen = (*seen_years)[*year];
    if (seen.test(a)) {
      going =
          add_error(out.errors, {row.number, header(0), "duplicate_value", std::string(number)});
      continue;
    }
    seen.set(a);
    YearCells& cells = (*data_years)[*year];
    cells.persons[a] += static_cast<double>(*persons);
    cells.women[a] += static_cast<double>(*women);
    cells.seen.set(a);
    first_year = std::min(first_year, *year);
    last_year = std::max(last_year, *year);
  }
  population::add_read_failure(*table->rows, out.errors);
  if (data.empty() && out.errors.empty()) out.errors.push_back({0, "", "empty_file", ""});
  if (!out.errors.empty()) return out;

  for (auto& [number, years] : data) {
    forecast::RegisteredPopulation p;
    p.municipality = number;
    p.first_year = first_year;
    p.first_reliable_year = first_year;
    for (int year = first_year; year <= last_year; ++year) {
      auto found = years.find(year);
      if (found == years.end()) {
        add_error(out.errors, {0, header(1), "missing_year", number + " " + std::to_string(year)});
        continue;
      }
      for (std::size_t a = 0; a < kAgeCount; ++a) {
        if (!found->second.seen.test(a)) {
          add_error(out.errors, {0, header(2), "missing_age",
                                 number + " " + std::to_string(year) + " " + std::to_string(a)});
        }
      }
      p.persons.push_back(found->second.persons);
      p.women.push_back(found->second.women);
    }
    out.value.push_back(std::move(p));
  }
  if (!out.errors.empty()) out.value.clear();
  return out;
}

Loaded<std::map<std::string, forecast::YearlyTotals>> read_municipal_totals(
    const std::filesystem::path& path, const MunicipalityHistory& history) {
  Loaded<std::map<std::string, forecast::YearlyTotals>> out;
  const std::vector<std::string> wanted{"kommunenummer", "aar", "folkemengde"};
  auto table = population::open_columns(path, wanted, out.errors);
  if (!table) return out;
  const auto& col = table->columns;
  auto header = [&](std::size_t i) { return table->header[col[i]]; };

  std::map<std::string, std::map<int, double>, std::less<>> data;
  std::set<std::pair<std::string, int>, std::less<>> seen_as_written;
  TableRow row;
  bool going = true;
  while (going && table->rows->next(row)) {
    const std::string_view number = cell(row, col[0]);
    auto mapped = population::map_municipality(number, history);
    bool ok = true;
    auto problem = [&](std::size_t i, const char* code, std::string_view value) {
      ok = false;
      going = add_error(out.errors, {row.number, header(i), code, std::string(value)});
    };
    if (!mapped.error_code.empty()) problem(0, mapped.error_code.c_str(), number);
    const auto year = parse_year(cell(row, col[1]));
    if (!year)
      problem(1, parse_count(cell(row, col[1])) ? "invalid_value" : "invalid_number",
              cell(row, col[1]));
    const auto persons = parse_count(cell(row, col[2]));
    if (!persons) problem(2, "invalid_number", cell(row, col[2]));
    if (!ok) continue;
    if (!seen_as_written.emplace(std::string(number), *year).second) {
      going =
          add_error(out.errors, {row.number, header(0), "duplicate_value", std::string(number)});
      continue;
    }
    data[mapped.current][*year] += static_cast<double>(*persons);
  }
  population::add_read_failure(*table->rows, out.errors);
  if (data.empty() && out.errors.empty()) out.errors.push_back({0, "", "empty_file", ""});
  if (!out.errors.empty()) return out;

  for (const auto& [number, years] : data) {
    forecast::YearlyTotals totals;
    totals.first_year = years.begin()->first;
    for (int year = totals.first_year; year <= years.rbegin()->first; ++year) {
      auto found = years.find(year);
      if (found == years.end()) {
        add_error(out.errors, {0, header(1), "missing_year", number + " " + std::to_string(year)});
        continue;
      }
      totals.by_year.push_back(found->second);
    }
    out.value.emplace(number, std::move(totals));
  }
  if (!out.errors.empty()) out.value.clear();
  return out;
}

Loaded<std::vector<CountyName>> read_county_names(const std::filesystem::path& path) {
  Loaded<std::vector<CountyName>> out;
  NamedTable table = read_named_table(path, {"fylkesnummer", "fylkesnavn"});
  out.errors = table.errors;
  std::set<std::string> numbers;
  for (const NamedRow& row : table.rows) {
    if (row.values[0].size() != 2 || row.values[1].empty()) {
      out.errors.push_back({row.number, "fylkesnummer", "invalid_value", row.values[0]});
      continue;
    }
    if (numbers.insert(row.values[0]).second) out.value.push_back({row.values[0], row.values[1]});
  }
  if (!out.errors.empty()) out.value.clear();
  return out;
}

Loaded<std::map<std::string, forecast::CountyProjection>> read_county_projection(
    const std::filesystem::path& path, std::span<const CountyName> counties) {
  Loaded<std::map<std::string, forecast::CountyProjection>> out;
  auto table = population::open_columns(path, {"Tid"}, out.errors);
  if (!table) return out;
  const std::size_t year_column = table->columns[0];

  std::map<std::string, std::string> county_by_key;
  for (const CountyName& c : counties) county_by_key.emplace(county_key(c.name), c.number);
  struct Target {
    std::string county;
    forecast::PopulationAlternative alternative;
  };
  std::map<std::size_t, Target> targets;  // column → what it holds
  for (std::size_t c = 0; c < table->header.size(); ++c) {
    if (c == year_column) continue;
    const std::string& name = table->header[c];
    const std::size_t split = name.rfind('_');
    auto alternative = alternative_of(split == std::string::npos ? "" : name.substr(split + 1));
    auto county = county_by_key.find(county_key(name.substr(0, split)));
    if (county == county_by_key.end()) {
      out.errors.push_back({1, name, "unknown_county", name.substr(0, split)});
    } else if (!alternative) {
      out.errors.push_back({1, name, "invalid_value", name});
    } else {
      targets.emplace(c, Target{county->second, *alternative});
    }
  }
  if (!out.errors.empty()) return out;

  // county → alternative → year → persons
  std::map<std::string, std::map<forecast::PopulationAlternative, std::map<int, double>>> data;
  std::set<int> years;
  TableRow row;
  bool going = true;
  while (going && table->rows->next(row)) {
    const auto year = parse_year(cell(row, year_column));
    if (!year || !years.insert(*year).second) {
      going = add_error(out.errors, {row.number, table->header[year_column],
                                     year ? "duplicate_value" : "invalid_value",
                                     std::string(cell(row, year_column))});
      continue;
    }
    for (const auto& [column, target] : targets) {
      const auto persons = parse_count(cell(row, column));
      if (!persons) {
        going = add_error(out.errors, {row.number, table->header[column], "invalid_number",
                                       std::string(cell(row, column))});
        continue;
      }
      data[target.county][target.alternative][*year] = static_cast<double>(*persons);
    }
  }
  population::add_read_failure(*table->rows, out.errors);
  if (years.empty() && out.errors.empty()) out.errors.push_back({0, "", "empty_file", ""});
  if (!out.errors.empty()) return out;

  for (int year = *years.begin(); year <= *years.rbegin(); ++year) {
    if (years.count(year) == 0) {
      out.errors.push_back({0, table->header[year_column], "missing_year", std::to_string(year)});
    }
  }
  using forecast::PopulationAlternative;
  for (auto& [county, alternatives] : data) {
    forecast::CountyProjection projection;
    projection.county = county;
    for (auto alternative :
         {PopulationAlternative::main, PopulationAlternative::low, PopulationAlternative::high}) {
      auto found = alternatives.find(alternative);
      if (found == alternatives.end()) {
        const char* code = alternative == PopulationAlternative::main  ? "MMMM"
                           : alternative == PopulationAlternative::low ? "LLML"
                                                                       : "HHMH";
        out.errors.push_back({1, county + " (" + code + ")", "missing_column", ""});
        continue;
      }
      forecast::YearlyTotals& totals = alternative == PopulationAlternative::main ? projection.main
                                       : alternative == PopulationAlternative::low
                                           ? projection.low
                                           : projection.high;
      totals.first_year = *years.begin();
      for (const auto& [year, persons] : found->second) totals.by_year.push_back(persons);
    }
    out.value.emplace(county, std::move(projection));
  }
  if (!out.errors.empty()) out.value.clear();
  return out;
}

}  // namespace kompetent::io
