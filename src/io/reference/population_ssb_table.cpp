#include "io/reference/population_ssb_table.h"

#include <bitset>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "io/import/text_match.h"
#include "io/reference/population_table.h"
#include "io/table/open_table.h"
#include "io/text/header_name.h"

namespace kompetent::io {
namespace {

using forecast::AgeProfile;
using forecast::kAgeCount;
using forecast::kOldestAge;
using forecast::PopulationAlternative;
using population::add_error;

constexpr int kHeaderSearchRows = 20;

struct Layout {
  std::int64_t header_row = 0;
  std::vector<std::string> header;
  std::size_t region = 0;
  std::size_t age = 0;
  std::optional<std::size_t> sex;
  std::optional<std::size_t> alternative;
  std::optional<std::size_t> year;
  struct ValueColumn {
    std::size_t column;
    std::optional<int> year;                           // from the header, if it names one
    std::optional<PopulationAlternative> alternative;  // likewise
  };
  std::vector<ValueColumn> values;
};

std::optional<PopulationAlternative> alternative_in(std::string_view text) {
  if (text.find("(MMMM)") != std::string_view::npos) return PopulationAlternative::main;
  if (text.find("(LLML)") != std::string_view::npos) return PopulationAlternative::low;
  if (text.find("(HHMH)") != std::string_view::npos) return PopulationAlternative::high;
  return std::nullopt;
}

const char* code_of(PopulationAlternative alternative) {
  switch (alternative) {
    case PopulationAlternative::low:
      return "LLML";
    case PopulationAlternative::high:
      return "HHMH";
    case PopulationAlternative::main:
      break;
  }
  return "MMMM";
}

// The last run of exactly four digits in a header: "Personer 2030" → 2030.
std::optional<int> year_in(std::string_view text) {
  std::optional<int> found;
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) ++end;
    if (end - i == 4) found = std::stoi(std::string(text.substr(i, 4)));
    i = end;
  }
  return found;
}

// The leading digits of a cell ("5546 Kvænangen", "K-5546", "105 år eller eldre").
std::string_view leading_digits(std::string_view text) {
  if (text.size() > 2 && (text[0] == 'K' || text[0] == 'k') && text[1] == '-')
    text.remove_prefix(2);
  std::size_t end = 0;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) ++end;
  return text.substr(0, end);
}

std::optional<Layout> find_layout(RowSource& rows, std::vector<ImportError>& errors) {
  TableRow row;
  for (int i = 0; i < kHeaderSearchRows && rows.next(row); ++i) {
    std::vector<std::string> names;
    for (const std::string& cell : row.cells) names.push_back(normalize_header_name(cell));
    auto find = [&](std::initializer_list<const char*> wanted) -> std::optional<std::size_t> {
      for (const char* name : wanted) {
        for (std::size_t c = 0; c < names.size(); ++c) {
          if (names[c] == name) return c;
        }
      }
      return std::nullopt;
    };
    auto region = find({"region"});
    if (!region) continue;
    Layout layout;
    layout.header_row = row.number;
    for (const std::string& cell : row.cells) layout.header.emplace_back(trim_view(cell));
    layout.region = *region;
    auto age = find({"alder"});
    if (!age) {
      errors.push_back({row.number, "alder", "missing_column", ""});
      return std::nullopt;
    }
    layout.age = *age;
    layout.sex = find({"kjonn"});
    layout.alternative = find({"statistikkvariabel", "contentscode_tekst", "contents"});
    layout.year = find({"ar", "tid", "year"});
    auto value = find({"verdi", "value"});
    for (std::size_t c = 0; c < names.size(); ++c) {
      const bool dimension = c == layout.region || c == layout.age || c == layout.sex ||
                             c == layout.alternative || c == layout.year ||
                             (names[c].size() > 6 && names[c].ends_with("_tekst")) ||
                             names[c] == "kjonn" || names[c] == "contentscode" || names[c].empty();
      if (value ? c != *value : dimension) continue;
      layout.values.push_back({c, year_in(layout.header[c]), alternative_in(layout.header[c])});
    }
    if (layout.values.empty()) {
      errors.push_back({row.number, layout.year ? "verdi" : "år", "missing_column", ""});
      return std::nullopt;
    }
    if (!layout.year) {
      for (const auto& v : layout.values) {
        if (!v.year)
          errors.push_back(
              {row.number, layout.header[v.column], "invalid_value", layout.header[v.column]});
      }
      if (!errors.empty()) return std::nullopt;
    }
    return layout;
  }
  if (const auto& failure = rows.failure()) {
    errors.push_back({failure->row, "", failure->code, ""});
  } else {
    errors.push_back({1, "region", "missing_column", ""});
  }
  return std::nullopt;
}

// "12 345" and "12345" are counts; SSB's symbols for "no number" are missing values.
std::optional<std::int64_t> parse_ssb_count(std::string_view text, bool& missing) {
  missing = text == ".." || text == "." || text == ":" || text == "-" || text == "...";
  if (missing) return std::nullopt;
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') continue;
    if (text.substr(i, 2) == "\xC2\xA0") {  // no-break space
      ++i;
      continue;
    }
    digits.push_back(text[i]);
  }
  return population::parse_count(digits);
}

struct SsbYearCells {
  AgeProfile persons{};
  std::bitset<kAgeCount> seen;
};

}  // namespace

Loaded<std::vector<forecast::PopulationSeries>> read_ssb_population_table(
    const std::filesystem::path& path, const MunicipalityHistory& history,
    PopulationAlternative alternative) {
  Loaded<std::vector<forecast::PopulationSeries>> out;
  auto opened = open_table(path);
  if (!opened.ok()) {
    out.errors.push_back({0, "", opened.error().code, path.string()});
    return out;
  }
  RowSource& rows = *opened.value().rows;
  auto layout = find_layout(rows, out.errors);
  if (!layout) return out;
  const auto& header = layout->header;

  std::map<std::string, std::map<int, SsbYearCells>, std::less<>> data;
  // Duplicates per region as written, sex and year: two old numbers that merged add up.
  std::map<std::string, std::map<int, std::bitset<kAgeCount>>, std::less<>> seen_as_written;
  bool any_alternative_row = false;
  TableRow row;
  bool going = true;
  while (going && rows.next(row)) {
    auto cell = [&](std::size_t c) { return population::cell(row, c); };
    if (layout->alternative) {
      auto alt = alternative_in(cell(*layout->alternative));
      if (alt && *alt != alternative) continue;
    }
    bool ok = true;
    auto problem = [&](std::size_t column, const char* code, std::string_view value) {
      ok = false;
      going = add_error(out.errors, {row.number, header[column], code, std::string(value)});
    };
    const std::string_view region = cell(layout->region);
    const std::string_view number = leading_digits(region);
    population::MappedNumber mapped;
    if (number.size() != 4) {
      problem(layout->region, "invalid_value", region);
    } else {
      mapped = population::map_municipality(number, history);
      if (!mapped.error_code.empty()) problem(layout->region, mapped.error_code.c_str(), region);
    }
    const std::string_view age_text = cell(layout->age);
    const auto age = population::parse_count(leading_digits(age_text));
    if (!age || *age > kOldestAge) problem(layout->age, "invalid_value", age_text);
    std::optional<int> row_year;
    if (layout->year) {
      auto y = population::parse_count(cell(*layout->year));
      if (!y || *y < 1900 || *y > 2200) {
        problem(*layout->year, "invalid_value", cell(*layout->year));
      } else {
        row_year = static_cast<int>(*y);
      }
    }
    for (const auto& value : layout->values) {
      if (value.alternative && *value.alternative != alternative) continue;
      bool missing = false;
      auto persons = parse_ssb_count(cell(value.column), missing);
      if (!persons) {
        problem(value.column, missing ? "missing_value" : "invalid_number", cell(value.column));
        continue;
      }
      if (!ok) continue;
      const int year = row_year ? *row_year : *value.year;
      const auto a = static_cast<std::size_t>(*age);
      std::string key(number);
      if (layout->sex) key += "|" + std::string(cell(*layout->sex));
      auto& seen = seen_as_written[key][year];
      if (seen.test(a)) {
        problem(layout->region, "duplicate_value", region);
        continue;
      }
      seen.set(a);
      SsbYearCells& cells = data[mapped.current][year];
      cells.persons[a] += static_cast<double>(*persons);
      cells.seen.set(a);
      any_alternative_row = true;
    }
  }
  if (const auto& failure = rows.failure())
    out.errors.push_back({failure->row, "", failure->code, ""});
  if (!out.errors.empty()) return out;
  if (!any_alternative_row) {
    out.errors.push_back({0, layout->alternative ? header[*layout->alternative] : "",
                          "missing_alternative", code_of(alternative)});
    return out;
  }

  const std::string year_column = layout->year ? header[*layout->year] : "år";
  for (const auto& [number, years] : data) {
    forecast::PopulationSeries series;
    series.municipality = number;
    series.alternative = alternative;
    series.first_year = years.begin()->first;
    series.last_registered_year = series.first_year;
    for (int year = series.first_year; year <= years.rbegin()->first; ++year) {
      auto found = years.find(year);
      if (found == years.end()) {
        add_error(out.errors,
                  {0, year_column, "missing_year", number + " " + std::to_string(year)});
        continue;
      }
      for (std::size_t a = 0; a < kAgeCount; ++a) {
        if (!found->second.seen.test(a)) {
          add_error(out.errors, {0, header[layout->age], "missing_age",
                                 number + " " + std::to_string(year) + " " + std::to_string(a)});
        }
      }
      series.by_year.push_back(found->second.persons);
    }
    out.value.push_back(std::move(series));
  }
  if (!out.errors.empty()) out.value.clear();
  return out;
}

std::string ssb_table_id(const std::filesystem::path& path) {
  auto opened = open_table(path);
  if (!opened.ok()) return "";
  RowSource& rows = *opened.value().rows;
  TableRow row;
  for (int i = 0; i < kHeaderSearchRows && rows.next(row); ++i) {
    for (const std::string& cell : row.cells) {
      for (const char* id : {"14288", "14746"}) {
        // As a number of its own: "14288: Framskrevet …", "tabell 14288", not "1428812".
        for (auto at = cell.find(id); at != std::string::npos; at = cell.find(id, at + 1)) {
          const bool digit_before = at > 0 && std::isdigit(static_cast<unsigned char>(cell[at - 1])) != 0;
          const std::size_t after = at + 5;
          const bool digit_after =
              after < cell.size() && std::isdigit(static_cast<unsigned char>(cell[after])) != 0;
          if (!digit_before && !digit_after) return id;
        }
      }
    }
  }
  return "";
}

}  // namespace kompetent::io
