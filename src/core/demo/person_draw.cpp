#include "core/demo/person_draw.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace kompetent::demo {
namespace {

struct PercentWeight {
  std::int32_t hundredths = 0;
  int weight = 0;
};

// Sizes of part-time positions: many 50–80 % shift posts, a tail of small
// ones (seed 003 §3.2.2 on the part-time profile). 66,67 % is the common
// "every third weekend" post.
constexpr PercentWeight kPartTimePercents[] = {
    {1000, 2},  {2000, 5},  {2500, 3},  {3000, 5},  {4000, 7},  {5000, 11}, {6000, 12},
    {6667, 6},  {7000, 12}, {7500, 12}, {8000, 13}, {8500, 5},  {9000, 7},
};

struct CreditWeight {
  int credits = 0;
  int weight = 0;
};

// Studiepoeng of further education. Specialist nurses have a 60–120 credit
// specialisation (helsesykepleier, intensiv, anestesi...); others mostly 15–60.
constexpr CreditWeight kFurtherEducationCredits[] = {{15, 2}, {30, 4}, {60, 3}, {90, 1}};
constexpr CreditWeight kSpecialistNurseCredits[] = {{60, 5}, {90, 4}, {120, 1}};

struct CertificationRule {
  std::string_view category;
  std::string_view sector;  // empty: any sector
  std::string_view name;
  int per_mille = 0;        // share of the category holding it
  int validity_years = 0;   // how long after the snapshot year it may run
};

// Certifications with expiry. A share of them (kExpiredPerMille) ran out during
// the snapshot year, so expiry warnings have something to show.
constexpr CertificationRule kCertificationRules[] = {
    {"helsefagarbeider", "", "Legemiddelhåndtering", 700, 3},
    {"helsefagarbeider", "", "Førstehjelp", 400, 2},
    {"vernepleier", "", "Legemiddelhåndtering", 600, 3},
    {"vernepleier", "", "Førstehjelp", 400, 2},
    {"sykepleier", "", "Førstehjelp", 500, 2},
    {"spesialsykepleier", "", "Førstehjelp", 500, 2},
    {"assistent", "HO", "Legemiddelhåndtering", 150, 3},
    {"assistent", "", "Førstehjelp", 400, 2},
    {"lege", "", "Akuttmedisinkurs", 600, 3},
    {"leder", "", "Førstehjelp", 200, 2},
    {"barnehagelaerer", "", "Førstehjelp for barn", 600, 2},
    {"barne_ungdomsarbeider", "", "Førstehjelp for barn", 500, 2},
    {"fagarbeider", "TPU", "Varme arbeider", 400, 5},
    {"fagarbeider", "TPU", "Arbeidsvarsling", 300, 5},
};
constexpr int kExpiredPerMille = 150;

// Share of skilled staff whose education is not relevant to the post.
constexpr int kIrrelevantEducationPerMille = 30;
// Share of starts on the 1st of the month.
constexpr int kStartOnFirstPerMille = 600;
// Temporary posts are more common among the young: the category's share is
// multiplied by this below kYoungAge.
constexpr int kYoungAge = 30;
constexpr int kYoungTemporaryFactor = 2;

int band_of(int age) { return age < 20 ? 0 : 1 + (age - 20) / 5; }
int band_width(int band) { return band == 0 ? 2 : 5; }

template <class T, std::size_t N>
const T& pick_weighted(DemoRng& rng, const T (&table)[N]) {
  std::array<int, N> weights{};
  for (std::size_t i = 0; i < N; ++i) weights[i] = table[i].weight;
  return table[rng.pick(weights)];
}

}  // namespace

PersonFlags draw_flags_by_chance(DemoRng& rng, const CategoryProfile& profile) {
  PersonFlags flags;
  flags.aged_50_plus = rng.chance(profile.aged_50_plus_per_mille);
  flags.part_time = rng.chance(profile.part_time_per_mille);
  flags.unskilled = rng.chance(profile.unskilled_per_mille);
  flags.further_education = !flags.unskilled && rng.chance(profile.further_education_per_mille);
  return flags;
}

int draw_age(DemoRng& rng, const AgeProfile& ages, int lowest, int highest) {
  lowest = std::max(lowest, kYoungestAge);
  highest = std::min(highest, kOldestAge);
  std::vector<int> weights;
  for (int age = lowest; age <= highest; ++age) {
    const int band = band_of(age);
    // 60 is a multiple of both band widths, so per-year weights stay whole.
    weights.push_back(ages.band_weights[static_cast<std::size_t>(band)] * 60 / band_width(band));
  }
  int total = 0;
  for (int weight : weights) total += weight;
  if (total == 0) return std::clamp(lowest, kYoungestAge, kOldestAge);
  return lowest + static_cast<int>(rng.pick(weights));
}

int draw_age_for(DemoRng& rng, const AgeProfile& ages, const CategoryProfile& profile,
                 bool aged_50_plus) {
  if (aged_50_plus) return draw_age(rng, ages, std::max(50, profile.min_age), kOldestAge);
  return draw_age(rng, ages, profile.min_age, 49);
}

Date draw_start_date_in(DemoRng& rng, int year) {
  const auto month = static_cast<unsigned>(rng.between(1, 12));
  const auto day = rng.chance(kStartOnFirstPerMille) ? 1u : static_cast<unsigned>(rng.between(1, 28));
  return make_date(year, month, day);
}

PositionRecord draw_person(DemoRng& rng, const StaffSlot& slot, const PersonFlags& flags, int age,
                           Date snapshot_date, int latest_start_year) {
  const CategoryProfile& profile = category_profile(slot.category);
  const int snapshot_year = year_of(snapshot_date);
  PositionRecord record;
  record.unit_code = slot.unit_code;
  record.position_title = std::string(profile.title);
  record.category = slot.category;
  record.birth_year = snapshot_year - age;

  record.percent.hundredths =
      flags.part_time ? pick_weighted(rng, kPartTimePercents).hundredths : PositionPercent::kFullTime;
  record.gender = rng.chance(profile.female_per_mille) ? Gender::female : Gender::male;

  // Service is skewed to recent starts: the smaller of two uniform draws.
  const int earliest_start = std::max(record.birth_year + profile.min_age - 1, 1980);
  if (earliest_start >= latest_start_year) {
    record.start_date = draw_start_date_in(rng, latest_start_year);
  } else {
    const int range = latest_start_year - earliest_start;
    const int service = std::min(rng.between(0, range), rng.between(0, range));
    record.start_date = draw_start_date_in(rng, latest_start_year - service);
  }

  const int temporary = profile.temporary_per_mille * (age < kYoungAge ? kYoungTemporaryFactor : 1);
  record.employment = rng.chance(temporary) ? EmploymentType::temporary : EmploymentType::permanent;

  if (flags.unskilled) {
    record.education = EducationLevel::unskilled;
    record.relevant_education = false;
  } else {
    std::array<int, 3> weights{};
    for (std::size_t i = 0; i < weights.size(); ++i) weights[i] = profile.education[i].weight;
    record.education = profile.education[rng.pick(weights)].level;
    record.relevant_education = !rng.chance(kIrrelevantEducationPerMille);
  }

  if (flags.further_education) {
    record.further_education_credits = slot.category == "spesialsykepleier"
                                           ? pick_weighted(rng, kSpecialistNurseCredits).credits
                                           : pick_weighted(rng, kFurtherEducationCredits).credits;
  }

  for (const CertificationRule& rule : kCertificationRules) {
    if (rule.category != slot.category) continue;
    if (!rule.sector.empty() && rule.sector != slot.sector_code) continue;
    if (!rng.chance(rule.per_mille)) continue;
    // Expired ones ran out during the snapshot year (valid on the previous
    // snapshot); the rest run out in one of the following years.
    const int expiry_year = rng.chance(kExpiredPerMille)
                                ? snapshot_year
                                : snapshot_year + rng.between(1, rule.validity_years);
    const auto month = static_cast<unsigned>(rng.between(1, expiry_year == snapshot_year ? 11 : 12));
    record.certifications.push_back({std::string(rule.name), make_date(expiry_year, month, 1)});
  }
  return record;
}

}  // namespace kompetent::demo
