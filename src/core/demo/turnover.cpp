#include "core/demo/turnover.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/demo/category_profiles.h"
#include "core/demo/person_draw.h"

namespace kompetent::demo {
namespace {

// Leavers per year, as a share of the staff: drawn per municipality in this
// range (KS reports 8–12 % for the municipal sector).
constexpr int kLeaverPerMilleLow = 85;
constexpr int kLeaverPerMilleHigh = 115;
// Net growth of the staff over the year (joiners − leavers), per mille.
constexpr int kGrowthPerMilleLow = -5;
constexpr int kGrowthPerMilleHigh = 15;
// Share of leavers who retire: aged (retirement age − 1) to (retirement age + 1)
// on the previous snapshot, so they reach it during the year.
constexpr int kRetiringPerMille = 250;
// The other leavers are mostly young, and often temporary.
//                                 18  20  25  30  35  40  45 | 50  55  60  65
constexpr AgeProfile kLeaverAges{{2, 20, 22, 16, 12, 10, 8, 6, 6, 0, 0}};
constexpr int kLeaverTemporaryPerMille = 400;
// Share of the people present in both snapshots who were in another unit of
// the same sector a year earlier.
constexpr int kMoverPerMille = 25;

// Who of the current staff joined during the year: weight by age on the
// current snapshot (joiners are younger on average), times three for
// temporary staff. Nobody aged 62 or more is a joiner.
struct JoinerWeight {
  int below_age = 0;
  int weight = 0;
};
constexpr JoinerWeight kJoinerWeights[] = {
    {25, 8}, {30, 7}, {35, 5}, {40, 4}, {45, 3}, {50, 2}, {62, 1},
};
constexpr int kTemporaryJoinerFactor = 3;

int joiner_weight(const PositionRecord& record, int snapshot_year) {
  const int age = snapshot_year - record.birth_year;
  int weight = 0;
  for (const JoinerWeight& row : kJoinerWeights) {
    if (age < row.below_age) {
      weight = row.weight;
      break;
    }
  }
  return record.employment == EmploymentType::temporary ? weight * kTemporaryJoinerFactor : weight;
}

std::string employee_id(std::string_view prefix, const std::string& municipality, int number) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "-%06d", number);
  return std::string(prefix) + municipality + digits;
}

PositionRecord draw_leaver(DemoRng& rng, const StaffSlot& slot, int previous_year) {
  const CategoryProfile& profile = category_profile(slot.category);
  PersonFlags flags = draw_flags_by_chance(rng, profile);
  int age = 0;
  if (rng.chance(kRetiringPerMille)) {
    age = std::min(profile.retirement_age - 1 + rng.between(0, 2), kOldestAge);
  } else {
    age = draw_age(rng, kLeaverAges, profile.min_age, kOldestAge);
  }
  flags.aged_50_plus = age >= 50;
  PositionRecord record =
      draw_person(rng, slot, flags, age, kPreviousSnapshotDate, previous_year);
  if (rng.chance(kLeaverTemporaryPerMille)) record.employment = EmploymentType::temporary;
  return record;
}

}  // namespace

SnapshotPair add_previous_year(const MunicipalityStaff& staff, std::string_view id_prefix,
                               DemoRng& rng) {
  const MunicipalityPlan& plan = staff.plan;
  const int current_year = year_of(kCurrentSnapshotDate);
  const int previous_year = year_of(kPreviousSnapshotDate);
  const auto current_count = static_cast<int>(staff.positions.size());

  const int leaver_per_mille = rng.between(kLeaverPerMilleLow, kLeaverPerMilleHigh);
  const int growth_per_mille = rng.between(kGrowthPerMilleLow, kGrowthPerMilleHigh);
  const int leavers = (current_count * leaver_per_mille + 500) / 1000;
  const int joiners = std::clamp(leavers + (current_count * growth_per_mille + 500) / 1000, 0,
                                 current_count);

  std::vector<PositionRecord> current = staff.positions;
  std::vector<std::int64_t> weights;
  for (const PositionRecord& record : current) weights.push_back(joiner_weight(record, current_year));
  std::vector<bool> joined(current.size(), false);
  for (std::size_t index : sample_weighted(rng, weights, static_cast<std::size_t>(joiners))) {
    joined[index] = true;
    current[index].start_date = draw_start_date_in(rng, current_year);
  }

  std::vector<PositionRecord> left;
  for (int i = 0; i < leavers && !plan.slots.empty(); ++i) {
    const StaffSlot& slot = plan.slots[rng.below(plan.slots.size())];
    left.push_back(draw_leaver(rng, slot, previous_year));
  }

  // Ids over everyone, numbered in random order.
  std::vector<int> numbers(current.size() + left.size());
  for (std::size_t i = 0; i < numbers.size(); ++i) numbers[i] = static_cast<int>(i) + 1;
  rng.shuffle(numbers);
  const std::string& digits = plan.municipality.number.digits;
  for (std::size_t i = 0; i < current.size(); ++i) {
    current[i].employee_id = employee_id(id_prefix, digits, numbers[i]);
  }
  for (std::size_t i = 0; i < left.size(); ++i) {
    left[i].employee_id = employee_id(id_prefix, digits, numbers[current.size() + i]);
  }

  std::vector<PositionRecord> previous;
  previous.reserve(current.size() - static_cast<std::size_t>(joiners) + left.size());
  for (std::size_t i = 0; i < current.size(); ++i) {
    if (joined[i]) continue;
    PositionRecord record = current[i];
    if (rng.chance(kMoverPerMille)) {
      const auto sector = plan.slots[i].sector_code;
      std::vector<std::size_t> others;
      for (std::size_t unit : plan.tree.units_in_sector(sector)) {
        if (plan.tree.units()[unit].code != record.unit_code) others.push_back(unit);
      }
      if (!others.empty()) {
        record.unit_code = plan.tree.units()[others[rng.below(others.size())]].code;
      }
    }
    previous.push_back(std::move(record));
  }
  for (PositionRecord& record : left) previous.push_back(std::move(record));

  auto by_id = [](const PositionRecord& a, const PositionRecord& b) {
    return a.employee_id < b.employee_id;
  };
  std::sort(current.begin(), current.end(), by_id);
  std::sort(previous.begin(), previous.end(), by_id);
  const MunicipalityNumber& number = plan.municipality.number;
  return {Snapshot{number, kPreviousSnapshotDate, std::move(previous)},
          Snapshot{number, kCurrentSnapshotDate, std::move(current)}};
}

}  // namespace kompetent::demo
