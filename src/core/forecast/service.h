// The municipal services the forecast scales staff by (kindergarten, school, nursing and
// home care, ...): who uses each service (weights per age band) and which position
// records belong to it. Shipped as data (data/forecast/services.csv, docs/forecast.md) so a
// municipality can change the weights or the mapping without a new release.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/forecast/population_series.h"
#include "core/result.h"

namespace kompetent::forecast {

// Inhabitants aged [from_age, to_age] count `weight` users each.
struct AgeBandWeight {
  int from_age = 0;
  int to_age = kOldestAge;
  double weight = 1.0;
  bool operator==(const AgeBandWeight&) const = default;
};

struct Service {
  std::string key;      // stable, e.g. "pleie_omsorg"
  std::string name_nb;
  std::string name_en;
  std::vector<AgeBandWeight> weights;  // bands do not overlap
  bool operator==(const Service&) const = default;
};

// A record belongs to `service` when every non-empty list matches: its sector code is in
// `sectors`, its category in `categories`, and its unit name contains one of
// `unit_name_words` (ASCII case ignored). An empty list matches everything.
struct ServiceRule {
  std::string service;
  std::vector<std::string> sectors;
  std::vector<std::string> categories;
  std::vector<std::string> unit_name_words;
  bool operator==(const ServiceRule&) const = default;
};

class ServiceTable {
 public:
  ServiceTable() = default;
  // Fails with "unknown_service" (a rule naming a service not in `services`),
  // "duplicate_service", "overlapping_age_bands" or "invalid_age_band", naming the key.
  [[nodiscard]] static Result<ServiceTable> create(std::vector<Service> services,
                                                   std::vector<ServiceRule> rules);

  [[nodiscard]] const std::vector<Service>& services() const noexcept { return services_; }
  [[nodiscard]] const std::vector<ServiceRule>& rules() const noexcept { return rules_; }
  [[nodiscard]] std::optional<std::size_t> index_of(std::string_view key) const noexcept;

  // Index of the service of the first rule that matches, or nullopt when none does.
  [[nodiscard]] std::optional<std::size_t> assign(std::string_view sector_code, std::string_view category,
                                                  std::string_view unit_name) const;

  bool operator==(const ServiceTable&) const = default;

 private:
  std::vector<Service> services_;
  std::vector<ServiceRule> rules_;
};

// Weighted users of `service` on 1 January of `year`: Σ weight × persons in the band.
// Precondition: population.has_year(year).
[[nodiscard]] double service_users(const Service& service, const PopulationSeries& population, int year) noexcept;

}  // namespace kompetent::forecast
