// The workforce indicators of seed 003 chapter 3 for one group of positions
// (any node of the tree, any category, or a combination) as of the snapshot
// date. Every formula and convention is documented in docs/indicators.md;
// keep the two in step.
//
// Person-level indicators count persons (distinct employee_id), not positions:
// a person with two part-time positions of 50 % in the group is one full-time
// person. Age is counted as (snapshot year − birth year).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/indicators/share.h"
#include "core/workforce/position_category.h"
#include "core/workforce/position_record.h"

namespace kompetent {

// 5-year age bands: "<20", "20–24", "25–29", …, "65–69", "70+".
inline constexpr int kAgeBandCount = 12;
// Label of band i, e.g. "20-24" (ASCII hyphen), "<20", "70+".
[[nodiscard]] std::string age_band_label(int band);
// Band of an age.
[[nodiscard]] int age_band_of(int age) noexcept;

// The gender groups of the age pyramid: 0 female, 1 male, 2 other (other and
// unknown together, as other_or_unknown_gender counts them).
inline constexpr int kGenderGroupCount = 3;
[[nodiscard]] int gender_group_of(Gender gender) noexcept;
// "female", "male", "other".
[[nodiscard]] std::string_view gender_group_key(int group) noexcept;

// Bands of a person's total percent in the group (the percent part_time
// uses): "<25", "25-49", "50-74", "75-99", "100+", on hundredths, so 24.99 %
// is "<25" and 25.00 % is "25-49".
inline constexpr int kPositionSizeBandCount = 5;
[[nodiscard]] std::string_view position_size_band_label(int band) noexcept;
// Inline: the breakdown engine asks once per person.
[[nodiscard]] constexpr int position_size_band_of(std::int64_t percent_hundredths) noexcept {
  if (percent_hundredths >= PositionPercent::kFullTime) return kPositionSizeBandCount - 1;
  if (percent_hundredths < 0) return 0;
  return static_cast<int>(percent_hundredths / (PositionPercent::kFullTime / 4));
}

inline constexpr int kRetirementYears = 10;

struct WorkforceIndicators {
  std::int64_t positions = 0;        // records in the group
  std::int64_t persons = 0;          // headcount: distinct employee ids
  std::int64_t fte_hundredths = 0;   // årsverk × 10000: the sum of position percents
  std::optional<double> average_age; // mean over persons; nullopt for no persons
  std::array<std::int64_t, kAgeBandCount> age_bands{};  // persons per band
  // Persons per gender group and age band: each band sums over the groups to
  // age_bands, each group over the bands to female / male / other_or_unknown_gender.
  std::array<std::array<std::int64_t, kAgeBandCount>, kGenderGroupCount> age_pyramid{};
  Share under_25;                    // persons aged < 25 of persons
  Share aged_50_plus;                // persons aged ≥ 50 of persons
  Share aged_60_plus;                // persons aged ≥ 60 of persons
  // Persons expected to retire in snapshot year + 1 + i (i = 0..9); those at or
  // past their retirement age already are counted in the first year.
  std::array<std::int64_t, kRetirementYears> retirements_by_year{};
  std::array<std::int64_t, kRetirementYears> retirement_fte_hundredths_by_year{};
  Share part_time;                   // persons whose total percent in the group < 100 %
  std::optional<double> average_position_percent;  // mean over persons of their total percent
  // Persons per band of their total percent (position_size_band_of); sums to persons.
  std::array<std::int64_t, kPositionSizeBandCount> position_size_bands{};
  Share small_positions;             // persons whose total percent in the group < 50 %
  Share unskilled;                   // persons with education unskilled, of persons with known education
  Share relevant_education;          // persons with the relevant-education flag, of persons
  Share further_education;           // persons with further-education credits > 0, of persons
  Share aged_50_plus_among_further_educated;  // of persons with further education
  Share female;                      // of persons
  Share male;                        // of persons
  Share other_or_unknown_gender;     // of persons

  [[nodiscard]] double fte() const noexcept { return fte_hundredths / 10000.0; }
  bool operator==(const WorkforceIndicators&) const = default;
};

// Computes every indicator over `positions` (the group), as of `snapshot_year`.
// Retirement ages come from `categories` (unknown category: 67). Never fails:
// an empty group gives zero counts and nullopt averages.
[[nodiscard]] WorkforceIndicators compute_indicators(std::span<const PositionRecord> positions,
                                                     int snapshot_year,
                                                     const CategoryTable& categories);

// Change between two snapshots of the same group, by employee_id.
struct TurnoverIndicators {
  std::int64_t persons_before = 0;
  std::int64_t persons_after = 0;
  std::int64_t joiners = 0;   // in `after` but not in `before`
  std::int64_t leavers = 0;   // in `before` but not in `after`
  Share turnover;             // leavers of persons_before
  bool operator==(const TurnoverIndicators&) const = default;
};

[[nodiscard]] TurnoverIndicators compute_turnover(std::span<const PositionRecord> before,
                                                  std::span<const PositionRecord> after);

}  // namespace kompetent
