// One employee's position record, drawn for a staff slot. The few properties
// the published figures pin down (aged 50+, part-time, unskilled, further
// education) come in as flags, decided by a quota or by chance; everything
// else (exact age, percent, gender, start date, certifications) is drawn here.
#pragma once

#include <array>

#include "core/calendar/date.h"
#include "core/demo/category_profiles.h"
#include "core/demo/demo_rng.h"
#include "core/demo/org_templates.h"
#include "core/workforce/position_record.h"

namespace kompetent::demo {

struct PersonFlags {
  bool aged_50_plus = false;
  bool part_time = false;           // position percent below 100
  bool unskilled = false;
  bool further_education = false;  // further_education_credits > 0
};

// Age bands: 18–19, 20–24, 25–29, …, 65–69. Weights are the share of each
// band; years within a band are equally likely.
inline constexpr int kAgeBandCount = 11;
inline constexpr int kYoungestAge = 18;
inline constexpr int kOldestAge = 69;
struct AgeProfile {
  std::array<int, kAgeBandCount> band_weights{};
};

// Each flag drawn with the probabilities of `profile`.
[[nodiscard]] PersonFlags draw_flags_by_chance(DemoRng& rng, const CategoryProfile& profile);

// An age in [lowest, highest] ∩ [kYoungestAge, kOldestAge] with the weights of
// `ages`. Falls back to `lowest` clamped into range when no year has weight.
[[nodiscard]] int draw_age(DemoRng& rng, const AgeProfile& ages, int lowest, int highest);

// An age consistent with `aged_50_plus` and at least the category's min_age.
[[nodiscard]] int draw_age_for(DemoRng& rng, const AgeProfile& ages, const CategoryProfile& profile,
                               bool aged_50_plus);

// The record for `slot`, held by someone aged `age` on `snapshot_date`, who
// started no later than `latest_start_year` (the year before the snapshot for
// people who were also in the previous one). employee_id is left empty.
[[nodiscard]] PositionRecord draw_person(DemoRng& rng, const StaffSlot& slot,
                                         const PersonFlags& flags, int age, Date snapshot_date,
                                         int latest_start_year);

// A start date in `year` (any month; mostly the 1st, as HR systems show).
[[nodiscard]] Date draw_start_date_in(DemoRng& rng, int year);

}  // namespace kompetent::demo
