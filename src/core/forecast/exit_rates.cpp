#include "core/forecast/exit_rates.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace kompetent::forecast {

Result<ExitRateTable> ExitRateTable::create(std::vector<ExitRateRow> rows) {
  std::map<std::string, std::vector<bool>> seen;
  for (const ExitRateRow& row : rows) {
    if (row.from_age < 0 || row.to_age > kOldestAge || row.from_age > row.to_age || !(row.rate >= 0) ||
        row.rate > 1) {
      return Error::invalid("invalid_exit_rate", {row.group});
    }
    auto& ages = seen[row.group];
    ages.resize(kAgeCount, false);
    for (int age = row.from_age; age <= row.to_age; ++age) {
      if (ages[static_cast<std::size_t>(age)]) return Error::invalid("overlapping_exit_ages", {row.group});
      ages[static_cast<std::size_t>(age)] = true;
    }
  }
  ExitRateTable table;
  table.rows_ = std::move(rows);
  return table;
}

std::string retirement_age_group(int retirement_age) {
  return "pensjonsalder_" + std::to_string(retirement_age);
}

std::optional<ExitCurve> ExitRateTable::curve_for(std::string_view category, int retirement_age) const {
  for (const std::string& group : {std::string(category), retirement_age_group(retirement_age)}) {
    ExitCurve curve{};
    int oldest_listed = -1;
    for (const ExitRateRow& row : rows_) {
      if (row.group != group) continue;
      for (int age = row.from_age; age <= row.to_age; ++age) curve[static_cast<std::size_t>(age)] = row.rate;
      oldest_listed = std::max(oldest_listed, row.to_age);
    }
    if (oldest_listed < 0) continue;
    // Past the last listed age the last rate holds, so nobody outlives a curve that ends at 1.
    for (int age = oldest_listed + 1; age <= kOldestAge; ++age) {
      curve[static_cast<std::size_t>(age)] = curve[static_cast<std::size_t>(oldest_listed)];
    }
    return curve;
  }
  return std::nullopt;
}

double shifted_rate(const ExitCurve& curve, int age, double shift) noexcept {
  const double at = static_cast<double>(age) - shift;
  if (at <= 0) return curve.front();
  if (at >= kOldestAge) return curve.back();
  const auto below = static_cast<std::size_t>(std::floor(at));
  const double fraction = at - static_cast<double>(below);
  if (fraction == 0) return curve[below];
  return curve[below] * (1 - fraction) + curve[below + 1] * fraction;
}

}  // namespace kompetent::forecast
