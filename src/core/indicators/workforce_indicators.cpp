// The reference implementation of the indicators: plain, over records, easy
// to check by hand. The fast engine (breakdown.cpp) must give the same numbers
// for every group; tests/unit/core/breakdown_test.cpp checks that it does.
#include "core/indicators/workforce_indicators.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace kompetent {
namespace {

// One person's records in the group, folded as docs/indicators.md says.
struct PersonInGroup {
  int birth_year = 0;             // of the first record
  Gender gender = Gender::unknown;  // of the first record
  std::int64_t percent = 0;       // sum over the records, hundredths
  EducationLevel education = EducationLevel::unknown;  // highest
  bool relevant_education = false;                     // any record
  int further_education_credits = 0;                   // max
  std::int32_t largest_percent = -1;
  std::string_view largest_category;  // of the largest record; ties: the first
};

}  // namespace

std::string age_band_label(int band) {
  if (band == 0) return "<20";
  if (band == kAgeBandCount - 1) return "70+";
  if (band < 0 || band >= kAgeBandCount) return "";
  const int from = 20 + 5 * (band - 1);
  return std::to_string(from) + "-" + std::to_string(from + 4);
}

int age_band_of(int age) noexcept {
  if (age < 20) return 0;
  if (age >= 70) return kAgeBandCount - 1;
  return 1 + (age - 20) / 5;
}

int gender_group_of(Gender gender) noexcept {
  switch (gender) {
    case Gender::female: return 0;
    case Gender::male: return 1;
    case Gender::other:
    case Gender::unknown: break;
  }
  return 2;
}

std::string_view gender_group_key(int group) noexcept {
  switch (group) {
    case 0: return "female";
    case 1: return "male";
    case 2: return "other";
    default: return "";
  }
}

std::string_view position_size_band_label(int band) noexcept {
  static constexpr std::string_view kLabels[kPositionSizeBandCount] = {"<25", "25-49", "50-74", "75-99", "100+"};
  return band >= 0 && band < kPositionSizeBandCount ? kLabels[band] : std::string_view{};
}

WorkforceIndicators compute_indicators(std::span<const PositionRecord> positions,
                                       int snapshot_year, const CategoryTable& categories) {
  WorkforceIndicators out;
  std::map<std::string_view, PersonInGroup> persons;
  for (const PositionRecord& record : positions) {
    ++out.positions;
    out.fte_hundredths += record.percent.hundredths;
    auto [it, inserted] = persons.try_emplace(record.employee_id);
    PersonInGroup& person = it->second;
    if (inserted) {
      person.birth_year = record.birth_year;
      person.gender = record.gender;
    }
    person.percent += record.percent.hundredths;
    person.education = std::max(person.education, record.education);
    person.relevant_education = person.relevant_education || record.relevant_education;
    person.further_education_credits =
        std::max(person.further_education_credits, record.further_education_credits);
    if (record.percent.hundredths > person.largest_percent) {
      person.largest_percent = record.percent.hundredths;
      person.largest_category = record.category;
    }
  }

  out.persons = static_cast<std::int64_t>(persons.size());
  std::int64_t age_sum = 0;
  std::int64_t percent_sum = 0;
  std::int64_t further_educated = 0;
  for (const auto& [id, person] : persons) {
    const int age = snapshot_year - person.birth_year;
    age_sum += age;
    const auto band = static_cast<std::size_t>(age_band_of(age));
    ++out.age_bands[band];
    ++out.age_pyramid[static_cast<std::size_t>(gender_group_of(person.gender))][band];
    out.under_25.count += age < 25;
    out.aged_50_plus.count += age >= 50;
    out.aged_60_plus.count += age >= 60;

    const int retirement_year =
        person.birth_year +
        categories.retirement_age(person.largest_category, kDefaultRetirementAge);
    // Anyone at or past the retirement age is expected to leave in the first year.
    const int year_index = std::max(0, retirement_year - (snapshot_year + 1));
    if (year_index < kRetirementYears) {
      ++out.retirements_by_year[static_cast<std::size_t>(year_index)];
      out.retirement_fte_hundredths_by_year[static_cast<std::size_t>(year_index)] +=
          person.percent;
    }

    percent_sum += person.percent;
    out.part_time.count += person.percent < PositionPercent::kFullTime;
    ++out.position_size_bands[static_cast<std::size_t>(position_size_band_of(person.percent))];
    out.small_positions.count += person.percent < PositionPercent::kFullTime / 2;

    if (person.education != EducationLevel::unknown) {
      ++out.unskilled.total;
      out.unskilled.count += person.education == EducationLevel::unskilled;
    }
    out.relevant_education.count += person.relevant_education;
    if (person.further_education_credits > 0) {
      ++further_educated;
      out.aged_50_plus_among_further_educated.count += age >= 50;
    }
    out.female.count += person.gender == Gender::female;
    out.male.count += person.gender == Gender::male;
    out.other_or_unknown_gender.count +=
        person.gender == Gender::other || person.gender == Gender::unknown;
  }

  for (Share* share : {&out.under_25, &out.aged_50_plus, &out.aged_60_plus, &out.part_time,
                       &out.small_positions, &out.relevant_education, &out.further_education,
                       &out.female, &out.male, &out.other_or_unknown_gender}) {
    share->total = out.persons;
  }
  out.further_education.count = further_educated;
  out.aged_50_plus_among_further_educated.total = further_educated;
  if (out.persons > 0) {
    out.average_age = static_cast<double>(age_sum) / static_cast<double>(out.persons);
    out.average_position_percent =
        static_cast<double>(percent_sum) / (100.0 * static_cast<double>(out.persons));
  }
  return out;
}

TurnoverIndicators compute_turnover(std::span<const PositionRecord> before,
                                    std::span<const PositionRecord> after) {
  std::map<std::string_view, int> seen;  // bit 1: before, bit 2: after
  for (const PositionRecord& record : before) seen[record.employee_id] |= 1;
  for (const PositionRecord& record : after) seen[record.employee_id] |= 2;
  TurnoverIndicators out;
  for (const auto& [id, where] : seen) {
    out.persons_before += (where & 1) != 0;
    out.persons_after += (where & 2) != 0;
    out.leavers += where == 1;
    out.joiners += where == 2;
  }
  out.turnover = Share{out.leavers, out.persons_before};
  return out;
}

}  // namespace kompetent
