// Suppression of indicator tables: hand-worked tables (a region of three
// municipalities, a municipality × category table, shares with few persons on
// one side, rows of exactly k and k − 1 persons, the node tree, turnover, the
// Salten region by unit and by category, consistent with the coarser tables),
// and property tests on random snapshots: what is shown never includes a small
// group and never leaves one withheld row alone under a shown total, and no
// table gives back a row it withholds through what the coarser tables show.
#include "core/privacy/indicator_suppression.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/privacy/row_lattice.h"
#include "unit/core/test_support.h"

namespace kompetent::privacy {
namespace {

using test_support::fauske_tree;
using test_support::kByMunicipality;
using test_support::kByUnit;
using test_support::key;

const Dimension kByMunicipalityCategory[] = {Dimension::municipality, Dimension::category};

// `persons` persons who are alike: aged 45–49, full-time, female, with a known, relevant,
// skilled education, no further education and no retirement within ten years. Every share
// is then 0 % or 100 % of persons, so only group sizes decide.
WorkforceIndicators alike(std::int64_t persons) {
  WorkforceIndicators w;
  w.persons = w.positions = persons;
  w.fte_hundredths = persons * 10000;
  w.average_age = 47.0;
  w.age_bands[6] = persons;
  w.age_pyramid[0][6] = persons;         // all female, 45–49
  w.position_size_bands[4] = persons;    // all 100 %
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
  for (auto& gender : m.age_pyramid) gender.fill(true);
  m.position_size_bands.fill(true);
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
  w.age_pyramid[0][6] = 18;
  w.age_pyramid[1][6] = 2;
  w.part_time = {18, 20};
  w.position_size_bands[3] = 18;  // 75–99 %
  w.position_size_bands[4] = 2;   // 100 %
  const std::vector<IndicatorRow> rows = {{key(""), w}};
  // 2 men: too few. 18 women = 20 − 2 men, and 18 part-time = 20 − 2 full-time: both go.
  // Other gender (0) stays: it tells only that women and men together are 20.
  // In the pyramid the 2 men aged 45–49 go, and the 18 women of that band, or the band
  // (20) minus them would give the men back. The 2 full-time persons ("100+") go, and the
  // 18 of 75–99 %, or persons minus them would.
  IndicatorMask expected;
  expected.male = expected.female = expected.part_time = true;
  expected.age_pyramid[0][6] = expected.age_pyramid[1][6] = true;
  expected.position_size_bands[3] = expected.position_size_bands[4] = true;
  EXPECT_EQ(suppress_indicator_rows(rows, {}, {.k = 5}), (std::vector<IndicatorMask>{expected}));
  // With k = 3 neither 2 men nor 2 full-time may be shown either.
  EXPECT_EQ(suppress_indicator_rows(rows, {}, {.k = 3}), (std::vector<IndicatorMask>{expected}));
}

TEST(IndicatorSuppression, APyramidCellIsNotRecoveredFromItsBandOrItsGender) {
  // 20 persons: 45–49 (band 6) 12 = 7 women + 5 men; 50–54 (band 7) 8 = 3 women + 5 men;
  // women 10, men 10. The 3 women aged 50–54 are too few. The band gives them as 8 − 5 men:
  // the 5 men aged 50–54 go. The women give them as 10 − 7: the 7 women aged 45–49 go; their
  // band gives those as 12 − 5: the 5 men aged 45–49 go. A rectangle of four cells; the bands
  // and the gender counts, which every chart sums to, stay.
  WorkforceIndicators w = alike(20);
  w.age_bands[6] = 12;
  w.age_bands[7] = 8;
  w.aged_50_plus = {8, 20};
  w.age_pyramid[0][6] = 7;
  w.age_pyramid[1][6] = 5;
  w.age_pyramid[0][7] = 3;
  w.age_pyramid[1][7] = 5;
  w.female = {10, 20};
  w.male = {10, 20};
  IndicatorMask expected;
  expected.age_pyramid[0][6] = expected.age_pyramid[0][7] = true;
  expected.age_pyramid[1][6] = expected.age_pyramid[1][7] = true;
  EXPECT_EQ(suppress_indicator_rows(std::vector<IndicatorRow>{{key(""), w}}, {}, {.k = 5}),
            (std::vector<IndicatorMask>{expected}));
}

TEST(IndicatorSuppression, ASizeBandIsNotRecoveredFromPersonsOrTheShares) {
  // 20 persons: 8 at 50–74 %, 9 at 75–99 %, 3 at 100 %. The 3 are too few, and so is the rest
  // of part-time (17 of 20: 3 are not), so part-time goes. Persons minus the shown bands would
  // give the 3 back: the smallest other band, 8 at 50–74 %, goes too. Small positions (0 of
  // 20) stay: 0 + 0 tells nothing about the three.
  WorkforceIndicators w = alike(20);
  w.part_time = {17, 20};
  w.position_size_bands = {0, 0, 8, 9, 3};
  IndicatorMask expected;
  expected.part_time = true;
  expected.position_size_bands[2] = expected.position_size_bands[4] = true;
  EXPECT_EQ(suppress_indicator_rows(std::vector<IndicatorRow>{{key(""), w}}, {}, {.k = 5}),
            (std::vector<IndicatorMask>{expected}));
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
  w.age_pyramid[0][6] = 17;
  w.age_pyramid[0][7] = 3;
  w.aged_50_plus = {3, 20};
  // Now also 3 aged 50–54 (a band and the 50+ share): too few; and the band 45–49 (17) goes,
  // or 20 − 17 would give the 3 back.
  expected.aged_50_plus = expected.age_bands[6] = expected.age_bands[7] = true;
  // The same in the pyramid: the 3 women aged 50–54, and the 17 of 45–49 (20 women − 17).
  expected.age_pyramid[0][6] = expected.age_pyramid[0][7] = true;
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
  rows[1].indicators.position_size_bands = {0, 0, 0, 3, 0};  // all three at 75–99 %
  rows[0].indicators.part_time = {3, 60};  // the total: 3 part-time of 60 is too few
  rows[0].indicators.position_size_bands = {0, 0, 0, 3, 57};
  // The total's 3 at 75–99 % go, and its 57 full-time: persons − them would give the 3.
  IndicatorMask total;
  total.part_time = true;
  total.position_size_bands[3] = total.position_size_bands[4] = true;
  EXPECT_EQ(suppress_indicator_rows(rows, kByMunicipalityCategory, {.k = 5}),
            (std::vector<IndicatorMask>{total, withheld(), withheld(), shown(), withheld(),
                                        withheld(), shown()}));
}

CategoryTable categories() {
  return CategoryTable({{"sykepleier", "Sykepleier", "Nurse", EducationLevel::bachelor, 65}});
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

  // By unit, the sectors are margins of the by-sector query, which withholds OK (4) and, since
  // 1841 (30, shown by municipality) − HO would give OK back, HO. So HO is unknown here and must
  // stay so: FSH + HJT would give it, and the smaller unit goes, as in the node tree.
  const std::vector<IndicatorRow> units = breakdown(view, kByUnit, {});
  ASSERT_EQ(units.size(), 4u);
  EXPECT_EQ(suppress_indicator_rows(units, kByUnit, {.k = 5}),
            (std::vector<IndicatorMask>{shown(), shown(), withheld(), withheld()}));
}

// ---- Consistency across levels: the Salten region of tests/api/test_suppression.py ----------
//
// Three municipalities of 4, 12 and 14 persons, each with one sector HO of one unit SH. By
// municipality, 1836 (4) goes and, since 30 − 12 − 14 would give it back, the smaller other
// municipality 1838 (12). A finer table must not give either back through its margins.

const Dimension kByMunicipalityUnit[] = {Dimension::municipality, Dimension::unit};
const Dimension kByMunicipalityUnitCategory[] = {Dimension::municipality, Dimension::unit,
                                                 Dimension::category};

TEST(IndicatorSuppression, SaltenByUnitWithholdsTheSameAsByMunicipality) {
  const std::vector<IndicatorRow> by_municipality = {row(key(""), 30), row(key("1836"), 4),
                                                     row(key("1838"), 12), row(key("1839"), 14)};
  EXPECT_EQ(suppress_indicator_rows(by_municipality, kByMunicipality, {.k = 5}),
            (std::vector<IndicatorMask>{shown(), withheld(), withheld(), shown()}));

  // By unit (the API adds the municipality). Treating the sector and municipality totals as
  // known, and dropping the ones with a single part, withheld only SH of 1836: 30 − 12 − 14.
  // Now: by sector, 1838 is withheld by municipality and 1838 = HO, so HO of 1838 goes (the
  // only part); by unit the same: 1838/HO is withheld by sector and 1838/HO = SH. The total
  // stays shown.
  const std::vector<IndicatorRow> units = {row(key(""), 30), row(key("1836", "HO", "SH"), 4),
                                           row(key("1838", "HO", "SH"), 12),
                                           row(key("1839", "HO", "SH"), 14)};
  const std::vector<IndicatorMask> expected = {shown(), withheld(), withheld(), shown()};
  EXPECT_EQ(suppress_indicator_rows(units, kByMunicipalityUnit, {.k = 5}), expected);
  EXPECT_EQ(suppress_indicator_rows(units, kByUnit, {.k = 5}), expected);
  const Dimension by_sector[] = {Dimension::municipality, Dimension::sector};
  const std::vector<IndicatorRow> sectors = {row(key(""), 30), row(key("1836", "HO"), 4),
                                             row(key("1838", "HO"), 12),
                                             row(key("1839", "HO"), 14)};
  EXPECT_EQ(suppress_indicator_rows(sectors, by_sector, {.k = 5}), expected);
}

TEST(IndicatorSuppression, SaltenByUnitProtectsTheSmallUnitWithTheSmallestOther) {
  // 1838 has two units: SH 5 and HJ 7 (12). 1838 is withheld by municipality, and so is its
  // sector HO (12 = HO, by sector). By unit, 5 + 7 would give HO back: the smaller unit (SH, 5)
  // goes. The 4 is safe: 30 − 14 leaves 1836 + 1838 = 16, and 1838 is unknown.
  const std::vector<IndicatorRow> units = {
      row(key(""), 30), row(key("1836", "HO", "SH"), 4), row(key("1838", "HO", "SH"), 5),
      row(key("1838", "HO", "HJ"), 7), row(key("1839", "HO", "SH"), 14)};
  EXPECT_EQ(suppress_indicator_rows(units, kByMunicipalityUnit, {.k = 5}),
            (std::vector<IndicatorMask>{shown(), withheld(), withheld(), shown(), shown()}));
}

// The same region by category: 1836 has 4 of category A; 1838 has A 5 and B 7; 1839 A 6, B 8.
// Over the region, A 15 and B 15 (shown by category).
std::vector<IndicatorRow> salten_by_category(const std::string& sector, const std::string& unit) {
  return {row(key(""), 30),
          row(key("1836", sector, unit, "A"), 4),
          row(key("1838", sector, unit, "A"), 5),
          row(key("1838", sector, unit, "B"), 7),
          row(key("1839", sector, unit, "A"), 6),
          row(key("1839", sector, unit, "B"), 8)};
}

TEST(IndicatorSuppression, SaltenByMunicipalityAndCategory) {
  // 1836 × A (4) goes. Category A over the region (15, shown) gives it back as 15 − 5 − 6, and so
  // does 1836 (withheld by municipality, 4 = its one category) ... but 1836 is unknown. 1838
  // (withheld by municipality) would come back as 5 + 7. Both are learnt in the first round;
  // the 4 comes first (rows before margins): the smaller other A, 1838 × A (5), goes. Now 1838 =
  // ? + 7 and A = 4? + 5? + 6: two unknowns each. Category B and 1839 are shown.
  EXPECT_EQ(
      suppress_indicator_rows(salten_by_category("", ""), kByMunicipalityCategory, {.k = 5}),
      (std::vector<IndicatorMask>{shown(), withheld(), withheld(), shown(), shown(), shown()}));
}

TEST(IndicatorSuppression, SaltenByUnitAndCategory) {
  // By unit × category the margins are SH of each municipality (from by unit: 1838/HO/SH is
  // withheld there), HO × category (by sector × category: 1838/HO × A withheld),
  // municipality × category, municipality, and category. SH of 1838 = 5 + 7 is learnt first (it
  // is the first margin in the table), so its smaller part, SH × A (5), goes; then every sum
  // with a withheld cell has two. The same cells as by municipality × category.
  EXPECT_EQ(
      suppress_indicator_rows(salten_by_category("HO", "SH"), kByMunicipalityUnitCategory,
                              {.k = 5}),
      (std::vector<IndicatorMask>{shown(), withheld(), withheld(), shown(), shown(), shown()}));
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
  EXPECT_EQ(lattice.margin_keys, (std::vector<GroupKey>{key("", "", "", "A"), key("1940"),
                                                        key("", "", "", "B"), key("1941")}));
  // Municipality level first (its margins, which split by category), then the region level:
  // the categories over the region, then the total row, split by municipality and by category.
  // 1941 = its one category is there too: a margin with one part still is a sum.
  EXPECT_EQ(lattice.partitions,
            (std::vector<detail::Partition>{
                {5, {1, 2}}, {7, {3}}, {4, {1, 3}}, {6, {2}}, {0, {5, 7}}, {0, {4, 6}}}));
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
      // The pyramid: no small cell shown; of the sums a chart shows (a band of age_bands, a
      // gender count), never exactly one part withheld under a shown sum.
      const bool gender_shown[kGenderGroupCount] = {!m.female, !m.male, !m.other_or_unknown_gender};
      for (std::size_t g = 0; g < kGenderGroupCount; ++g) {
        int withheld_cells = 0;
        for (std::size_t band = 0; band < kAgeBandCount; ++band) {
          EXPECT_TRUE(m.age_pyramid[g][band] || !small(w.age_pyramid[g][band], k)) << g << " " << band;
          withheld_cells += m.age_pyramid[g][band];
        }
        if (gender_shown[g]) {
          EXPECT_NE(withheld_cells, 1) << "gender " << g;
        }
      }
      for (std::size_t band = 0; band < kAgeBandCount; ++band) {
        if (m.age_bands[band]) continue;
        int withheld_cells = 0;
        for (std::size_t g = 0; g < kGenderGroupCount; ++g) withheld_cells += m.age_pyramid[g][band];
        EXPECT_NE(withheld_cells, 1) << "band " << band;
      }
      // Size bands: none small shown; persons, part-time (the first four) and small positions
      // (the first two) never have exactly one withheld part; nor does the rest of a shown
      // share: "100+" alone is persons − part-time.
      const auto& sizes = m.position_size_bands;
      for (std::size_t band = 0; band < kPositionSizeBandCount; ++band) {
        EXPECT_TRUE(sizes[band] || !small(w.position_size_bands[band], k)) << "size band " << band;
      }
      EXPECT_NE(std::count(sizes.begin(), sizes.end(), true), 1);
      if (!m.part_time) {
        EXPECT_NE(std::count(sizes.begin(), sizes.begin() + 4, true), 1);
        EXPECT_FALSE(sizes[4]) << "100+ is persons − part-time";
      }
      if (!m.small_positions) {
        EXPECT_NE(int{sizes[0]} + int{sizes[1]}, 1);
        EXPECT_NE(int{sizes[2]} + int{sizes[3]} + int{sizes[4]}, 1);
      }
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

// ---- Property test across levels -------------------------------------------
//
// Random regions of two or three municipalities, each with one or two sectors of one to three
// units, and three categories. For every grouping the API offers, the attacker knows the total
// and every row that this table or a coarser one (fewer tree levels, or no category) shows, and
// that every node is the sum of its children (one level down, and over the categories). Worked
// out to a fixed point, that must never give back a row this table withholds, unless the
// coarser tables give it away without this one: by sector and by municipality × category are
// each suppressed on their own, and together they can pin a sector × category cell (sector 4 =
// A + B, and B the only B of its municipality); no table can hide that. Each person has one
// position, so the sums are exact and the coarser tables are what their own queries show.

using NodeId = std::tuple<std::string, std::string, std::string, std::string>;

int tree_level(const NodeId& node) {
  if (!std::get<2>(node).empty()) return 3;
  if (!std::get<1>(node).empty()) return 2;
  return std::get<0>(node).empty() ? 0 : 1;
}

// `child` lies one tree level below `parent`, in the same category.
bool tree_child(const NodeId& parent, const NodeId& child) {
  const int level = tree_level(parent);
  if (tree_level(child) != level + 1 || std::get<3>(child) != std::get<3>(parent)) return false;
  return (level < 1 || std::get<0>(child) == std::get<0>(parent)) &&
         (level < 2 || std::get<1>(child) == std::get<1>(parent));
}

// `child` is `parent` (over all categories) in one category.
bool category_child(const NodeId& parent, const NodeId& child) {
  return std::get<3>(parent).empty() && !std::get<3>(child).empty() &&
         std::get<0>(child) == std::get<0>(parent) && std::get<1>(child) == std::get<1>(parent) &&
         std::get<2>(child) == std::get<2>(parent);
}

struct Attacker {
  std::map<NodeId, std::int64_t> persons;
  std::set<NodeId> known;

  void add(const std::vector<IndicatorRow>& rows, const std::vector<IndicatorMask>& masks) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const NodeId node{rows[i].key.municipality, rows[i].key.sector, rows[i].key.unit,
                        rows[i].key.category};
      persons[node] = rows[i].indicators.persons;
      if (!masks[i].row) known.insert(node);
    }
  }

  // Everything the sums give, one unknown at a time, until nothing more follows.
  void solve() {
    std::vector<std::vector<NodeId>> sums;  // parent first
    for (const auto& [parent, value] : persons) {
      for (const auto relation : {tree_child, category_child}) {
        std::vector<NodeId> sum{parent};
        for (const auto& [child, child_value] : persons) {
          if (relation(parent, child)) sum.push_back(child);
        }
        if (sum.size() > 1) sums.push_back(sum);
      }
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (const std::vector<NodeId>& sum : sums) {
        std::vector<NodeId> unknown;
        for (const NodeId& node : sum) {
          if (!known.count(node)) unknown.push_back(node);
        }
        if (unknown.size() == 1) {
          known.insert(unknown[0]);
          changed = true;
        }
      }
    }
  }
};

CategoryTable three_categories() {
  return CategoryTable({{"sykepleier", "Sykepleier", "Nurse", EducationLevel::bachelor, 65},
                        {"helsefagarbeider", "Helsefagarbeider", "Health worker",
                         EducationLevel::trade_certificate, 67},
                        {"lege", "Lege", "Doctor", EducationLevel::master_or_higher, 70}});
}

TEST(IndicatorSuppression, RandomRegionsGiveNoWithheldRowBackThroughCoarserTables) {
  using D = Dimension;
  // Every grouping, each with the groupings coarser than it.
  const std::vector<std::vector<D>> shapes = {{D::municipality},
                                              {D::category},
                                              {D::municipality, D::category},
                                              {D::municipality, D::sector},
                                              {D::municipality, D::sector, D::category},
                                              {D::municipality, D::unit},
                                              {D::municipality, D::unit, D::category}};
  const auto level = [](const std::vector<D>& by) {
    int l = 0;
    for (const D d : by) {
      l = std::max(l, d == D::municipality ? 1 : d == D::sector ? 2 : d == D::unit ? 3 : 0);
    }
    return l;
  };
  const auto has_category = [](const std::vector<D>& by) {
    return std::find(by.begin(), by.end(), D::category) != by.end();
  };

  std::mt19937 rng(1836);
  const auto pick = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(rng);
  };
  const char* numbers[] = {"1836", "1838", "1839"};
  const char* category_keys[] = {"sykepleier", "helsefagarbeider", "lege"};
  const CategoryTable categories = three_categories();
  int withheld_rows = 0;
  int tables = 0;
  int given_away_by_coarser_tables = 0;
  const int trials = 40;  // 1,000 pass too (about a minute); 16 rows of 29,111 given away
  for (int trial = 0; trial < trials; ++trial) {
    std::vector<OrgTree> trees;
    std::vector<Snapshot> snapshots;
    const int municipalities = pick(2, 3);
    for (int m = 0; m < municipalities; ++m) {
      std::vector<Sector> sectors = {{"HO", "Helse og omsorg"}};
      if (pick(0, 1) == 1) sectors.push_back({"OK", "Oppvekst og kultur"});
      std::vector<Unit> units;
      for (const Sector& sector : sectors) {
        for (int u = pick(1, 3); u > 0; --u) {
          units.push_back({sector.code + std::to_string(u), "Enhet", sector.code});
        }
      }
      auto tree = OrgTree::create(MunicipalityNumber{numbers[m]}, sectors, units);
      ASSERT_TRUE(tree.ok());
      trees.push_back(tree.value());
      std::vector<PositionRecord> records;
      for (int p = pick(1, 40); p > 0; --p) {
        PositionRecord r;
        r.employee_id = std::string(numbers[m]) + "-" + std::to_string(p);
        r.unit_code =
            units[static_cast<std::size_t>(pick(0, static_cast<int>(units.size()) - 1))].code;
        r.category = category_keys[pick(0, 2)];
        r.percent = PositionPercent{pick(2, 10) * 1000};
        r.birth_year = pick(1955, 2006);
        r.gender = static_cast<Gender>(pick(0, 2));
        r.education = pick(0, 3) == 0 ? EducationLevel::unknown : EducationLevel::bachelor;
        r.relevant_education = pick(0, 1) == 1;
        r.further_education_credits = pick(0, 2) * 30;
        records.push_back(r);
      }
      snapshots.push_back({MunicipalityNumber{numbers[m]}, make_date(2025, 12, 31), records});
    }
    std::vector<MunicipalityWorkforce> members;
    for (int m = 0; m < municipalities; ++m) members.push_back({&snapshots[m], &trees[m]});
    const WorkforceView view = WorkforceView::build(members, categories);
    const int k = trial % 2 == 0 ? 5 : 3;

    for (const std::vector<D>& by : shapes) {
      SCOPED_TRACE("trial " + std::to_string(trial) + " by " + std::to_string(level(by)) +
                   (has_category(by) ? " × category" : ""));
      const std::vector<IndicatorRow> rows = breakdown(view, by, {});
      const std::vector<IndicatorMask> masks = suppress_indicator_rows(rows, by, {.k = k});
      ASSERT_EQ(masks.size(), rows.size());
      EXPECT_EQ(suppress_indicator_rows(rows, by, {.k = k}), masks);  // deterministic
      // The total is withheld only when it is itself too small.
      EXPECT_EQ(masks[0].row, small(rows[0].indicators.persons, k));

      // What the coarser tables and the total give away on their own, and with this table.
      Attacker coarser_only;
      for (const std::vector<D>& coarser : shapes) {
        if (coarser == by || level(coarser) > level(by)) continue;
        if (has_category(coarser) && !has_category(by)) continue;
        const std::vector<IndicatorRow> coarser_rows = breakdown(view, coarser, {});
        coarser_only.add(coarser_rows, suppress_indicator_rows(coarser_rows, coarser, {.k = k}));
      }
      coarser_only.add(rows, std::vector<IndicatorMask>(rows.size(), withheld()));
      coarser_only.add({rows[0]}, {masks[0]});
      Attacker attacker = coarser_only;
      attacker.add(rows, masks);
      coarser_only.solve();
      attacker.solve();
      for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!masks[i].row) continue;
        ++withheld_rows;
        const GroupKey& g = rows[i].key;
        const NodeId node{g.municipality, g.sector, g.unit, g.category};
        if (!attacker.known.count(node)) continue;
        // Given away already by two coarser tables of different kinds (docs/privacy.md, "What
        // it does not protect against"); nothing this table withholds could hide it.
        EXPECT_TRUE(coarser_only.known.count(node))
            << "row " << i << " (" << g.municipality << " " << g.sector << " " << g.unit << " "
            << g.category << ", " << rows[i].indicators.persons << " persons)";
        ++given_away_by_coarser_tables;
      }
      ++tables;
    }
  }
  EXPECT_EQ(tables, trials * 7);
  EXPECT_GT(withheld_rows, 500);
  // Two coarser tables of different kinds rarely give a row away together (1 in 1,800 over
  // 1,000 trials, all with k = 3).
  EXPECT_LT(given_away_by_coarser_tables * 100, withheld_rows);
}

}  // namespace
}  // namespace kompetent::privacy
