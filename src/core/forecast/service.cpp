#include "core/forecast/service.h"

#include <algorithm>
#include <set>

namespace kompetent::forecast {
namespace {

char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Unit names are Norwegian, but the words we look for ("barnehage", "skole", "sykehjem")
// are ASCII, so folding ASCII case is enough; æøå are compared as bytes.
bool contains_word(std::string_view text, std::string_view word) {
  if (word.empty()) return true;
  auto it = std::search(text.begin(), text.end(), word.begin(), word.end(),
                        [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
  return it != text.end();
}

bool in_list(const std::vector<std::string>& list, std::string_view value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

Result<ServiceTable> ServiceTable::create(std::vector<Service> services, std::vector<ServiceRule> rules) {
  std::set<std::string> keys;
  for (Service& service : services) {
    if (!keys.insert(service.key).second) return Error::invalid("duplicate_service", {service.key});
    std::sort(service.weights.begin(), service.weights.end(),
              [](const AgeBandWeight& a, const AgeBandWeight& b) { return a.from_age < b.from_age; });
    for (std::size_t i = 0; i < service.weights.size(); ++i) {
      const AgeBandWeight& band = service.weights[i];
      if (band.from_age < 0 || band.to_age > kOldestAge || band.from_age > band.to_age || band.weight < 0) {
        return Error::invalid("invalid_age_band", {service.key});
      }
      if (i > 0 && service.weights[i - 1].to_age >= band.from_age) {
        return Error::invalid("overlapping_age_bands", {service.key});
      }
    }
  }
  for (const ServiceRule& rule : rules) {
    if (!keys.count(rule.service)) return Error::invalid("unknown_service", {rule.service});
  }
  ServiceTable table;
  table.services_ = std::move(services);
  table.rules_ = std::move(rules);
  return table;
}

std::optional<std::size_t> ServiceTable::index_of(std::string_view key) const noexcept {
  for (std::size_t i = 0; i < services_.size(); ++i) {
    if (services_[i].key == key) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> ServiceTable::assign(std::string_view sector_code, std::string_view category,
                                                std::string_view unit_name) const {
  for (const ServiceRule& rule : rules_) {
    if (!in_list(rule.sectors, sector_code) || !in_list(rule.categories, category)) continue;
    const bool word_matches =
        rule.unit_name_words.empty() ||
        std::any_of(rule.unit_name_words.begin(), rule.unit_name_words.end(),
                    [&](const std::string& word) { return contains_word(unit_name, word); });
    if (word_matches) return index_of(rule.service);
  }
  return std::nullopt;
}

double service_users(const Service& service, const PopulationSeries& population, int year) noexcept {
  double users = 0;
  for (const AgeBandWeight& band : service.weights) {
    users += band.weight * population.sum(year, band.from_age, band.to_age);
  }
  return users;
}

}  // namespace kompetent::forecast
