// Age-specific yearly probabilities of leaving for age-related reasons (retirement, early
// retirement, disability, the age limit), by category group. Shipped as data
// (data/forecast/exit_rates.csv); the defaults are assumptions documented in docs/forecast.md.
// Turnover (leaving for another job) is a scenario lever, not part of these rates.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/forecast/population_series.h"
#include "core/result.h"

namespace kompetent::forecast {

// One row: in `group`, a person of age [from_age, to_age] leaves during the year with
// probability `rate`. A group is a category key, or "pensjonsalder_NN" for every category
// whose retirement age (data/position_categories.csv) is NN.
struct ExitRateRow {
  std::string group;
  int from_age = 0;
  int to_age = kOldestAge;
  double rate = 0;
  bool operator==(const ExitRateRow&) const = default;
};

// Probability of leaving during the year in which the person reaches each age.
using ExitCurve = std::array<double, kAgeCount>;

class ExitRateTable {
 public:
  ExitRateTable() = default;
  // Fails with "invalid_exit_rate" (rate outside 0..1, bad ages) or "overlapping_exit_ages",
  // naming the group. Ages below the first listed have rate 0; ages past the last listed
  // keep its rate.
  [[nodiscard]] static Result<ExitRateTable> create(std::vector<ExitRateRow> rows);

  [[nodiscard]] const std::vector<ExitRateRow>& rows() const noexcept { return rows_; }

  // The curve of `category`: its own rows if it has any, else those of
  // "pensjonsalder_<retirement_age>"; nullopt when neither exists.
  [[nodiscard]] std::optional<ExitCurve> curve_for(std::string_view category, int retirement_age) const;

  bool operator==(const ExitRateTable&) const = default;

 private:
  std::vector<ExitRateRow> rows_;
};

// The group name for a retirement age: "pensjonsalder_65".
[[nodiscard]] std::string retirement_age_group(int retirement_age);

// The rate at `age` with the curve moved `shift` years later (a positive shift means people
// stay longer), interpolated linearly between whole ages. Ages beyond the curve take its
// last value, ages before it its first.
[[nodiscard]] double shifted_rate(const ExitCurve& curve, int age, double shift) noexcept;

}  // namespace kompetent::forecast
