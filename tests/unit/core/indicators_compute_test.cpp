// Hand-computed cases for compute_indicators(), compute_turnover() and the age
// bands. Snapshot year 2025 throughout; retirement ages: helsefagarbeider and
// sykepleier 65, assistent 67, any other category 67.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "core/indicators/workforce_indicators.h"

namespace kompetent {
namespace {

constexpr int kYear = 2025;

CategoryTable test_categories() {
  return CategoryTable({
      {"helsefagarbeider", "Helsefagarbeider", "Health care worker", EducationLevel::trade_certificate, 65},
      {"sykepleier", "Sykepleier", "Nurse", EducationLevel::bachelor, 65},
      {"assistent", "Assistent", "Assistant", EducationLevel::unskilled, 67},
  });
}

// A record with the fields the indicators read; percent in whole percent.
PositionRecord rec(std::string id, int percent, int birth_year, Gender gender = Gender::female,
                   EducationLevel education = EducationLevel::unknown,
                   std::string category = "assistent", bool relevant = false, int credits = 0) {
  PositionRecord r;
  r.employee_id = std::move(id);
  r.unit_code = "FSH";
  r.category = std::move(category);
  r.percent = PositionPercent{percent * 100};
  r.birth_year = birth_year;
  r.gender = gender;
  r.education = education;
  r.relevant_education = relevant;
  r.further_education_credits = credits;
  return r;
}

Share of(std::int64_t count, std::int64_t total) { return Share{count, total}; }

// Shares over persons all with total `n`, counts zero; cases then set counts.
WorkforceIndicators baseline(std::int64_t persons) {
  WorkforceIndicators w;
  w.persons = persons;
  for (Share* s : {&w.under_25, &w.aged_50_plus, &w.aged_60_plus, &w.part_time, &w.small_positions,
                   &w.relevant_education, &w.further_education, &w.female, &w.male,
                   &w.other_or_unknown_gender}) {
    *s = of(0, persons);
  }
  return w;
}

struct IndicatorsCase {
  const char* name;
  std::vector<PositionRecord> records;
  WorkforceIndicators expected;
};

std::vector<IndicatorsCase> cases() {
  std::vector<IndicatorsCase> out;
  {
    // Empty group: zero counts, 0/0 shares, no averages.
    out.push_back({"empty group", {}, baseline(0)});
  }
  {
    // One nurse, 100 %, born 1980: age 45 (band 45-49, index 6). Retires
    // 1980 + 65 = 2045, 19 years after 2026: beyond the 10-year horizon.
    WorkforceIndicators w = baseline(1);
    w.positions = 1;
    w.fte_hundredths = 10000;
    w.average_age = 45.0;
    w.age_bands[6] = 1;
    w.average_position_percent = 100.0;
    w.unskilled = of(0, 1);
    w.relevant_education = of(1, 1);
    w.female = of(1, 1);
    out.push_back({"one person",
                   {rec("a", 100, 1980, Gender::female, EducationLevel::bachelor, "sykepleier", true)},
                   w});
  }
  {
    // One person, two positions: 50 % helsefagarbeider + 30 % assistent =
    // 80 %: one part-time person, not small (80 ≥ 50). Born 1970: age 55
    // (band 55-59, index 8), 50+. Largest position is helsefagarbeider (65):
    // retires 2035 = 2026 + 9, the last year of the horizon, with 80 %.
    WorkforceIndicators w = baseline(1);
    w.positions = 2;
    w.fte_hundredths = 8000;
    w.average_age = 55.0;
    w.age_bands[8] = 1;
    w.aged_50_plus = of(1, 1);
    w.retirements_by_year[9] = 1;
    w.retirement_fte_hundredths_by_year[9] = 8000;
    w.part_time = of(1, 1);
    w.average_position_percent = 80.0;
    w.male = of(1, 1);
    out.push_back({"one person with two positions",
                   {rec("a", 50, 1970, Gender::male, EducationLevel::unknown, "helsefagarbeider"),
                    rec("a", 30, 1970, Gender::male, EducationLevel::unknown, "assistent")},
                   w});
  }
  {
    // Equal positions: the first record's category decides. 40 % sykepleier
    // (65) then 40 % assistent (67), born 1961: 1961 + 65 = 2026, index 0
    // (with assistent it would be 2028, index 2). 80 % part-time; age 64.
    WorkforceIndicators w = baseline(1);
    w.positions = 2;
    w.fte_hundredths = 8000;
    w.average_age = 64.0;
    w.age_bands[9] = 1;
    w.aged_50_plus = of(1, 1);
    w.aged_60_plus = of(1, 1);
    w.retirements_by_year[0] = 1;
    w.retirement_fte_hundredths_by_year[0] = 8000;
    w.part_time = of(1, 1);
    w.average_position_percent = 80.0;
    w.female = of(1, 1);
    out.push_back({"tie in position size: first record decides",
                   {rec("a", 40, 1961, Gender::female, EducationLevel::unknown, "sykepleier"),
                    rec("a", 40, 1961, Gender::female, EducationLevel::unknown, "assistent")},
                   w});
  }
  {
    // Four persons aged 35 (band 35-39, index 4), one of each gender value.
    // Female 1/4, male 1/4, other or unknown 2/4. 100 % each.
    WorkforceIndicators w = baseline(4);
    w.positions = 4;
    w.fte_hundredths = 40000;
    w.average_age = 35.0;
    w.age_bands[4] = 4;
    w.average_position_percent = 100.0;
    w.female = of(1, 4);
    w.male = of(1, 4);
    w.other_or_unknown_gender = of(2, 4);
    out.push_back({"mixed genders including unknown",
                   {rec("f", 100, 1990, Gender::female), rec("m", 100, 1990, Gender::male),
                    rec("o", 100, 1990, Gender::other), rec("u", 100, 1990, Gender::unknown)},
                   w});
  }
  {
    // Education: p1 unskilled, p2 unknown (left out of the denominator), p3
    // bachelor, p4 two records unknown + unskilled (highest: unskilled).
    // Unskilled 2 of 3 known. All 100 %, aged 40 (band 40-44, index 5);
    // p4 has 2 × 50 % = 100 %, so nobody is part-time.
    WorkforceIndicators w = baseline(4);
    w.positions = 5;
    w.fte_hundredths = 40000;
    w.average_age = 40.0;
    w.age_bands[5] = 4;
    w.average_position_percent = 100.0;
    w.unskilled = of(2, 3);
    w.female = of(4, 4);
    out.push_back({"unknown education left out of the unskilled share",
                   {rec("p1", 100, 1985, Gender::female, EducationLevel::unskilled),
                    rec("p2", 100, 1985, Gender::female, EducationLevel::unknown),
                    rec("p3", 100, 1985, Gender::female, EducationLevel::bachelor),
                    rec("p4", 50, 1985, Gender::female, EducationLevel::unknown),
                    rec("p4", 50, 1985, Gender::female, EducationLevel::unskilled)},
                   w});
  }
  {
    // Retirement boundaries, sykepleier (65) unless noted. First year is 2026.
    //   r1 born 1955, age 70, past 65   → 2020 → year 0 (2026), 100 %
    //   r2 born 1960, age 65, exactly   → 2025 → year 0, 60 %
    //   r3 born 1961, age 64            → 2026 → year 0, 40 %
    //   r4 born 1962, age 63            → 2027 → year 1 (2027), 100 %
    //   r5 born 1970, age 55            → 2035 → year 9 (2035), 50 %
    //   r6 born 1971, age 54            → 2036 → beyond the horizon, 100 %
    //   r7 born 1960, age 65, category "vaktmester" not in the table: 67
    //                                   → 2027 → year 1, 100 %
    // Year 0: 3 persons, 100+60+40 = 200 % = 20000; year 1: 2 persons,
    // 20000; year 9: 1 person, 5000. Ages 70+65+64+63+55+54+65 = 436,
    // average 436/7 = 62.2857. Bands: 70+ (11): r1; 65-69 (10): r2, r7;
    // 60-64 (9): r3, r4; 55-59 (8): r5; 50-54 (7): r6. 50+: 7/7; 60+: 5/7
    // (r1, r2, r3, r4, r7). Part-time: r2, r3, r5 = 3/7; small (< 50 %): r3
    // = 1/7. Percent sum 100+60+40+100+50+100+100 = 550, average 550/7 = 78.571.
    WorkforceIndicators w = baseline(7);
    w.positions = 7;
    w.fte_hundredths = 55000;
    w.average_age = 436.0 / 7.0;
    w.age_bands[11] = 1;
    w.age_bands[10] = 2;
    w.age_bands[9] = 2;
    w.age_bands[8] = 1;
    w.age_bands[7] = 1;
    w.aged_50_plus = of(7, 7);
    w.aged_60_plus = of(5, 7);
    w.retirements_by_year[0] = 3;
    w.retirement_fte_hundredths_by_year[0] = 20000;
    w.retirements_by_year[1] = 2;
    w.retirement_fte_hundredths_by_year[1] = 20000;
    w.retirements_by_year[9] = 1;
    w.retirement_fte_hundredths_by_year[9] = 5000;
    w.part_time = of(3, 7);
    w.small_positions = of(1, 7);
    w.average_position_percent = 550.0 / 7.0;
    w.female = of(7, 7);
    const auto s = EducationLevel::unknown;
    out.push_back({"retirement at the boundary years and already past",
                   {rec("r1", 100, 1955, Gender::female, s, "sykepleier"),
                    rec("r2", 60, 1960, Gender::female, s, "sykepleier"),
                    rec("r3", 40, 1961, Gender::female, s, "sykepleier"),
                    rec("r4", 100, 1962, Gender::female, s, "sykepleier"),
                    rec("r5", 50, 1970, Gender::female, s, "sykepleier"),
                    rec("r6", 100, 1971, Gender::female, s, "sykepleier"),
                    rec("r7", 100, 1960, Gender::female, s, "vaktmester")},
                   w});
  }
  {
    // Ages 19, 20, 24, 25, 69, 70 (born 2006, 2005, 2001, 2000, 1956, 1955):
    // bands <20, 20-24, 20-24, 25-29, 65-69, 70+. Under 25: 3/6; 50+ and 60+:
    // 2/6. Average 227/6 = 37.833. Assistent (67): 1956 → 2023 and 1955 →
    // 2022, both year 0 with 100 % each; the young ones retire after 2067.
    WorkforceIndicators w = baseline(6);
    w.positions = 6;
    w.fte_hundredths = 60000;
    w.average_age = 227.0 / 6.0;
    w.age_bands[0] = 1;
    w.age_bands[1] = 2;
    w.age_bands[2] = 1;
    w.age_bands[10] = 1;
    w.age_bands[11] = 1;
    w.under_25 = of(3, 6);
    w.aged_50_plus = of(2, 6);
    w.aged_60_plus = of(2, 6);
    w.retirements_by_year[0] = 2;
    w.retirement_fte_hundredths_by_year[0] = 20000;
    w.average_position_percent = 100.0;
    w.female = of(6, 6);
    out.push_back({"age bands at 19, 20, 24, 25, 69 and 70",
                   {rec("a19", 100, 2006), rec("a20", 100, 2005), rec("a24", 100, 2001),
                    rec("a25", 100, 2000), rec("a69", 100, 1956), rec("a70", 100, 1955)},
                   w});
  }
  {
    // Further education: e1 30 credits, age 55; e2 two records 0 and 15
    // credits (max 15), age 40; e3 none, age 60. Further 2/3; 50+ among the
    // further educated 1/2 (e1). Relevant: e2 on one record only → 1/3.
    // 100 % each (e2: 60 + 40). Ages 55+40+60 = 155, average 51.667.
    WorkforceIndicators w = baseline(3);
    w.positions = 4;
    w.fte_hundredths = 30000;
    w.average_age = 155.0 / 3.0;
    w.age_bands[8] = 1;
    w.age_bands[5] = 1;
    w.age_bands[9] = 1;
    w.aged_50_plus = of(2, 3);
    w.aged_60_plus = of(1, 3);
    w.retirements_by_year[0] = 0;
    w.average_position_percent = 100.0;
    w.relevant_education = of(1, 3);
    w.further_education = of(2, 3);
    w.aged_50_plus_among_further_educated = of(1, 2);
    w.female = of(3, 3);
    // e3: assistent 67, born 1965 → 2032 → year 6, 100 %. e1: 1970 + 67 =
    // 2037, beyond. e2: 2052, beyond.
    w.retirements_by_year[6] = 1;
    w.retirement_fte_hundredths_by_year[6] = 10000;
    const auto u = EducationLevel::unknown;
    out.push_back({"further education is the maximum over a person's records",
                   {rec("e1", 100, 1970, Gender::female, u, "assistent", false, 30),
                    rec("e2", 60, 1985, Gender::female, u, "assistent", false, 0),
                    rec("e2", 40, 1985, Gender::female, u, "assistent", true, 15),
                    rec("e3", 100, 1965, Gender::female, u, "assistent", false, 0)},
                   w});
  }
  return out;
}

TEST(ComputeIndicators, HandComputedCases) {
  const CategoryTable categories = test_categories();
  for (const IndicatorsCase& c : cases()) {
    SCOPED_TRACE(c.name);
    const WorkforceIndicators got = compute_indicators(c.records, kYear, categories);
    EXPECT_EQ(got.positions, c.expected.positions);
    EXPECT_EQ(got.persons, c.expected.persons);
    EXPECT_EQ(got.fte_hundredths, c.expected.fte_hundredths);
    ASSERT_EQ(got.average_age.has_value(), c.expected.average_age.has_value());
    if (got.average_age) {
      EXPECT_DOUBLE_EQ(*got.average_age, *c.expected.average_age);
    }
    ASSERT_EQ(got.average_position_percent.has_value(),
              c.expected.average_position_percent.has_value());
    if (got.average_position_percent) {
      EXPECT_DOUBLE_EQ(*got.average_position_percent, *c.expected.average_position_percent);
    }
    EXPECT_EQ(got.age_bands, c.expected.age_bands);
    EXPECT_EQ(got.under_25, c.expected.under_25);
    EXPECT_EQ(got.aged_50_plus, c.expected.aged_50_plus);
    EXPECT_EQ(got.aged_60_plus, c.expected.aged_60_plus);
    EXPECT_EQ(got.retirements_by_year, c.expected.retirements_by_year);
    EXPECT_EQ(got.retirement_fte_hundredths_by_year, c.expected.retirement_fte_hundredths_by_year);
    EXPECT_EQ(got.part_time, c.expected.part_time);
    EXPECT_EQ(got.small_positions, c.expected.small_positions);
    EXPECT_EQ(got.unskilled, c.expected.unskilled);
    EXPECT_EQ(got.relevant_education, c.expected.relevant_education);
    EXPECT_EQ(got.further_education, c.expected.further_education);
    EXPECT_EQ(got.aged_50_plus_among_further_educated,
              c.expected.aged_50_plus_among_further_educated);
    EXPECT_EQ(got.female, c.expected.female);
    EXPECT_EQ(got.male, c.expected.male);
    EXPECT_EQ(got.other_or_unknown_gender, c.expected.other_or_unknown_gender);
  }
}

TEST(ComputeIndicators, FteIsTheSumOfPercents) {
  const WorkforceIndicators w =
      compute_indicators(std::vector{rec("a", 75, 1980), rec("b", 50, 1980), rec("b", 25, 1980)},
                         kYear, test_categories());
  EXPECT_DOUBLE_EQ(w.fte(), 1.5);
}

TEST(AgeBands, BandOfAge) {
  const struct {
    int age;
    int band;
  } cases[] = {{-3, 0}, {0, 0}, {19, 0}, {20, 1}, {24, 1}, {25, 2}, {49, 6},
               {50, 7}, {64, 9}, {65, 10}, {69, 10}, {70, 11}, {101, 11}};
  for (const auto& c : cases) {
    EXPECT_EQ(age_band_of(c.age), c.band) << "age " << c.age;
  }
}

TEST(AgeBands, Labels) {
  const struct {
    int band;
    const char* label;
  } cases[] = {{0, "<20"}, {1, "20-24"}, {2, "25-29"}, {6, "45-49"},
               {10, "65-69"}, {11, "70+"}, {-1, ""}, {12, ""}};
  for (const auto& c : cases) {
    EXPECT_EQ(age_band_label(c.band), c.label) << "band " << c.band;
  }
}

// Position size bands are on hundredths: 24.99 % is below 25, 25.00 % is not;
// 99.99 % is part-time, 100.00 % and more is "100+".
TEST(PositionSizeBands, BandOfPercent) {
  const struct {
    std::int64_t hundredths;
    int band;
  } cases[] = {{0, 0},    {1, 0},    {2499, 0}, {2500, 1},  {4999, 1},  {5000, 2},
               {7499, 2}, {7500, 3}, {9999, 3}, {10000, 4}, {10001, 4}, {25000, 4}};
  for (const auto& c : cases) {
    EXPECT_EQ(position_size_band_of(c.hundredths), c.band) << c.hundredths << " hundredths";
  }
}

TEST(PositionSizeBands, Labels) {
  const char* const labels[] = {"<25", "25-49", "50-74", "75-99", "100+"};
  for (int band = 0; band < kPositionSizeBandCount; ++band) EXPECT_EQ(position_size_band_label(band), labels[band]);
  EXPECT_EQ(position_size_band_label(-1), "");
  EXPECT_EQ(position_size_band_label(5), "");
}

// Seven persons: a 24.99 %, b 25.00 %, c 99.99 %, d 100 %, e two records of
// 60 % + 40 % (one person of 100 %), f two records of 20 % + 20 % (40 %),
// g 74.99 %. Bands: <25 {a}, 25-49 {b, f}, 50-74 {g}, 75-99 {c}, 100+ {d, e}.
// Part-time is everyone below 100: a, b, c, f, g = 5 of 7 = the first four bands;
// small positions (< 50 %): a, b, f = 3 = the first two bands.
TEST(PositionSizeBands, CountPersonsByTheirTotalPercent) {
  auto hundredths = [](std::string id, std::int32_t value) {
    PositionRecord r = rec(std::move(id), 0, 1980);
    r.percent = PositionPercent{value};
    return r;
  };
  const std::vector<PositionRecord> records = {
      hundredths("a", 2499), hundredths("b", 2500), hundredths("c", 9999), hundredths("d", 10000),
      hundredths("e", 6000), hundredths("f", 2000), hundredths("e", 4000), hundredths("f", 2000),
      hundredths("g", 7499)};
  const WorkforceIndicators w = compute_indicators(records, kYear, test_categories());
  EXPECT_EQ(w.persons, 7);
  EXPECT_EQ(w.position_size_bands, (std::array<std::int64_t, kPositionSizeBandCount>{1, 2, 1, 1, 2}));
  EXPECT_EQ(w.part_time, of(5, 7));
  EXPECT_EQ(w.small_positions, of(3, 7));
}

// Persons aged (2025 − birth year): f1 female 52 (band 50-54, 7), f2 female 23
// (20-24, 1), m1 male 52 (7), o1 other 70 (70+, 11), u1 unknown 19 (<20, 0),
// u2 unknown gender on the first record and female on the second: the first
// record decides, so other; age 52 (7). The pyramid's rows sum to the gender
// counts (female 2, male 1, other 3) and its columns to age_bands.
TEST(AgePyramid, PersonsByGenderAndAgeBand) {
  const std::vector<PositionRecord> records = {
      rec("f1", 100, 1973, Gender::female), rec("f2", 50, 2002, Gender::female),
      rec("m1", 100, 1973, Gender::male),   rec("o1", 20, 1955, Gender::other),
      rec("u1", 40, 2006, Gender::unknown), rec("u2", 30, 1973, Gender::unknown),
      rec("u2", 30, 1973, Gender::female)};
  const WorkforceIndicators w = compute_indicators(records, kYear, test_categories());
  using Band = std::array<std::int64_t, kAgeBandCount>;
  EXPECT_EQ(w.age_pyramid[0], (Band{0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}));  // female
  EXPECT_EQ(w.age_pyramid[1], (Band{0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}));  // male
  EXPECT_EQ(w.age_pyramid[2], (Band{1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1}));  // other and unknown
  EXPECT_EQ(w.age_bands, (Band{1, 1, 0, 0, 0, 0, 0, 3, 0, 0, 0, 1}));
  EXPECT_EQ(w.female, of(2, 6));
  EXPECT_EQ(w.male, of(1, 6));
  EXPECT_EQ(w.other_or_unknown_gender, of(3, 6));
}

TEST(AgePyramid, GenderGroups) {
  EXPECT_EQ(gender_group_of(Gender::female), 0);
  EXPECT_EQ(gender_group_of(Gender::male), 1);
  EXPECT_EQ(gender_group_of(Gender::other), 2);
  EXPECT_EQ(gender_group_of(Gender::unknown), 2);
  EXPECT_EQ(gender_group_key(0), "female");
  EXPECT_EQ(gender_group_key(1), "male");
  EXPECT_EQ(gender_group_key(2), "other");
}

TEST(ComputeTurnover, HandComputedCases) {
  const struct {
    const char* name;
    std::vector<PositionRecord> before;
    std::vector<PositionRecord> after;
    TurnoverIndicators expected;
  } cases[] = {
      // Nobody before: no turnover to speak of (0 of 0), everyone joined.
      {"empty before", {}, {rec("a", 100, 1980)}, {0, 1, 1, 0, of(0, 0)}},
      // a leaves, b and c stay, d and e join: 1 of 3 left.
      {"joiners and leavers",
       {rec("a", 100, 1980), rec("b", 100, 1980), rec("c", 100, 1980)},
       {rec("b", 100, 1980), rec("c", 100, 1980), rec("d", 100, 1980), rec("e", 100, 1980)},
       {3, 4, 2, 1, of(1, 3)}},
      // Two positions are one person; dropping one of them is no leaver.
      {"a person with two positions is counted once",
       {rec("a", 50, 1980), rec("a", 50, 1980), rec("b", 100, 1980)},
       {rec("a", 50, 1980)},
       {2, 1, 0, 1, of(1, 2)}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(compute_turnover(c.before, c.after), c.expected);
  }
}

}  // namespace
}  // namespace kompetent
