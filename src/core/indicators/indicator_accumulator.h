// Internal to the breakdown engine: one person's rows in one group folded the
// way compute_indicators() folds a person's records (PersonFold), and the
// per-group sums the indicators are finished from (IndicatorAccumulator).
// Every field of the accumulator is a plain sum over persons, so groups can be
// added together and a person can be taken out again (add<-1>): that is what
// lets the engine fill only the finest groups and roll them up.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/indicators/workforce_indicators.h"
#include "core/indicators/workforce_view.h"

namespace kompetent::detail {

// One person's rows within one group.
struct PersonFold {
  std::int32_t positions = 0;
  std::int64_t percent = 0;          // sum, hundredths
  std::int32_t largest_percent = 0;
  std::int32_t age = 0;              // of the first row
  std::uint8_t age_band = 0;         // of the first row
  std::uint8_t gender = 0;           // of the first row
  std::uint8_t education = 0;        // highest
  std::uint8_t retirement_age = 0;   // of the largest row's category; ties: the first
  bool relevant_education = false;   // any row
  bool further_education = false;    // any row

  explicit PersonFold(const WorkforceView::Row& row) noexcept
      : positions(1),
        percent(row.percent),
        largest_percent(row.percent),
        age(row.age),
        age_band(row.age_band),
        gender(row.gender),
        education(row.education),
        retirement_age(row.retirement_age),
        relevant_education(row.relevant_education),
        further_education(row.further_education) {}

  void add(const WorkforceView::Row& row) noexcept {
    ++positions;
    percent += row.percent;
    if (row.percent > largest_percent) {
      largest_percent = row.percent;
      retirement_age = row.retirement_age;
    }
    education = std::max(education, row.education);
    relevant_education = relevant_education || row.relevant_education;
    further_education = further_education || row.further_education;
  }
};

// Sums over persons. Counts are 32-bit (a group has fewer than 2^31 persons),
// percent sums 64-bit (500,000 full-time positions are 5 × 10^9 hundredths).
struct IndicatorAccumulator {
  std::int32_t positions = 0;
  std::int32_t persons = 0;
  std::int32_t age_sum = 0;
  std::int32_t known_education = 0;
  std::int32_t unskilled = 0;
  std::int32_t relevant_education = 0;
  std::int32_t further_education = 0;
  std::int32_t further_education_50_plus = 0;
  // Under 25, 50+ and 60+ are whole age bands, part-time and small positions
  // whole size bands, female and male the sums of their pyramid rows, and
  // other gender the rest, so finish() derives them: fewer additions per person.
  std::array<std::int32_t, kAgeBandCount> age_bands{};
  std::array<std::int32_t, kAgeBandCount> female_bands{};
  std::array<std::int32_t, kAgeBandCount> male_bands{};
  std::array<std::int32_t, kPositionSizeBandCount> size_bands{};
  // One slot past the horizon absorbs "later", so adding never branches.
  std::array<std::int32_t, kRetirementYears + 1> retirements{};
  std::int64_t fte_hundredths = 0;
  std::array<std::int64_t, kRetirementYears + 1> retirement_fte{};

  // Adds (Sign = 1) or removes (Sign = -1) one person.
  template <int Sign = 1>
  void add(const PersonFold& person) noexcept {
    const int age = person.age;
    positions += Sign * person.positions;
    fte_hundredths += Sign * person.percent;
    persons += Sign;
    age_sum += Sign * age;
    age_bands[person.age_band] += Sign;
    // Retirement year − (snapshot year + 1) = retirement age − age − 1, and
    // anyone at or past the retirement age leaves in the first year.
    const auto year = static_cast<std::size_t>(
        std::clamp(int{person.retirement_age} - age - 1, 0, kRetirementYears));
    retirements[year] += Sign;
    retirement_fte[year] += Sign * person.percent;
    size_bands[static_cast<std::size_t>(position_size_band_of(person.percent))] += Sign;
    const auto education = static_cast<EducationLevel>(person.education);
    known_education += Sign * (education != EducationLevel::unknown);
    unskilled += Sign * (education == EducationLevel::unskilled);
    relevant_education += Sign * person.relevant_education;
    further_education += Sign * person.further_education;
    further_education_50_plus += Sign * (person.further_education && age >= 50);
    const auto gender = static_cast<Gender>(person.gender);
    female_bands[person.age_band] += Sign * (gender == Gender::female);
    male_bands[person.age_band] += Sign * (gender == Gender::male);
  }

  void add(const IndicatorAccumulator& other) noexcept {
    positions += other.positions;
    persons += other.persons;
    age_sum += other.age_sum;
    known_education += other.known_education;
    unskilled += other.unskilled;
    relevant_education += other.relevant_education;
    further_education += other.further_education;
    further_education_50_plus += other.further_education_50_plus;
    for (std::size_t i = 0; i < age_bands.size(); ++i) {
      age_bands[i] += other.age_bands[i];
      female_bands[i] += other.female_bands[i];
      male_bands[i] += other.male_bands[i];
    }
    for (std::size_t i = 0; i < size_bands.size(); ++i) size_bands[i] += other.size_bands[i];
    for (std::size_t i = 0; i < retirements.size(); ++i) {
      retirements[i] += other.retirements[i];
      retirement_fte[i] += other.retirement_fte[i];
    }
    fte_hundredths += other.fte_hundredths;
  }

  [[nodiscard]] WorkforceIndicators finish() const {
    WorkforceIndicators out;
    out.positions = positions;
    out.persons = persons;
    out.fte_hundredths = fte_hundredths;
    // The same expressions as compute_indicators(), so the doubles are equal.
    // A person's percents sum to the group's, so fte is also the percent sum.
    if (persons > 0) {
      out.average_age = static_cast<double>(age_sum) / static_cast<double>(persons);
      out.average_position_percent =
          static_cast<double>(fte_hundredths) / (100.0 * static_cast<double>(persons));
    }
    std::copy(age_bands.begin(), age_bands.end(), out.age_bands.begin());
    std::int64_t female = 0;
    std::int64_t male = 0;
    for (std::size_t band = 0; band < age_bands.size(); ++band) {
      out.age_pyramid[0][band] = female_bands[band];
      out.age_pyramid[1][band] = male_bands[band];
      out.age_pyramid[2][band] = age_bands[band] - female_bands[band] - male_bands[band];
      female += female_bands[band];
      male += male_bands[band];
    }
    std::copy(size_bands.begin(), size_bands.end(), out.position_size_bands.begin());
    std::copy_n(retirements.begin(), kRetirementYears, out.retirements_by_year.begin());
    std::copy_n(retirement_fte.begin(), kRetirementYears,
                out.retirement_fte_hundredths_by_year.begin());
    const auto persons_in_bands = [&](std::size_t from, std::size_t to) {
      std::int64_t sum = 0;
      for (std::size_t band = from; band < to; ++band) sum += age_bands[band];
      return sum;
    };
    // Bands: 0 <20, 1 20-24, 7 50-54, 9 60-64, 11 70+.
    out.under_25 = {persons_in_bands(0, 2), persons};
    out.aged_50_plus = {persons_in_bands(7, kAgeBandCount), persons};
    out.aged_60_plus = {persons_in_bands(9, kAgeBandCount), persons};
    // Size bands: 0 <25, 1 25-49 (together under 50 %), 4 100+ (the rest is under 100 %).
    out.part_time = {persons - size_bands[kPositionSizeBandCount - 1], persons};
    out.small_positions = {size_bands[0] + size_bands[1], persons};
    out.unskilled = {unskilled, known_education};
    out.relevant_education = {relevant_education, persons};
    out.further_education = {further_education, persons};
    out.aged_50_plus_among_further_educated = {further_education_50_plus, further_education};
    out.female = {female, persons};
    out.male = {male, persons};
    out.other_or_unknown_gender = {persons - female - male, persons};
    return out;
  }
};

}  // namespace kompetent::detail
