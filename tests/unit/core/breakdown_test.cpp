// The breakdown engine: hand-computed groupings, turnover with a mover, and a
// property test that every group of the fast engine equals compute_indicators()
// (and compute_turnover()) over the records of that group, on random data.
#include "core/indicators/breakdown.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "unit/core/test_support.h"

namespace kompetent {
namespace {

using test_support::fauske_tree;
using test_support::kByMunicipality;
using test_support::kByUnit;
using test_support::key;

const Dimension kBySector[] = {Dimension::sector};
const Dimension kByCategory[] = {Dimension::category};
const Dimension kBySectorCategory[] = {Dimension::sector, Dimension::category};

CategoryTable breakdown_categories() {
  return CategoryTable({
      {"helsefagarbeider", "Helsefagarbeider", "Health care worker", EducationLevel::trade_certificate, 65},
      {"sykepleier", "Sykepleier", "Nurse", EducationLevel::bachelor, 65},
      {"assistent", "Assistent", "Assistant", EducationLevel::unskilled, 67},
      {"laerer", "Lærer", "Teacher", EducationLevel::bachelor, 67},
  });
}

PositionRecord unit_record(std::string id, std::string unit, std::string category, int percent,
                   int birth_year = 1980) {
  PositionRecord r;
  r.employee_id = std::move(id);
  r.unit_code = std::move(unit);
  r.category = std::move(category);
  r.percent = PositionPercent{percent * 100};
  r.birth_year = birth_year;
  return r;
}

Snapshot snapshot(std::string number, int year, std::vector<PositionRecord> positions) {
  return Snapshot{MunicipalityNumber{std::move(number)}, make_date(year, 12, 31),
                  std::move(positions)};
}

std::vector<GroupKey> keys_of(const auto& rows) {
  std::vector<GroupKey> keys;
  for (const auto& row : rows) keys.push_back(row.key);
  return keys;
}

// Fauske: nurse n1 with 50 % at FSH and 30 % at HJT; helsefagarbeider h1 at
// FSH 100 %; teacher t1 at VSK 100 %; assistant x1 at "LAGER", a unit not in
// the tree, 40 %.
Snapshot fauske_2025() {
  return snapshot("1841", 2025,
                  {unit_record("n1", "FSH", "sykepleier", 50),
                   unit_record("h1", "FSH", "helsefagarbeider", 100),
                   unit_record("t1", "VSK", "laerer", 100),
                   unit_record("n1", "HJT", "sykepleier", 30),
                   unit_record("x1", "LAGER", "assistent", 40)});
}

TEST(Breakdown, GroupsByUnitInTreeOrderWithUnknownUnitsLast) {
  const Snapshot s = fauske_2025();
  const OrgTree tree = fauske_tree();
  const MunicipalityWorkforce members[] = {{&s, &tree}};
  const auto rows = breakdown(members, kByUnit, {}, breakdown_categories());
  EXPECT_EQ(keys_of(rows), (std::vector<GroupKey>{key(""), key("1841", "HO", "FSH"),
                                                  key("1841", "HO", "HJT"), key("1841", "OK", "VSK"),
                                                  key("1841", "?", "LAGER")}));
  // Total: 5 positions, 4 persons; n1 is one person of 80 %.
  EXPECT_EQ(rows[0].indicators.positions, 5);
  EXPECT_EQ(rows[0].indicators.persons, 4);
  EXPECT_EQ(rows[0].indicators.fte_hundredths, 32000);
  EXPECT_EQ(rows[0].indicators.part_time, (Share{2, 4}));       // n1 80 %, x1 40 %
  EXPECT_EQ(rows[0].indicators.small_positions, (Share{1, 4}));  // x1
  // FSH: n1 with 50 % there (small, part-time) and h1 100 %.
  EXPECT_EQ(rows[1].indicators.persons, 2);
  EXPECT_EQ(rows[1].indicators.fte_hundredths, 15000);
  EXPECT_EQ(rows[1].indicators.small_positions, (Share{0, 2}));  // 50 % is not < 50 %
  EXPECT_EQ(rows[1].indicators.part_time, (Share{1, 2}));
  // HJT: n1 with 30 % there: small.
  EXPECT_EQ(rows[2].indicators.small_positions, (Share{1, 1}));
}

TEST(Breakdown, SectorsAndCategoriesCombineInReportOrder) {
  const Snapshot s = fauske_2025();
  const OrgTree tree = fauske_tree();
  const MunicipalityWorkforce members[] = {{&s, &tree}};
  const auto rows = breakdown(members, kBySectorCategory, {}, breakdown_categories());
  EXPECT_EQ(keys_of(rows),
            (std::vector<GroupKey>{key(""), key("1841", "HO", "", "helsefagarbeider"),
                                   key("1841", "HO", "", "sykepleier"),
                                   key("1841", "OK", "", "laerer"),
                                   key("1841", "?", "", "assistent")}));
  // HO × sykepleier: n1 once, 80 %.
  EXPECT_EQ(rows[2].indicators.persons, 1);
  EXPECT_EQ(rows[2].indicators.average_position_percent, 80.0);
}

TEST(Breakdown, FilterByNodeAndCategory) {
  const Snapshot s = fauske_2025();
  const OrgTree tree = fauske_tree();
  const MunicipalityWorkforce members[] = {{&s, &tree}};
  const CategoryTable categories = breakdown_categories();
  const struct {
    const char* name;
    const char* node;
    std::vector<std::string> categories;
    std::int64_t positions;
    std::int64_t persons;
  } cases[] = {
      {"whole municipality", "1841", {}, 5, 4},
      {"one sector", "1841/HO", {}, 3, 2},
      {"one unit", "1841/HO/HJT", {}, 1, 1},
      {"unit under the wrong sector", "1841/OK/HJT", {}, 0, 0},
      {"another municipality", "1804", {}, 0, 0},
      {"category only", "", {"sykepleier"}, 2, 1},
      {"two categories in a sector", "1841/HO", {"sykepleier", "helsefagarbeider"}, 3, 2},
      {"category not present", "", {"lege"}, 0, 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    BreakdownFilter filter;
    if (*c.node) filter.node = parse_node_path(c.node).value();
    filter.categories = c.categories;
    const auto rows = breakdown(members, {}, filter, categories);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].key, GroupKey{});
    EXPECT_EQ(rows[0].indicators.positions, c.positions);
    EXPECT_EQ(rows[0].indicators.persons, c.persons);
  }
}

TEST(Breakdown, NodeBreakdownListsEveryNodeInTreeOrder) {
  const Snapshot s = fauske_2025();
  const OrgTree tree = fauske_tree();
  const Snapshot other = snapshot("1804", 2025, {unit_record("b1", "FSH", "sykepleier", 100)});
  const OrgTree other_tree = fauske_tree("1804");
  // Given out of order: rows come by municipality number.
  const MunicipalityWorkforce members[] = {{&s, &tree}, {&other, &other_tree}};
  const WorkforceView view = WorkforceView::build(members, breakdown_categories());
  const auto rows = node_breakdown(view, {});
  EXPECT_EQ(keys_of(rows),
            (std::vector<GroupKey>{key(""), key("1804"), key("1804", "HO"),
                                   key("1804", "HO", "FSH"), key("1841"), key("1841", "HO"),
                                   key("1841", "HO", "FSH"), key("1841", "HO", "HJT"),
                                   key("1841", "OK"), key("1841", "OK", "VSK"), key("1841", "?"),
                                   key("1841", "?", "LAGER")}));
  EXPECT_EQ(rows[0].indicators.persons, 5);
  EXPECT_EQ(rows[5].indicators.persons, 2);  // 1841/HO: n1 and h1
}

TEST(TurnoverBreakdown, MoverLeavesTheUnitButNotTheMunicipality) {
  // m moves from FSH to HJT (same sector HO); s stays at FSH; l leaves VSK;
  // j joins VSK.
  const Snapshot before = snapshot("1841", 2024,
                                   {unit_record("m", "FSH", "helsefagarbeider", 100),
                                    unit_record("s", "FSH", "helsefagarbeider", 100),
                                    unit_record("l", "VSK", "laerer", 100)});
  const Snapshot after = snapshot("1841", 2025,
                                  {unit_record("m", "HJT", "helsefagarbeider", 100),
                                   unit_record("s", "FSH", "helsefagarbeider", 100),
                                   unit_record("j", "VSK", "laerer", 100)});
  const OrgTree tree = fauske_tree();
  const MunicipalityWorkforce b[] = {{&before, &tree}};
  const MunicipalityWorkforce a[] = {{&after, &tree}};
  const CategoryTable categories = breakdown_categories();
  // {persons_before, persons_after, joiners, leavers, turnover}
  const struct {
    const char* name;
    std::span<const Dimension> by;
    std::vector<TurnoverRow> expected;
  } cases[] = {
      // Total and municipality: m, s, l before; m, s, j after: l left, j joined.
      {"municipality",
       kByMunicipality,
       {{key(""), {3, 3, 1, 1, {1, 3}}}, {key("1841"), {3, 3, 1, 1, {1, 3}}}}},
      // HO keeps m and s: no change. OK: l → j.
      {"sector",
       kBySector,
       {{key(""), {3, 3, 1, 1, {1, 3}}},
        {key("1841", "HO"), {2, 2, 0, 0, {0, 2}}},
        {key("1841", "OK"), {1, 1, 1, 1, {1, 1}}}}},
      // FSH loses m (leaver, 1 of 2); HJT gains m (joiner, 0 of 0 before).
      {"unit",
       kByUnit,
       {{key(""), {3, 3, 1, 1, {1, 3}}},
        {key("1841", "HO", "FSH"), {2, 1, 0, 1, {1, 2}}},
        {key("1841", "HO", "HJT"), {0, 1, 1, 0, {0, 0}}},
        {key("1841", "OK", "VSK"), {1, 1, 1, 1, {1, 1}}}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(turnover_breakdown(b, a, c.by, {}, categories), c.expected);
  }
}

// ---- Property test -------------------------------------------------------

std::string dump(const Share& s) { return std::to_string(s.count) + "/" + std::to_string(s.total); }
std::string dump(const std::optional<double>& d) {
  return d ? std::to_string(*d) + (*d == static_cast<float>(*d) ? "" : "~") : "none";
}
template <std::size_t N>
std::string dump(const std::array<std::int64_t, N>& a) {
  std::string out;
  for (std::int64_t x : a) out += std::to_string(x) + " ";
  return out;
}

// Every field by name, so a failing comparison shows which one differs.
std::string dump(const WorkforceIndicators& w) {
  return "positions " + std::to_string(w.positions) + "\npersons " + std::to_string(w.persons) +
         "\nfte " + std::to_string(w.fte_hundredths) + "\naverage_age " + dump(w.average_age) +
         "\nbands " + dump(w.age_bands) + "\nunder_25 " + dump(w.under_25) + "\n50+ " +
         dump(w.aged_50_plus) + "\n60+ " + dump(w.aged_60_plus) + "\nretirements " +
         dump(w.retirements_by_year) + "\nretirement_fte " +
         dump(w.retirement_fte_hundredths_by_year) + "\npart_time " + dump(w.part_time) +
         "\naverage_percent " + dump(w.average_position_percent) + "\nsmall " +
         dump(w.small_positions) + "\nunskilled " + dump(w.unskilled) + "\nrelevant " +
         dump(w.relevant_education) + "\nfurther " + dump(w.further_education) +
         "\nfurther_50+ " + dump(w.aged_50_plus_among_further_educated) + "\nfemale " +
         dump(w.female) + "\nmale " + dump(w.male) + "\nother " + dump(w.other_or_unknown_gender) +
         "\npyramid female " + dump(w.age_pyramid[0]) + "\npyramid male " + dump(w.age_pyramid[1]) +
         "\npyramid other " + dump(w.age_pyramid[2]) + "\nsize bands " + dump(w.position_size_bands);
}

struct RandomRegion {
  std::vector<Snapshot> snapshots;
  std::vector<OrgTree> trees;
  std::vector<MunicipalityWorkforce> members() const {
    std::vector<MunicipalityWorkforce> out;
    for (std::size_t i = 0; i < snapshots.size(); ++i) out.push_back({&snapshots[i], &trees[i]});
    return out;
  }
};

const char* const kRandomCategories[] = {"helsefagarbeider", "sykepleier", "assistent", "laerer",
                                         "vaktmester"};  // the last is not in the table

// `people` persons per municipality, some with up to 3 positions in random
// units (a few not in the tree) and categories; birth year, gender and
// education vary per record so the "first record" and "highest" rules matter.
RandomRegion random_region(std::mt19937& rng, int municipalities, int people, int year,
                           std::uint32_t id_seed) {
  RandomRegion region;
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  for (int m = 0; m < municipalities; ++m) {
    const std::string number = std::to_string(1800 + 7 * m + 1);
    std::vector<Sector> sectors;
    std::vector<Unit> units;
    const int sector_count = 1 + pick(3);
    for (int s = 0; s < sector_count; ++s) {
      sectors.push_back({"S" + std::to_string(s), "Sector"});
      for (int u = 0, n = 1 + pick(3); u < n; ++u) {
        units.push_back({"U" + std::to_string(s) + std::to_string(u), "Unit", sectors.back().code});
      }
    }
    std::shuffle(units.begin(), units.end(), rng);  // tree order is not code order
    region.trees.push_back(OrgTree::create(MunicipalityNumber{number}, sectors, units).value());

    std::vector<PositionRecord> records;
    for (int p = 0; p < people; ++p) {
      // Ids are unique per municipality only in the view; the reference sees
      // records of many municipalities at once, so the id carries the number.
      const std::string id = number + "-" + std::to_string((id_seed + static_cast<std::uint32_t>(p)) % 1000);
      const int base_birth_year = year - 18 - pick(55);
      for (int k = 0, n = pick(6) == 0 ? 2 + pick(2) : 1; k < n; ++k) {
        PositionRecord r;
        r.employee_id = id;
        r.unit_code = pick(25) == 0 ? "UKJENT" : units[static_cast<std::size_t>(pick(static_cast<int>(units.size())))].code;
        r.category = kRandomCategories[pick(5)];
        // Whole 5 %s, and now and then a value on either side of a size band's
        // edge (24.99/25, 49.99/50, 74.99/75, 99.99/100): sums of a person's
        // records land on and around the edges too.
        static constexpr std::int32_t kEdges[] = {2499, 2500, 4999, 5000, 7499, 7500, 9999, 1, 5001};
        r.percent = PositionPercent{pick(5) == 0   ? kEdges[pick(9)]
                                    : pick(4) == 0 ? 10000
                                                   : 500 * (1 + pick(20))};
        r.birth_year = pick(10) == 0 ? base_birth_year - 1 : base_birth_year;
        r.gender = static_cast<Gender>(pick(4));
        r.education = static_cast<EducationLevel>(pick(6));
        r.relevant_education = pick(2) == 0;
        r.further_education_credits = pick(4) == 0 ? 15 * (1 + pick(4)) : 0;
        records.push_back(std::move(r));
      }
    }
    std::shuffle(records.begin(), records.end(), rng);  // a person's records are apart
    region.snapshots.push_back(snapshot(number, year, std::move(records)));
  }
  return region;
}

struct Located {
  const PositionRecord* record;
  GroupKey place;  // municipality, sector, unit, category of the record
};

std::vector<Located> locate(const RandomRegion& region) {
  std::vector<Located> out;
  for (std::size_t m = 0; m < region.snapshots.size(); ++m) {
    const OrgTree& tree = region.trees[m];
    for (const PositionRecord& r : region.snapshots[m].positions) {
      std::string sector = "?";
      if (auto unit = tree.find_unit(r.unit_code)) sector = tree.units()[*unit].sector_code;
      out.push_back({&r, key(region.snapshots[m].municipality.digits, sector, r.unit_code, r.category)});
    }
  }
  return out;
}

// The records whose place matches `group` on every field the group sets.
std::vector<PositionRecord> records_in(const std::vector<Located>& located, const GroupKey& group,
                                       const BreakdownFilter& filter) {
  std::vector<PositionRecord> out;
  for (const Located& l : located) {
    const GroupKey& p = l.place;
    if (filter.node && (p.municipality != filter.node->municipality.digits ||
                        (filter.node->sector_code && p.sector != *filter.node->sector_code))) {
      continue;
    }
    if (!filter.categories.empty() &&
        std::find(filter.categories.begin(), filter.categories.end(), p.category) ==
            filter.categories.end()) {
      continue;
    }
    if ((!group.municipality.empty() && group.municipality != p.municipality) ||
        (!group.sector.empty() && group.sector != p.sector) ||
        (!group.unit.empty() && group.unit != p.unit) ||
        (!group.category.empty() && group.category != p.category)) {
      continue;
    }
    out.push_back(*l.record);
  }
  return out;
}

// The groups that should appear for `by`: every combination with records.
std::set<std::vector<std::string>> expected_groups(const std::vector<Located>& located,
                                                   std::span<const Dimension> by,
                                                   const BreakdownFilter& filter) {
  const auto has = [&](Dimension d) { return std::find(by.begin(), by.end(), d) != by.end(); };
  const bool unit = has(Dimension::unit);
  const bool sector = unit || has(Dimension::sector);
  const bool municipality = sector || has(Dimension::municipality);
  std::set<std::vector<std::string>> out;
  for (const Located& l : located) {
    if (records_in({l}, GroupKey{}, filter).empty()) continue;
    out.insert({municipality ? l.place.municipality : "", sector ? l.place.sector : "",
                unit ? l.place.unit : "", has(Dimension::category) ? l.place.category : ""});
  }
  return out;
}

const std::vector<Dimension> kGroupings[] = {
    {},
    {Dimension::municipality},
    {Dimension::sector},
    {Dimension::unit},
    {Dimension::category},
    {Dimension::municipality, Dimension::category},
    {Dimension::sector, Dimension::category},
    {Dimension::unit, Dimension::category},
};

BreakdownFilter random_filter(std::mt19937& rng, const RandomRegion& region) {
  BreakdownFilter filter;
  const int kind = std::uniform_int_distribution<int>(0, 3)(rng);
  if (kind == 1 || kind == 3) {
    const OrgTree& tree = region.trees[0];
    filter.node = NodePath{tree.municipality(), tree.sectors()[0].code, std::nullopt};
  }
  if (kind >= 2) filter.categories = {"sykepleier", "vaktmester"};
  return filter;
}

TEST(BreakdownProperty, EveryGroupEqualsComputeIndicators) {
  const CategoryTable categories = breakdown_categories();
  std::mt19937 rng(20251231);
  std::size_t groups_checked = 0;
  for (int round = 0; round < 12; ++round) {
    const RandomRegion region = random_region(rng, 1 + round % 4, 40 + 10 * round, 2025, 0);
    const std::vector<MunicipalityWorkforce> members = region.members();
    const WorkforceView view = WorkforceView::build(members, categories);
    const std::vector<Located> located = locate(region);
    const BreakdownFilter filter = random_filter(rng, region);
    for (const std::vector<Dimension>& by : kGroupings) {
      SCOPED_TRACE("round " + std::to_string(round) + ", " + std::to_string(by.size()) + " dims");
      const std::vector<IndicatorRow> rows = breakdown(view, by, filter);
      ASSERT_FALSE(rows.empty());
      EXPECT_EQ(rows[0].key, GroupKey{});
      std::set<std::vector<std::string>> seen;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const GroupKey& k = rows[i].key;
        if (i > 0 || by.empty()) seen.insert({k.municipality, k.sector, k.unit, k.category});
        const std::vector<PositionRecord> records = records_in(located, k, filter);
 const WorkforceIndicators expected = compute_indicators(records, 2025, categories);
        EXPECT_EQ(rows[i].indicators, expected);
        EXPECT_EQ(dump(rows[i].indicators), dump(expected))
            << "group " << k.municipality << "/" << k.sector << "/" << k.unit << "/" << k.category;
        ++groups_checked;
      }
      if (!by.empty()) {
        EXPECT_EQ(seen, expected_groups(located, by, filter));
      }
    }
  }
  EXPECT_GT(groups_checked, 500u);
}

TEST(BreakdownProperty, NodeBreakdownEqualsBreakdownPerLevel) {
  const CategoryTable categories = breakdown_categories();
  std::mt19937 rng(7);
  const RandomRegion region = random_region(rng, 3, 80, 2025, 0);
  const std::vector<MunicipalityWorkforce> members = region.members();
  const WorkforceView view = WorkforceView::build(members, categories);
  std::vector<IndicatorRow> nodes = node_breakdown(view, {});
  std::vector<IndicatorRow> expected = breakdown(view, {}, {});
  for (const auto* by : {&kGroupings[1], &kGroupings[2], &kGroupings[3]}) {
    auto rows = breakdown(view, *by, {});
    expected.insert(expected.end(), rows.begin() + 1, rows.end());
  }
  const auto order = [](const IndicatorRow& a, const IndicatorRow& b) {
    return std::tie(a.key.municipality, a.key.sector, a.key.unit) <
           std::tie(b.key.municipality, b.key.sector, b.key.unit);
  };
  // Same rows; node_breakdown's own order is checked by hand above.
  std::sort(nodes.begin() + 1, nodes.end(), order);
  std::sort(expected.begin() + 1, expected.end(), order);
  EXPECT_EQ(nodes, expected);
}

TEST(BreakdownProperty, EveryGroupEqualsComputeTurnover) {
  const CategoryTable categories = breakdown_categories();
  std::mt19937 rng(42);
  for (int round = 0; round < 6; ++round) {
    // Same seeds for ids so about half the persons are in both snapshots.
    std::mt19937 rng_before(static_cast<unsigned>(round));
    const RandomRegion before = random_region(rng_before, 1 + round % 3, 60, 2024, 0);
    // Odd rounds: a different tree afterwards, so some units exist on one side only.
    std::mt19937 rng_after(static_cast<unsigned>(round + (round % 2) * 100));
    const RandomRegion after = random_region(rng_after, 1 + round % 3, 60, 2025, 30);
    const std::vector<MunicipalityWorkforce> b = before.members();
    const std::vector<MunicipalityWorkforce> a = after.members();
    const WorkforceViewPair views = WorkforceViewPair::build(b, a, categories);
    const std::vector<Located> located_before = locate(before);
    const std::vector<Located> located_after = locate(after);
    const BreakdownFilter filter = random_filter(rng, after);
    for (const std::vector<Dimension>& by : kGroupings) {
      SCOPED_TRACE("round " + std::to_string(round) + ", " + std::to_string(by.size()) + " dims");
      const std::vector<TurnoverRow> rows = turnover_breakdown(views, by, filter);
      ASSERT_FALSE(rows.empty());
      std::set<std::vector<std::string>> seen;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const GroupKey& k = rows[i].key;
        if (i > 0) seen.insert({k.municipality, k.sector, k.unit, k.category});
        EXPECT_EQ(rows[i].turnover, compute_turnover(records_in(located_before, k, filter),
                                                     records_in(located_after, k, filter)))
            << "group " << k.municipality << "/" << k.sector << "/" << k.unit << "/" << k.category;
      }
      if (!by.empty()) {
        std::set<std::vector<std::string>> expected = expected_groups(located_before, by, filter);
        expected.merge(expected_groups(located_after, by, filter));
        EXPECT_EQ(seen, expected);
      }
    }
  }
}

TEST(WorkforceView, SameEmployeeIdInTwoMunicipalitiesIsTwoPersons) {
  const Snapshot a = snapshot("1841", 2025, {unit_record("e1", "FSH", "sykepleier", 100)});
  const Snapshot b = snapshot("1804", 2025, {unit_record("e1", "FSH", "sykepleier", 100)});
  const OrgTree ta = fauske_tree("1841");
  const OrgTree tb = fauske_tree("1804");
  const MunicipalityWorkforce members[] = {{&a, &ta}, {&b, &tb}};
  const auto rows = breakdown(members, kByCategory, {}, breakdown_categories());
  EXPECT_EQ(rows[0].indicators.persons, 2);
}

TEST(WorkforceView, EmptyRegionGivesOneEmptyTotal) {
  const WorkforceView view = WorkforceView::build({}, breakdown_categories());
  const auto rows = breakdown(view, kByUnit, {});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].indicators, WorkforceIndicators{});
  EXPECT_EQ(rows[0].indicators.persons, 0);
}

}  // namespace
}  // namespace kompetent
