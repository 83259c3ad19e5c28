// Position categories (stillingskategorier): the groups the indicators and the
// forecast are reported by, e.g. helsefagarbeider or sykepleier. The table is
// data (data/position_categories.csv) so a municipality can change retirement
// ages without a new release.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/workforce/education_level.h"

namespace kompetent {

// Retirement age for a category missing from the table (docs/indicators.md).
inline constexpr int kDefaultRetirementAge = 67;

struct PositionCategory {
  std::string key;       // stable identifier, e.g. "helsefagarbeider"
  std::string name_nb;   // "Helsefagarbeider"
  std::string name_en;   // "Health worker"
  EducationLevel expected_education = EducationLevel::unskilled;
  int retirement_age = kDefaultRetirementAge;  // age at which staff are expected to retire (see docs/indicators.md)
  bool operator==(const PositionCategory&) const = default;
};

class CategoryTable {
 public:
  CategoryTable() = default;
  explicit CategoryTable(std::vector<PositionCategory> categories)
      : categories_(std::move(categories)) {}

  [[nodiscard]] const std::vector<PositionCategory>& all() const noexcept { return categories_; }
  [[nodiscard]] const PositionCategory* find(std::string_view key) const noexcept;
  // Index into all(), or nullopt.
  [[nodiscard]] std::optional<std::size_t> index_of(std::string_view key) const noexcept;
  // Retirement age of `key`, or `fallback` for an unknown key.
  [[nodiscard]] int retirement_age(std::string_view key, int fallback = kDefaultRetirementAge) const noexcept;

 private:
  std::vector<PositionCategory> categories_;
};

}  // namespace kompetent
