// How staff in each position category are drawn: title, age limits, gender,
// part-time, education and further education. One row per key of
// data/position_categories.csv that the demo uses.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "core/workforce/education_level.h"

namespace kompetent::demo {

// A per-mille value of kAlways makes a category's members be chosen first
// when a quota is filled (every assistant is unskilled; every specialist
// nurse has further education).
inline constexpr int kAlways = 1000;

struct EducationWeight {
  EducationLevel level = EducationLevel::unknown;
  int weight = 0;
};

struct CategoryProfile {
  std::string_view key;         // PositionCategory::key
  std::string_view title;       // stillingstittel written in the record
  int retirement_age = 67;      // as in data/position_categories.csv (the test checks)
  // Youngest plausible holder of the position on the current snapshot; at
  // least 19, so everyone in the previous snapshot is 18 or more.
  int min_age = 19;
  int female_per_mille = 500;
  // Used as probabilities where no quota applies (Salten, leavers) and as the
  // relative weights with which a quota picks people (Nord-Troms).
  int aged_50_plus_per_mille = 0;
  int part_time_per_mille = 0;
  int unskilled_per_mille = 0;           // posts held by someone without the education
  int further_education_per_mille = 0;   // studiepoeng of videreutdanning > 0
  int temporary_per_mille = 0;           // doubled below age 30
  std::array<EducationWeight, 3> education{};  // highest education when not unskilled
};

// The whole table, in a fixed order.
[[nodiscard]] std::span<const CategoryProfile> category_profiles() noexcept;
// The profile of `key`. Precondition: `key` is in the table (the demo only
// writes its own keys); an unknown key gets the "assistent" profile.
[[nodiscard]] const CategoryProfile& category_profile(std::string_view key) noexcept;

}  // namespace kompetent::demo
