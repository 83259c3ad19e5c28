#include "io/reference/forecast_parameters.h"

#include <map>
#include <set>

#include "io/reference/named_table.h"
#include "io/text/norwegian_number.h"

namespace kompetent::io {
namespace {

std::optional<int> parse_age(std::string_view text) {
  auto value = parse_whole_number(text);
  if (!value || *value < 0 || *value > forecast::kOldestAge) return std::nullopt;
  return static_cast<int>(*value);
}

// "1-5:1,80-89:0,4": bands are separated by commas and a weight may have a decimal comma, so a
// comma ends a weight only where a new band ("digits-") follows it.
std::optional<std::vector<forecast::AgeBandWeight>> parse_bands(std::string_view text) {
  std::vector<forecast::AgeBandWeight> bands;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t dash = text.find('-', start);
    const std::size_t colon = text.find(':', start);
    if (dash == std::string_view::npos || colon == std::string_view::npos || dash > colon) return std::nullopt;
    std::size_t end = colon + 1;
    while (end < text.size()) {
      if (text[end] == ',') {
        std::size_t next = end + 1;
        while (next < text.size() && text[next] == ' ') ++next;
        std::size_t digits = next;
        while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
        if (digits > next && digits < text.size() && text[digits] == '-') break;
      }
      ++end;
    }
    const auto from = parse_age(text.substr(start, dash - start));
    const auto to = parse_age(text.substr(dash + 1, colon - dash - 1));
    const auto weight = parse_decimal(text.substr(colon + 1, end - colon - 1));
    if (!from || !to || !weight || *from > *to || *weight < 0) return std::nullopt;
    for (const auto& band : bands) {
      if (*from <= band.to_age && band.from_age <= *to) return std::nullopt;  // overlap
    }
    bands.push_back({*from, *to, *weight});
    start = end + 1;
    while (start < text.size() && text[start] == ' ') ++start;
  }
  if (bands.empty()) return std::nullopt;
  return bands;
}

}  // namespace

Loaded<forecast::ServiceTable> load_forecast_services(const std::filesystem::path& path,
                                                      const CategoryTable& categories) {
  Loaded<forecast::ServiceTable> out;
  const std::vector<std::string> columns{"tjeneste", "navn_nb", "navn_en", "aldersvekter",
                                         "sektorer", "kategorier", "enhetsnavn"};
  NamedTable table = read_named_table(path, columns);
  out.errors = table.errors;
  std::vector<forecast::Service> services;
  std::vector<forecast::ServiceRule> rules;
  std::map<std::string, std::size_t> index;
  for (const NamedRow& row : table.rows) {
    const auto& v = row.values;
    if (v[0].empty()) {
      out.errors.push_back({row.number, columns[0], "missing_value", ""});
      continue;
    }
    std::optional<std::vector<forecast::AgeBandWeight>> bands;
    if (!v[3].empty()) {
      bands = parse_bands(v[3]);
      if (!bands) out.errors.push_back({row.number, columns[3], "invalid_value", v[3]});
    }
    auto known = index.find(v[0]);
    if (known == index.end()) {
      for (std::size_t c : {1u, 3u}) {
        if (v[c].empty()) out.errors.push_back({row.number, columns[c], "missing_value", ""});
      }
      index[v[0]] = services.size();
      services.push_back({v[0], v[1], v[2].empty() ? v[1] : v[2], bands.value_or(std::vector<forecast::AgeBandWeight>{})});
    } else {
      const forecast::Service& first = services[known->second];
      if (!v[1].empty() && v[1] != first.name_nb) out.errors.push_back({row.number, columns[1], "conflicting_value", v[1]});
      if (bands && *bands != first.weights) out.errors.push_back({row.number, columns[3], "conflicting_value", v[3]});
    }
    forecast::ServiceRule rule{v[0], split_list(v[4]), split_list(v[5]), split_list(v[6])};
    for (const std::string& category : rule.categories) {
      if (!categories.find(category)) out.errors.push_back({row.number, columns[5], "unknown_category", category});
    }
    rules.push_back(std::move(rule));
  }
  if (!out.ok()) return out;
  auto created = forecast::ServiceTable::create(std::move(services), std::move(rules));
  if (!created.ok()) {
    out.errors.push_back({0, columns[0], created.error().code, created.error().args.empty() ? "" : created.error().args[0]});
    return out;
  }
  out.value = std::move(created).value();
  return out;
}

Loaded<forecast::ExitRateTable> load_exit_rates(const std::filesystem::path& path, const CategoryTable& categories) {
  Loaded<forecast::ExitRateTable> out;
  const std::vector<std::string> columns{"gruppe", "fra_alder", "til_alder", "avgang_per_aar"};
  NamedTable table = read_named_table(path, columns);
  out.errors = table.errors;
  std::vector<forecast::ExitRateRow> rows;
  std::map<std::string, std::vector<bool>> taken;
  for (const NamedRow& row : table.rows) {
    const auto& v = row.values;
    const std::string prefix = "pensjonsalder_";
    const bool age_group = v[0].rfind(prefix, 0) == 0 && parse_age(v[0].substr(prefix.size())).has_value();
    if (v[0].empty()) {
      out.errors.push_back({row.number, columns[0], "missing_value", ""});
    } else if (!age_group && !categories.find(v[0])) {
      out.errors.push_back({row.number, columns[0], "unknown_category", v[0]});
    }
    const auto from = parse_age(v[1]);
    const auto to = parse_age(v[2]);
    const auto rate = parse_decimal(v[3]);
    if (!from) out.errors.push_back({row.number, columns[1], v[1].empty() ? "missing_value" : "invalid_value", v[1]});
    if (!to || (from && *to < *from)) {
      out.errors.push_back({row.number, columns[2], v[2].empty() ? "missing_value" : "invalid_value", v[2]});
    }
    if (!rate || *rate < 0 || *rate > 1) {
      out.errors.push_back({row.number, columns[3], v[3].empty() ? "missing_value" : "invalid_value", v[3]});
    }
    if (!from || !to || *to < *from || !rate) continue;
    auto& ages = taken[v[0]];
    ages.resize(forecast::kAgeCount, false);
    bool overlap = false;
    for (int age = *from; age <= *to; ++age) {
      overlap = overlap || ages[static_cast<std::size_t>(age)];
      ages[static_cast<std::size_t>(age)] = true;
    }
    if (overlap) out.errors.push_back({row.number, columns[1], "overlapping_ages", v[1]});
    rows.push_back({v[0], *from, *to, *rate});
  }
  if (!out.ok()) return out;
  auto created = forecast::ExitRateTable::create(std::move(rows));
  if (!created.ok()) {
    out.errors.push_back({0, columns[0], created.error().code, created.error().args.empty() ? "" : created.error().args[0]});
    return out;
  }
  out.value = std::move(created).value();
  return out;
}

}  // namespace kompetent::io
