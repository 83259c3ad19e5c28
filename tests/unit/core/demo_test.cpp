// The demo data generator: deterministic, Nord-Troms as published in seed 003
// chapter 3 (table 1 exactly, the §3.2 figures within tolerance, measured with
// compute_indicators), Salten with every sector, valid records and plausible
// turnover between the two snapshots. The figures printed by
// DemoNordTroms.PublishedFiguresWithinTolerance are the ones in docs/demo-data.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/demo/category_profiles.h"
#include "core/demo/demo_data.h"
#include "core/indicators/workforce_indicators.h"

namespace kompetent::demo {
namespace {

// The members of data/regions.csv with names and 2026 populations as in
// data/reference/kommuner_2024_med_folkemengde.csv (what the CLI passes).
std::vector<DemoMunicipality> nord_troms_members() {
  return {
      {{"5536"}, "Lyngen", 2732, "nord-troms"},
      {{"5538"}, "Storfjord-Omasvuotna-Omasvuono", 1848, "nord-troms"},
      {{"5540"}, "Gáivuotna-Kåfjord-Kaivuono", 1939, "nord-troms"},
      {{"5542"}, "Skjervøy", 2802, "nord-troms"},
      {{"5544"}, "Nordreisa", 4863, "nord-troms"},
      {{"5546"}, "Kvænangen", 1125, "nord-troms"},
  };
}

std::vector<DemoMunicipality> salten_members() {
  return {
      {{"1804"}, "Bodø", 53638, "salten"},     {{"1836"}, "Rødøy", 1140, "salten"},
      {{"1837"}, "Meløy", 6074, "salten"},     {{"1838"}, "Gildeskål", 2024, "salten"},
      {{"1839"}, "Beiarn", 1032, "salten"},    {{"1840"}, "Saltdal", 4865, "salten"},
      {{"1841"}, "Fauske-Fuosko", 9707, "salten"}, {{"1845"}, "Sørfold", 1819, "salten"},
      {{"1848"}, "Steigen", 2679, "salten"},   {{"1875"}, "Hamarøy", 2808, "salten"},
  };
}

std::vector<DemoMunicipality> all_members() {
  std::vector<DemoMunicipality> members = nord_troms_members();
  for (const DemoMunicipality& m : salten_members()) members.push_back(m);
  return members;
}

// The whole demo is generated once and shared: it is the expensive part.
const DemoDataset& full_demo() {
  static const DemoDataset dataset = generate_demo(all_members(), kDefaultDemoSeed);
  return dataset;
}

// data/position_categories.csv, read here because core_test links core only.
CategoryTable load_categories() {
  std::ifstream in(std::string(KOMPETENT_SOURCE_DIR) + "/data/position_categories.csv");
  std::vector<PositionCategory> categories;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::stringstream row(line);
    std::string field;
    while (std::getline(row, field, ';')) fields.push_back(field);
    if (fields.size() < 5) continue;
    PositionCategory category;
    category.key = fields[0];
    category.name_nb = fields[1];
    category.name_en = fields[2];
    category.expected_education =
        education_level_from_key(fields[3]).value_or(EducationLevel::unknown);
    category.retirement_age = std::stoi(fields[4]);
    categories.push_back(category);
  }
  return CategoryTable(std::move(categories));
}

const Snapshot& snapshot_of(const DemoDataset& dataset, std::string_view number, Date date) {
  for (const Snapshot& snapshot : dataset.snapshots) {
    if (snapshot.municipality.digits == number && snapshot.date == date) return snapshot;
  }
  ADD_FAILURE() << "no snapshot for " << number;
  static const Snapshot empty{};
  return empty;
}

std::vector<PositionRecord> current_positions(const DemoDataset& dataset, std::string_view region) {
  std::vector<PositionRecord> positions;
  const auto members = region == "nord-troms" ? nord_troms_members() : salten_members();
  for (const DemoMunicipality& m : members) {
    const Snapshot& s = snapshot_of(dataset, m.number.digits, kCurrentSnapshotDate);
    positions.insert(positions.end(), s.positions.begin(), s.positions.end());
  }
  return positions;
}

std::vector<PositionRecord> of_category(const std::vector<PositionRecord>& positions,
                                        std::string_view category) {
  std::vector<PositionRecord> out;
  for (const PositionRecord& p : positions) {
    if (p.category == category) out.push_back(p);
  }
  return out;
}

double percent(const Share& share) { return 100.0 * share.value().value_or(-1.0); }

TEST(DemoGenerator, SameSeedGivesEqualDataset) {
  const auto members = all_members();
  EXPECT_EQ(generate_demo(members, kDefaultDemoSeed), full_demo());
}

TEST(DemoGenerator, DifferentSeedGivesDifferentDataset) {
  const auto members = nord_troms_members();
  const DemoDataset a = generate_demo(members, 1);
  const DemoDataset b = generate_demo(members, 2);
  EXPECT_NE(a, b);
  // ...but the same shape: table 1 does not depend on the seed.
  ASSERT_EQ(a.snapshots.size(), b.snapshots.size());
  for (std::size_t i = 1; i < a.snapshots.size(); i += 2) {
    EXPECT_EQ(a.snapshots[i].positions.size(), b.snapshots[i].positions.size());
  }
}

TEST(DemoGenerator, EmptyInputGivesEmptyDataset) {
  EXPECT_EQ(generate_demo({}, kDefaultDemoSeed), DemoDataset{});
}

TEST(DemoGenerator, TwoSnapshotsPerMunicipalityInInputOrder) {
  const DemoDataset& demo = full_demo();
  const auto members = all_members();
  ASSERT_EQ(demo.trees.size(), members.size());
  ASSERT_EQ(demo.snapshots.size(), 2 * members.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    EXPECT_EQ(demo.trees[i].municipality(), members[i].number);
    EXPECT_EQ(demo.snapshots[2 * i].municipality, members[i].number);
    EXPECT_EQ(demo.snapshots[2 * i].date, kPreviousSnapshotDate);
    EXPECT_EQ(demo.snapshots[2 * i + 1].municipality, members[i].number);
    EXPECT_EQ(demo.snapshots[2 * i + 1].date, kCurrentSnapshotDate);
  }
}

TEST(DemoNordTroms, CurrentSnapshotHasExactlyTheTable1Positions) {
  const struct {
    const char* number;
    std::size_t positions;
  } table1[] = {{"5538", 95}, {"5540", 103}, {"5536", 225}, {"5542", 144}, {"5544", 288}, {"5546", 84}};
  std::size_t total = 0;
  for (std::uint64_t seed : {kDefaultDemoSeed, std::uint64_t{7}}) {
    const DemoDataset demo = seed == kDefaultDemoSeed ? full_demo()
                                                      : generate_demo(nord_troms_members(), seed);
    total = 0;
    for (const auto& row : table1) {
      const Snapshot& s = snapshot_of(demo, row.number, kCurrentSnapshotDate);
      EXPECT_EQ(s.positions.size(), row.positions) << row.number << " seed " << seed;
      total += s.positions.size();
      std::set<std::string> persons;
      for (const PositionRecord& p : s.positions) persons.insert(p.employee_id);
      EXPECT_EQ(persons.size(), s.positions.size()) << "one position per person";
    }
    EXPECT_EQ(total, 939u);
  }
}

TEST(DemoNordTroms, OnlyHealthAndCareWithRealisticUnits) {
  const DemoDataset& demo = full_demo();
  for (const DemoMunicipality& m : nord_troms_members()) {
    const auto it = std::find_if(demo.trees.begin(), demo.trees.end(),
                                 [&](const OrgTree& t) { return t.municipality() == m.number; });
    ASSERT_NE(it, demo.trees.end());
    ASSERT_EQ(it->sectors().size(), 1u);
    EXPECT_EQ(it->sectors()[0].code, "HO");
    EXPECT_EQ(it->sectors()[0].name, "Helse og omsorg");
    EXPECT_TRUE(it->find_unit("SH") || it->find_unit("SH01")) << m.number.digits;
    EXPECT_TRUE(it->find_unit("HT") || it->find_unit("HT01")) << m.number.digits;
    EXPECT_GE(it->units().size(), 5u);
  }
  const auto storfjord = std::find_if(demo.trees.begin(), demo.trees.end(), [](const OrgTree& t) {
    return t.municipality().digits == "5538";
  });
  ASSERT_TRUE(storfjord->find_unit("SH"));
  EXPECT_EQ(storfjord->units()[*storfjord->find_unit("SH")].name, "Storfjord sykehjem");
}

struct Tolerance {
  const char* figure;
  double target;
  double low;
  double high;
};

// Seed 003 §3.2 and the tolerances the demo promises (docs/demo-data.md).
void expect_published_figures(const std::vector<PositionRecord>& positions, bool print) {
  const CategoryTable categories = load_categories();
  const int year = year_of(kCurrentSnapshotDate);
  const WorkforceIndicators all = compute_indicators(positions, year, categories);
  const auto group = [&](std::string_view category) {
    return compute_indicators(of_category(positions, category), year, categories);
  };
  const WorkforceIndicators helsefagarbeider = group("helsefagarbeider");
  const WorkforceIndicators spesialsykepleier = group("spesialsykepleier");
  const WorkforceIndicators leder = group("leder");

  const std::pair<Tolerance, double> figures[] = {
      {{"average age (years)", 48.0, 47.0, 49.0}, all.average_age.value_or(0)},
      {{"aged 50+ (%), \"nearly 40\"", 40.0, 38.0, 41.0}, percent(all.aged_50_plus)},
      {{"helsefagarbeidere aged 50+ (%)", 44.4, 42.4, 46.4}, percent(helsefagarbeider.aged_50_plus)},
      {{"part-time (%)", 65.7, 65.2, 66.2}, percent(all.part_time)},
      {{"unskilled (%)", 20.0, 19.0, 21.0}, percent(all.unskilled)},
      {{"further education (%)", 21.1, 20.6, 21.6}, percent(all.further_education)},
      {{"further educated aged 50+ (%), \"nearly 35\"", 35.0, 33.0, 36.0},
       percent(all.aged_50_plus_among_further_educated)},
      {{"spesialsykepleiere aged 50+ (%)", 35.0, 32.0, 38.0}, percent(spesialsykepleier.aged_50_plus)},
      {{"leaders aged 50+ (%)", 35.0, 32.0, 38.0}, percent(leder.aged_50_plus)},
  };
  for (const auto& [tolerance, achieved] : figures) {
    EXPECT_GE(achieved, tolerance.low) << tolerance.figure;
    EXPECT_LE(achieved, tolerance.high) << tolerance.figure;
    if (print) {
      std::printf("  %-48s target %5.1f  achieved %5.1f\n", tolerance.figure, tolerance.target,
                  achieved);
    }
  }
  if (print) {
    std::printf("  positions %lld, persons %lld, årsverk %.1f, female %.1f %%, under 25 %.1f %%\n",
                static_cast<long long>(all.positions), static_cast<long long>(all.persons),
                all.fte(), percent(all.female), percent(all.under_25));
    for (const PositionCategory& category : categories.all()) {
      const WorkforceIndicators g = group(category.key);
      if (g.persons == 0) continue;
      std::printf("  %-20s %4lld persons, average age %.1f, 50+ %.1f %%, part-time %.1f %%\n",
                  category.key.c_str(), static_cast<long long>(g.persons),
                  g.average_age.value_or(0), percent(g.aged_50_plus), percent(g.part_time));
    }
  }
}

TEST(DemoNordTroms, PublishedFiguresWithinTolerance) {
  expect_published_figures(current_positions(full_demo(), "nord-troms"), true);
}

TEST(DemoNordTroms, PublishedFiguresHoldForOtherSeeds) {
  for (std::uint64_t seed : {1ull, 42ull, 123456789ull, 0xFFFFFFFFFFFFFFFFull}) {
    SCOPED_TRACE(seed);
    const DemoDataset demo = generate_demo(nord_troms_members(), seed);
    expect_published_figures(current_positions(demo, "nord-troms"), false);
  }
}

TEST(DemoSalten, EveryMunicipalityHasStaffInAllFourSectors) {
  const DemoDataset& demo = full_demo();
  for (const DemoMunicipality& m : salten_members()) {
    for (Date date : {kPreviousSnapshotDate, kCurrentSnapshotDate}) {
      const Snapshot& s = snapshot_of(demo, m.number.digits, date);
      const auto tree = std::find_if(demo.trees.begin(), demo.trees.end(),
                                     [&](const OrgTree& t) { return t.municipality() == m.number; });
      ASSERT_NE(tree, demo.trees.end());
      std::map<std::string, int> per_sector;
      for (const PositionRecord& p : s.positions) {
        const auto unit = tree->find_unit(p.unit_code);
        ASSERT_TRUE(unit);
        ++per_sector[tree->units()[*unit].sector_code];
      }
      for (const char* sector : {"OK", "HO", "TPU", "ADM"}) {
        EXPECT_GT(per_sector[sector], 0) << m.name << " " << sector;
      }
    }
  }
}

TEST(DemoSalten, SizedByPopulation) {
  const DemoDataset& demo = full_demo();
  const std::size_t bodo = snapshot_of(demo, "1804", kCurrentSnapshotDate).positions.size();
  EXPECT_GE(bodo, 5000u);
  EXPECT_LE(bodo, 6000u);
  const Snapshot& beiarn = snapshot_of(demo, "1839", kCurrentSnapshotDate);
  EXPECT_GE(beiarn.positions.size(), 100u);
  EXPECT_LE(beiarn.positions.size(), 170u);
  // Larger municipalities have more units.
  auto units = [&](std::string_view number) {
    for (const OrgTree& t : demo.trees) {
      if (t.municipality().digits == number) return t.units().size();
    }
    return std::size_t{0};
  };
  EXPECT_GT(units("1804"), 3 * units("1841"));
  EXPECT_GT(units("1841"), units("1839"));
  // Health and care about 40 %, oppvekst about 35 % of Salten's positions.
  std::map<std::string, int> per_sector;
  int total = 0;
  for (const DemoMunicipality& m : salten_members()) {
    const OrgTree* tree = nullptr;
    for (const OrgTree& t : demo.trees) {
      if (t.municipality() == m.number) tree = &t;
    }
    ASSERT_NE(tree, nullptr);
    for (const PositionRecord& p : snapshot_of(demo, m.number.digits, kCurrentSnapshotDate).positions) {
      ++per_sector[tree->units()[*tree->find_unit(p.unit_code)].sector_code];
      ++total;
    }
  }
  EXPECT_NEAR(100.0 * per_sector["HO"] / total, 40.0, 1.0);
  EXPECT_NEAR(100.0 * per_sector["OK"] / total, 35.0, 1.0);
}

TEST(DemoGenerator, WholeDemoStaysSmall) {
  for (Date date : {kPreviousSnapshotDate, kCurrentSnapshotDate}) {
    std::size_t positions = 0;
    for (const Snapshot& s : full_demo().snapshots) {
      if (s.date == date) positions += s.positions.size();
    }
    EXPECT_LE(positions, 12000u);
  }
}

bool is_valid_employee_id(const std::string& id) {
  // "NT5538-000123": region letters, kommunenummer, dash, six digits. Never a
  // fødselsnummer (eleven digits in a row).
  if (id.size() != 13 || id[6] != '-') return false;
  if (!std::isupper(static_cast<unsigned char>(id[0])) ||
      !std::isupper(static_cast<unsigned char>(id[1])))
    return false;
  for (std::size_t i = 2; i < id.size(); ++i) {
    if (i != 6 && !std::isdigit(static_cast<unsigned char>(id[i]))) return false;
  }
  return true;
}

TEST(DemoGenerator, EveryRecordIsValid) {
  const DemoDataset& demo = full_demo();
  const CategoryTable categories = load_categories();
  std::map<std::string, std::string> category_of_title;
  for (std::size_t i = 0; i < demo.snapshots.size(); ++i) {
    const Snapshot& s = demo.snapshots[i];
    const OrgTree& tree = demo.trees[i / 2];
    const int year = year_of(s.date);
    const std::string prefix = s.municipality.digits;
    for (const PositionRecord& p : s.positions) {
      SCOPED_TRACE(p.employee_id);
      EXPECT_TRUE(is_valid_employee_id(p.employee_id));
      EXPECT_EQ(p.employee_id.substr(2, 4), prefix);
      EXPECT_GE(p.percent.hundredths, 100);
      EXPECT_LE(p.percent.hundredths, PositionPercent::kFullTime);
      EXPECT_GE(year - p.birth_year, 18);
      EXPECT_LE(year - p.birth_year, 70);
      ASSERT_TRUE(tree.find_unit(p.unit_code)) << p.unit_code;
      EXPECT_EQ(tree.units()[*tree.find_unit(p.unit_code)].code, p.unit_code);
      EXPECT_NE(categories.find(p.category), nullptr) << p.category;
      EXPECT_TRUE(p.position_code.empty());
      EXPECT_FALSE(p.position_title.empty());
      // The CLI maps titles back to categories, so a title names one category.
      auto [it, inserted] = category_of_title.emplace(p.position_title, p.category);
      EXPECT_EQ(it->second, p.category) << p.position_title;
      ASSERT_TRUE(p.start_date.has_value());
      EXPECT_TRUE(p.start_date->ok());
      EXPECT_LE(*p.start_date, s.date);
      EXPECT_GE(year_of(*p.start_date), p.birth_year + 16);
      EXPECT_NE(p.education, EducationLevel::unknown);
      EXPECT_EQ(p.education == EducationLevel::unskilled && p.relevant_education, false);
      EXPECT_GE(p.further_education_credits, 0);
      if (p.category == "assistent") {
        EXPECT_EQ(p.education, EducationLevel::unskilled);
      }
      for (const Certification& c : p.certifications) {
        EXPECT_FALSE(c.name.empty());
        ASSERT_TRUE(c.expires.has_value());
        EXPECT_TRUE(c.expires->ok());
      }
    }
  }
}

TEST(DemoGenerator, SomeCertificationsHaveExpired) {
  int held = 0;
  int expired = 0;
  for (const PositionRecord& p : current_positions(full_demo(), "nord-troms")) {
    for (const Certification& c : p.certifications) {
      ++held;
      expired += *c.expires < kCurrentSnapshotDate;
    }
  }
  EXPECT_GT(held, 300);
  EXPECT_GT(expired, held / 20);
  EXPECT_LT(expired, held / 4);
}

TEST(DemoGenerator, ProfilesAgreeWithTheCategoryTable) {
  const CategoryTable categories = load_categories();
  for (const CategoryProfile& profile : category_profiles()) {
    const PositionCategory* category = categories.find(profile.key);
    ASSERT_NE(category, nullptr) << profile.key;
    EXPECT_EQ(profile.retirement_age, category->retirement_age) << profile.key;
  }
}

TEST(DemoGenerator, TurnoverBetweenSnapshotsIsPlausible) {
  const DemoDataset& demo = full_demo();
  std::int64_t before = 0;
  std::int64_t leavers = 0;
  std::int64_t joiners = 0;
  long long joiner_age_sum = 0;
  long long stayer_age_sum = 0;
  std::int64_t stayers = 0;
  for (std::size_t i = 0; i + 1 < demo.snapshots.size(); i += 2) {
    const Snapshot& previous = demo.snapshots[i];
    const Snapshot& current = demo.snapshots[i + 1];
    const TurnoverIndicators t = compute_turnover(previous.positions, current.positions);
    SCOPED_TRACE(current.municipality.digits);
    ASSERT_TRUE(t.turnover.value());
    EXPECT_GE(*t.turnover.value(), 0.06);
    EXPECT_LE(*t.turnover.value(), 0.15);
    EXPECT_GE(t.joiners, t.leavers * 8 / 10);
    EXPECT_LE(t.joiners, t.leavers * 14 / 10 + 2);
    before += t.persons_before;
    leavers += t.leavers;
    joiners += t.joiners;

    std::map<std::string, const PositionRecord*> earlier;
    for (const PositionRecord& p : previous.positions) earlier[p.employee_id] = &p;
    for (const PositionRecord& p : current.positions) {
      const auto found = earlier.find(p.employee_id);
      const int age = 2025 - p.birth_year;
      if (found == earlier.end()) {
        joiner_age_sum += age;
        EXPECT_EQ(year_of(*p.start_date), 2025) << "a joiner started during the year";
      } else {
        stayer_age_sum += age;
        ++stayers;
        // The same person a year earlier: same birth year, started before.
        EXPECT_EQ(found->second->birth_year, p.birth_year);
        EXPECT_EQ(found->second->category, p.category);
        EXPECT_LE(year_of(*p.start_date), 2024);
      }
    }
  }
  const double rate = static_cast<double>(leavers) / static_cast<double>(before);
  EXPECT_GE(rate, 0.08);
  EXPECT_LE(rate, 0.12);
  const double joiner_age = static_cast<double>(joiner_age_sum) / static_cast<double>(joiners);
  const double stayer_age = static_cast<double>(stayer_age_sum) / static_cast<double>(stayers);
  EXPECT_LT(joiner_age + 5, stayer_age) << "joiners are younger on average";
  std::printf("  turnover %.1f %% (%lld leavers of %lld), joiners %lld; mean age joiners %.1f, "
              "stayers %.1f\n",
              100 * rate, static_cast<long long>(leavers), static_cast<long long>(before),
              static_cast<long long>(joiners), joiner_age, stayer_age);
}

TEST(DemoGenerator, SomeStayersMovedBetweenUnits) {
  const DemoDataset& demo = full_demo();
  int moved = 0;
  int stayed = 0;
  for (std::size_t i = 0; i + 1 < demo.snapshots.size(); i += 2) {
    std::map<std::string, std::string> unit_before;
    for (const PositionRecord& p : demo.snapshots[i].positions) unit_before[p.employee_id] = p.unit_code;
    for (const PositionRecord& p : demo.snapshots[i + 1].positions) {
      const auto found = unit_before.find(p.employee_id);
      if (found == unit_before.end()) continue;
      ++stayed;
      moved += found->second != p.unit_code;
    }
  }
  EXPECT_GT(moved, stayed / 100);
  EXPECT_LT(moved, stayed / 20);
}

}  // namespace
}  // namespace kompetent::demo
