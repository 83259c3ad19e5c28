#include "io/reference/municipality_history_file.h"

#include <charconv>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "io/reference/named_table.h"

namespace kompetent::io {
namespace {

std::optional<int> to_year(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1800 || value > 2200) {
    return std::nullopt;
  }
  return value;
}

std::vector<std::string> split_successors(std::string_view text) {
  std::vector<std::string> out;
  while (true) {
    std::size_t bar = text.find('|');
    std::string_view item = text.substr(0, bar);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    out.emplace_back(item);
    if (bar == std::string_view::npos) break;
    text.remove_prefix(bar + 1);
  }
  return out;
}

}  // namespace

Loaded<MunicipalityHistory> load_municipality_history(const std::filesystem::path& path,
                                                      const std::vector<Municipality>& current) {
  Loaded<MunicipalityHistory> out;
  const std::vector<std::string> required{"kommunenummer", "navn", "gyldig_fra", "gyldig_til",
                                          "erstattet_av"};
  const std::vector<std::string> optional{"merknad"};
  NamedTable table = read_named_table(path, required, optional);
  out.errors = table.errors;

  std::set<std::string, std::less<>> current_numbers;
  for (const Municipality& m : current) current_numbers.insert(m.number.digits);

  std::vector<MunicipalityNumberChange> changes;
  std::vector<std::int64_t> change_rows;  // spreadsheet row of each change, for the successor check
  std::set<std::string, std::less<>> retired;
  for (const NamedRow& row : table.rows) {
    const auto& v = row.values;
    bool ok = true;
    auto problem = [&](std::size_t column, const char* code, const std::string& value) {
      out.errors.push_back({row.number, required[column], code, value});
      ok = false;
    };
    if (v[0].empty()) {
      problem(0, "missing_value", v[0]);
    } else if (!is_valid_municipality_number(v[0])) {
      problem(0, "invalid_value", v[0]);
    } else if (!retired.insert(v[0]).second) {
      problem(0, "duplicate_value", v[0]);
    } else if (current_numbers.count(v[0]) > 0) {
      problem(0, "conflicting_value", v[0]);
    }
    MunicipalityNumberChange change;
    change.number = MunicipalityNumber{v[0]};
    if (!v[2].empty()) {
      change.valid_from_year = to_year(v[2]);
      if (!change.valid_from_year) problem(2, "invalid_value", v[2]);
    }
    if (v[3].empty()) {
      problem(3, "missing_value", v[3]);
    } else if (auto to = to_year(v[3]); !to) {
      problem(3, "invalid_value", v[3]);
    } else if (change.valid_from_year && *change.valid_from_year > *to) {
      problem(3, "invalid_value", v[3]);
    } else {
      change.valid_to_year = *to;
    }
    if (v[4].empty()) {
      problem(4, "missing_value", v[4]);
    } else {
      for (const std::string& successor : split_successors(v[4])) {
        if (!is_valid_municipality_number(successor)) {
          problem(4, "invalid_value", v[4]);
          break;
        }
        change.successors.push_back(MunicipalityNumber{successor});
      }
    }
    if (!ok) continue;
    changes.push_back(std::move(change));
    change_rows.push_back(row.number);
  }

  // Successors may point forward in the file (1943 → 5429 comes before 5429's
  // own row), so they are checked once every row has been read.
  for (std::size_t i = 0; i < changes.size(); ++i) {
    for (const MunicipalityNumber& successor : changes[i].successors) {
      if (current_numbers.count(successor.digits) == 0 && retired.count(successor.digits) == 0) {
        out.errors.push_back(
            {change_rows[i], required[4], "unknown_municipality", successor.digits});
      }
    }
  }

  std::vector<MunicipalityNumber> current_list;
  current_list.reserve(current.size());
  for (const Municipality& m : current) current_list.push_back(m.number);
  out.value = MunicipalityHistory(std::move(changes), std::move(current_list));
  return out;
}

}  // namespace kompetent::io
