// The population of one municipality by single-year age and year, as the forecast
// reads it: registered years as they are, later years projected (docs/population-projection.md)
// or taken from an imported SSB table. The demand side of the forecast scales each
// service's staff by a weighted sum of these ages (docs/forecast.md).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace kompetent::forecast {

// Ages 0..kOldestAge; the last one means "this age or older", as in SSB's tables.
inline constexpr int kOldestAge = 105;
inline constexpr std::size_t kAgeCount = kOldestAge + 1;

// SSB's alternatives for national growth: main (MMMM), low (LLML), high (HHMH).
enum class PopulationAlternative { main, low, high };

using AgeProfile = std::array<double, kAgeCount>;  // persons per single-year age

struct PopulationSeries {
  std::string municipality;  // 4-digit number, current borders
  PopulationAlternative alternative = PopulationAlternative::main;
  int first_year = 0;               // population on 1 January of first_year
  int last_registered_year = 0;     // years after this are projected
  std::vector<AgeProfile> by_year;  // index: year - first_year

  [[nodiscard]] int last_year() const noexcept {
    return first_year + static_cast<int>(by_year.size()) - 1;
  }
  [[nodiscard]] bool has_year(int year) const noexcept {
    return year >= first_year && year <= last_year();
  }
  // Persons aged [from, to] on 1 January of `year` (to is clamped to kOldestAge). The year
  // must be in the series.
  [[nodiscard]] double sum(int year, int from, int to) const noexcept {
    const AgeProfile& ages = by_year[static_cast<std::size_t>(year - first_year)];
    double total = 0;
    for (int age = from < 0 ? 0 : from; age <= to && age <= kOldestAge; ++age) {
      total += ages[static_cast<std::size_t>(age)];
    }
    return total;
  }
};

}  // namespace kompetent::forecast
