// Suppression of indicator tables: hand-worked tables (a region of three
// municipalities, a municipality × category table, shares with few persons on
// one side, rows of exactly k and k − 1 persons, the node tree, turnover), and
// a property test on random snapshots that what is shown never includes a
// small group and never leaves one withheld row alone under a shown total.
#include "core/privacy/indicator_suppression.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/privacy/row_lattice.h"

namespace kompetent::privacy {
namespace {

const Dimension kByMunicipality[] = {Dimension::municipality};
const Dimension kByUnit[] = {Dimension::unit};
const Dimension kByMunicipalityCategory[] = {Dimension::municipality, Dimension::category};

GroupKey key(std::string municipality, std::string sector = "", std::string unit = "",
             std::string category = "") {
  return {std::move(municipality), std::move(sector), std::move(unit), std::move(category)};
}

// `persons` persons who are alike: aged 45–49, full-time, female, with a known, relevant,
// skilled education, no further education and no retirement within ten years. Every share
// is then 0 % or 100 % of persons, so only group sizes decide.
WorkforceIndicators alike(std::int64_t persons) {
  WorkforceIndicators w;
  w.persons = w.positions = persons;
  w.fte_hundredths = persons * 10000;
  w.average_age = 47.0;
  w.age_bands[6] = persons;
  w.under_25 = w.aged_50_plus = w.aged_60_plus = {0, persons};
  w.part_time = w.small_positions = w.unskilled = w.further_education = {0, persons};
  w.relevant_education = w.female = {persons, persons};
  w.male = w.other_or_unknown_gender = {0, persons};
  w.average_position_percent = 100.0;
  return w;
}

IndicatorRow row(GroupKey k, std::int64_t persons) { return {std::move(k), alike(persons)}; }

IndicatorMask shown() { return {}; }

IndicatorMask withheld() {
  IndicatorMask m;
  m.row = m.under_25 = m.aged_50_plus = m.aged_60_plus = m.part_time = m.small_positions =
      m.unskilled = m.relevant_education = m.further_education =
          m.aged_50_plus_among_further_educated = m.female = m.male = m.other_or_unknown_gender =
              true;
  m.age_bands.fill(true);
  m.retirements.fill(true);
  return m;
}

TEST(IndicatorSuppression, RegionOfThreeMunicipalities) {
  // 30 = 4 + 12 + 14: the 4 is too small, and 30 − 12 − 14 would give it back, so the
  // smaller of the others (12) goes too, whole.
  const std::vector<IndicatorRow> rows = {row(key(""), 30), row(key("1940"), 4),
                                          row(key("1941"), 12), row(key("1942"), 14)};
  EXPECT_EQ(suppress_indicator_rows(rows, kByMunicipality, {.k = 5}),
            (std::vector<IndicatorMask>{shown(), withheld(), withheld(), shown()}));
  EXPECT_EQ(suppress_indicator_rows(rows, kByMunicipality, {.k = 3}),
            (std::vector<IndicatorMask>(4, shown())));
}

TEST(IndicatorSuppression, RowsOfExactlyKAndKMinusOne) {
  const std::vector<IndicatorRow> five = {row(key(""), 25), row(key("1940"), 5),
                                          row(key("1941"), 20)};
  EXPECT_EQ(suppress_indicator_rows(five, kByMunicipality, {.k = 5}),
            (std::vector<IndicatorMask>(3, shown())));
  // 24 = 4 + 20: the 20 is the only complement.
  const std::vector<IndicatorRow> four = {row(key(""), 24), row(key("1940"), 4),
                                          row(key("1941"), 20)};
  EXPECT_EQ(suppress_indicator_rows(four, kByMunicipality, {.k = 5}),
            (std::vector<IndicatorMask>{shown(), withheld(), withheld()}));
  // With k = 3, 2 is too small and 3 is not.
  const std::vector<IndicatorRow> k3 = {row(key(""), 25), row(key("1940"), 3), row(key("1941"), 2),
                                        row(key("1942"), 20)};
  EXPECT_EQ(suppress_indicator_rows(k3, kByMunicipality, {.k = 3}),
            (std::vector<IndicatorMask>{shown(), withheld(), withheld(), shown()}));
}

TEST(IndicatorSuppression, TwoMenOfTwentyAndAllButTwoPartTime) {
  // One row (the total alone): 18 women and 2 men; 18 of 20 part-time.
  WorkforceIndicators w = alike(20);
  w.female = {18, 20};
  w.male = {2, 20};
  w.part_time = {18, 20};
  const std::vector<IndicatorRow> rows = {{key(""), w}};
  // 2 men: too few. 18 women = 20 − 2 men, and 18 part-time = 20 − 2 full-time: both go.
  // Other gender (0) stays: it tells only that women and men together are 20.
  IndicatorMask expected;
  expected.male = expected.female = expected.part_time = true;
  EXPECT_EQ(suppress_indicator_rows(rows, {}, {.k = 5}), (std::vector<IndicatorMask>{expected}));
  // With k = 3 neither 2 men nor 2 full-time may be shown either.
  EXPECT_EQ(suppress_indicator_rows(rows, {}, {.k = 3}), (std::vector<IndicatorMask>{expected}));
}

TEST(IndicatorSuppression, ZeroOrAllOfASmallSubgroupGoesWithIt) {
  // 20 persons; 3 have further education and none of those 3 is 50 or older (0 %); education is
  // known for 3 and none of them is unskilled (0 %). Each 0 % would tell something about every
  // one of the 3, so it goes with its denominator.
  WorkforceIndicators w = alike(20);
  w.further_education = {3, 20};
  w.aged_50_plus_among_further_educated = {0, 3};
  w.unskilled = {0, 3};
  IndicatorMask expected;
  expected.further_education = expected.aged_50_plus_among_further_educated = true;
  expected.unskilled = true;
  EXPECT_EQ(suppress_indicator_rows(std::vector<IndicatorRow>{{key(""), w}}, {}, {.k = 5}),
            (std::vector<IndicatorMask>{expected}));
  // 3 of 3 (100 %) the same.
  w.aged_50_plus_among_further_educated = {3, 3};
  w.age_bands[6] = 17;
  w.age_bands[7] = 3;
  w.aged_50_plus = {3, 20};
  // Now also 3 aged 50–54 (a band and the 50+ share): too few; and the band 45–49 (17) goes,
  // or 20 − 17 would give the 3 back.
  expected.aged_50_plus = expected.age_bands[6] = expected.age_bands[7] = true;
  EXPECT_EQ(suppress_indicator_rows(std::vector<IndicatorRow>{{key(""), w}}, {}, {.k = 5}),
            (std::vector<IndicatorMask>{expected}));
  // Known education for all 20: the denominator is persons, and 0 of 20 is shown.
  w.unskilled = {0, 20};
  expected.unskilled = false;
  EXPECT_EQ(suppress_indicator_rows(std::vector<IndicatorRow>{{key(""), w}}, {}, {.k = 5}),
            (std::vector<IndicatorMask>{expected}));
}

TEST(IndicatorSuppression, MunicipalityByCategory) {
  //            A    B    C   | known from the by-municipality query
  //   1940     3   10   12   |  25
  //   1941     7    8   20   |  35
  //   known by category: 10, 18, 32 (from the by-category query)
  // 1940 × A (3 persons, all part-time: 100 % of 3) is too small. The category A column gives it
  // as 10 − 7: 1941 × A goes. The 1940 row gives it as 25 − 10 − 12: 1940 × B goes. Column B then
  // gives 1940 × B as 18 − 8: 1941 × B goes. A rectangle; C is shown.
  std::vector<IndicatorRow> rows = {row(key(""), 60),
                                    row(key("1940", "", "", "A"), 3),
                                    row(key("1940", "", "", "B"), 10),
                                    row(key("1940", "", "", "C"), 12),
                                    row(key("1941", "", "", "A"), 7),
                                    row(key("1941", "", "", "B"), 8),
                                    row(key("1941", "", "", "C"), 20)};
  rows[1].indicators.part_time = {3, 3};
  rows[0].indicators.part_time = {3, 60};  // the total: 3 part-time of 60 is too few
  IndicatorMask total;
  total.part_time = true;
  EXPECT_EQ(suppress_indicator_rows(rows, kByMunicipalityCategory, {.k = 5}),
            (std::vector<IndicatorMask>{total, withheld(), withheld(), shown(), withheld(),
                                        withheld(), shown()}));
}

CategoryTable categories() {
  return CategoryTable({{"sykepleier", "Sykepleier", "Nurse", EducationLevel::bachelor, 65}});
}

OrgTree fauske_tree() {
  auto tree = OrgTree::create(MunicipalityNumber{"1841"},
                              {{"HO", "Helse og omsorg"}, {"OK", "Oppvekst og kultur"}},
                              {{"FSH", "Fauske sykehjem", "HO"},
                               {"HJT", "Hjemmetjenesten", "HO"},
                               {"VSK", "Vestmyra skole", "OK"}});
  EXPECT_TRUE(tree.ok());
  return tree.value();
}

// `count` alike nurses at `unit`: born 1978 (47 in 2025), female, 100 %, bachelor.
void add_nurses(std::vector<PositionRecord>& out, const std::string& unit, int count) {
  for (int i = 0; i < count; ++i) {
    PositionRecord r;
    r.employee_id = unit + std::to_string(i);
    r.unit_code = unit;
    r.category = "sykepleier";
    r.percent = PositionPercent{10000};
    r.birth_year = 1978;
    r.gender = Gender::female;
    r.education = EducationLevel::bachelor;
    r.relevant_education = true;
    out.push_back(r);
  }
}

TEST(IndicatorSuppression, NodeTreeOfOneMunicipality) {
  // Fauske: HO with FSH 14 and HJT 12; OK with VSK 4.
  std::vector<PositionRecord> records;
  add_nurses(records, "FSH", 14);
  add_nurses(records, "HJT", 12);
  add_nurses(records, "VSK", 4);
  const Snapshot snapshot{MunicipalityNumber{"1841"}, make_date(2025, 12, 31), records};
  const OrgTree tree = fauske_tree();
  const MunicipalityWorkforce members[] = {{&snapshot, &tree}};
  const WorkforceView view = WorkforceView::build(members, categories());
  const std::vector<IndicatorRow> rows = node_breakdown(view, {});
  ASSERT_EQ(rows.size(), 7u);  // total, 1841, HO, FSH, HJT, OK, VSK
  EXPECT_EQ(rows[0].indicators, alike(30));
  EXPECT_EQ(rows[5].indicators, alike(4));
  // OK (4) and VSK (4) are too small. 1841 − HO gives OK: HO goes. HO = FSH + HJT: HJT (the
  // smaller) goes.
  EXPECT_EQ(suppress_indicator_rows(rows, {}, {.k = 5}),
            (std::vector<IndicatorMask>{shown(), shown(), withheld(), shown(), withheld(),
                                        withheld(), withheld()}));
  EXPECT_EQ(suppress_indicator_rows(rows, {}, {.k = 3}), (std::vector<IndicatorMask>(7, shown())));

  // By unit, the sectors are margins another query shows. VSK is withheld; nothing in this table
  // could keep "OK = VSK" from someone who knows OK: the by-sector query withholds OK itself.
  const std::vector<IndicatorRow> units = breakdown(view, kByUnit, {});
  ASSERT_EQ(units.size(), 4u);
  EXPECT_EQ(suppress_indicator_rows(units, kByUnit, {.k = 5}),
            (std::vector<IndicatorMask>{shown(), shown(), shown(), withheld()}));
}

TEST(TurnoverSuppression, JoinersAndLeaversOfOneGroup) {
  // 20 before, 21 after: 3 joined, 2 left. Both are too few; turnover (2 of 20) goes with leavers.
  const std::vector<TurnoverRow> rows = {{key(""), {20, 21, 3, 2, {2, 20}}}};
  EXPECT_EQ(suppress_turnover_rows(rows, {}, {.k = 5}),
            (std::vector<TurnoverMask>{{false, true, true, true}}));
  // 2 of 20 left but 5 joined: 23 − 5 gives the 18 stayers, and 20 − 18 the 2 leavers. The
  // leavers were learnt from "before = leavers + stayers", which has no shown part, so its total
  // (persons before) goes, and with it the row. (Withholding the joiners would have been enough;
  // the rule takes a constraint's total before it follows the stayers back to where they came
  // from.)
  const std::vector<TurnoverRow> more = {{key(""), {20, 23, 5, 2, {2, 20}}}};
  EXPECT_EQ(suppress_turnover_rows(more, {}, {.k = 5}),
            (std::vector<TurnoverMask>{{true, true, true, true}}));
  // 10 joined, 10 left of 20: all shown.
  const std::vector<TurnoverRow> big = {{key(""), {20, 20, 10, 10, {10, 20}}}};
  EXPECT_EQ(suppress_turnover_rows(big, {}, {.k = 5}),
            (std::vector<TurnoverMask>{{false, false, false, false}}));
}

TEST(TurnoverSuppression, AGroupSmallBeforeIsWithheldWhole) {
  // 1940 had 4 persons and has 6; 1941 30 and 30 (5 joined, 5 left). Total 34 → 36.
  const std::vector<TurnoverRow> rows = {{key(""), {34, 36, 7, 5, {5, 34}}},
                                         {key("1940"), {4, 6, 2, 0, {0, 4}}},
                                         {key("1941"), {30, 30, 5, 5, {5, 30}}}};
  // 1940 goes whole; 36 − 30 would give its persons after, so 1941 goes whole too.
  const TurnoverMask whole{true, true, true, true};
  EXPECT_EQ(suppress_turnover_rows(rows, kByMunicipality, {.k = 5}),
            (std::vector<TurnoverMask>{{}, whole, whole}));
}

TEST(RowLattice, MunicipalityByCategoryHasBothMargins) {
  const std::vector<GroupKey> keys = {key(""), key("1940", "", "", "A"), key("1940", "", "", "B"),
                                      key("1941", "", "", "A")};
  const detail::RowLattice lattice = detail::row_lattice(keys, kByMunicipalityCategory);
  // Margins in order of first appearance: all × A (4), 1940 × all (5), all × B (6), 1941 (7).
  EXPECT_EQ(lattice.margin_rows, (std::vector<std::vector<std::size_t>>{{1, 3}, {1, 2}, {2}, {3}}));
  EXPECT_EQ(lattice.partitions,
            (std::vector<detail::Partition>{
                {0, {5, 7}}, {0, {4, 6}}, {4, {1, 3}}, {5, {1, 2}}, {6, {2}}, {7, {3}}}));
}

// ---- Property test -------------------------------------------------------

bool small(std::int64_t count, int k) { return count >= 1 && count < k; }

TEST(IndicatorSuppression, RandomSnapshotsShowNoSmallGroup) {
  std::mt19937 rng(4242);
  const OrgTree tree = fauske_tree();
  const char* units[] = {"FSH", "HJT", "VSK"};
  int withheld_rows = 0;
  for (int trial = 0; trial < 60; ++trial) {
    std::vector<PositionRecord> records;
    const int persons = std::uniform_int_distribution<int>(1, 60)(rng);
    for (int p = 0; p < persons; ++p) {
      PositionRecord r;
      r.employee_id = "p" + std::to_string(p);
      r.unit_code = units[std::uniform_int_distribution<int>(0, 2)(rng)];
      r.category = "sykepleier";
      r.percent = PositionPercent{std::uniform_int_distribution<int>(2, 10)(rng) * 1000};
      r.birth_year = std::uniform_int_distribution<int>(1955, 2006)(rng);
      r.gender = static_cast<Gender>(std::uniform_int_distribution<int>(0, 2)(rng));
      r.education = std::uniform_int_distribution<int>(0, 3)(rng) == 0 ? EducationLevel::unknown
                                                                       : EducationLevel::bachelor;
      if (std::uniform_int_distribution<int>(0, 3)(rng) == 0)
        r.education = EducationLevel::unskilled;
      r.relevant_education = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
      r.further_education_credits = std::uniform_int_distribution<int>(0, 2)(rng) * 30;
      records.push_back(r);
    }
    const Snapshot snapshot{MunicipalityNumber{"1841"}, make_date(2025, 12, 31), records};
    const MunicipalityWorkforce members[] = {{&snapshot, &tree}};
    const WorkforceView view = WorkforceView::build(members, categories());
    const std::vector<IndicatorRow> rows = node_breakdown(view, {});
    const int k = trial % 2 == 0 ? 5 : 3;
    const std::vector<IndicatorMask> masks = suppress_indicator_rows(rows, {}, {.k = k});
    ASSERT_EQ(masks.size(), rows.size());

    for (std::size_t i = 0; i < rows.size(); ++i) {
      SCOPED_TRACE("trial " + std::to_string(trial) + " row " + std::to_string(i));
      const WorkforceIndicators& w = rows[i].indicators;
      const IndicatorMask& m = masks[i];
      EXPECT_TRUE(m.row || !small(w.persons, k));
      if (m.row) {
        EXPECT_EQ(m, withheld());
        ++withheld_rows;
        continue;
      }
      // A shown share has at least k persons, or none, on each side of it; and its denominator
      // is no small group.
      const auto check = [&](const Share& s, bool masked, const char* name) {
        if (masked) return;
        EXPECT_FALSE(small(s.count, k)) << name;
        EXPECT_FALSE(small(s.total - s.count, k)) << name;
        EXPECT_FALSE(small(s.total, k)) << name;
      };
      check(w.under_25, m.under_25, "under_25");
      check(w.aged_50_plus, m.aged_50_plus, "aged_50_plus");
      check(w.aged_60_plus, m.aged_60_plus, "aged_60_plus");
      check(w.part_time, m.part_time, "part_time");
      check(w.small_positions, m.small_positions, "small_positions");
      check(w.unskilled, m.unskilled, "unskilled");
      check(w.relevant_education, m.relevant_education, "relevant_education");
      check(w.further_education, m.further_education, "further_education");
      check(w.aged_50_plus_among_further_educated, m.aged_50_plus_among_further_educated,
            "aged_50_plus_among_further_educated");
      check(w.female, m.female, "female");
      check(w.male, m.male, "male");
      check(w.other_or_unknown_gender, m.other_or_unknown_gender, "other");
      for (std::size_t band = 0; band < kAgeBandCount; ++band) {
        EXPECT_TRUE(m.age_bands[band] || !small(w.age_bands[band], k)) << "band " << band;
      }
      // One band withheld alone would come back as persons − the others.
      EXPECT_NE(std::count(m.age_bands.begin(), m.age_bands.end(), true), 1);
      for (std::size_t year = 0; year < kRetirementYears; ++year) {
        EXPECT_TRUE(m.retirements[year] || !small(w.retirements_by_year[year], k));
      }
      // Gender: one of the three withheld alone would come back from the other two.
      EXPECT_NE(int{m.female} + int{m.male} + int{m.other_or_unknown_gender}, 1);
    }
    // Under a shown node, never exactly one withheld child.
    const detail::RowLattice lattice = detail::row_lattice(
        [&] {
          std::vector<GroupKey> keys;
          for (const IndicatorRow& r : rows) keys.push_back(r.key);
          return keys;
        }(),
        {});
    for (const detail::Partition& partition : lattice.partitions) {
      if (masks[partition.parent].row) continue;
      int withheld_children = 0;
      for (const std::size_t child : partition.children) withheld_children += masks[child].row;
      EXPECT_NE(withheld_children, 1) << "trial " << trial << " parent " << partition.parent;
    }
  }
  EXPECT_GT(withheld_rows, 30);
}

}  // namespace
}  // namespace kompetent::privacy
