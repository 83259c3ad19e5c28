// Runs every folder of tests/cases/import and tests/cases/indicators through
// the real import (reader → validation → SQLite in a temporary file) and the
// real indicator engine, and compares with the hand-computed expected files.
// The format of a case is in tests/cases/README.md.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "case_files.h"
#include "core/clock.h"
#include "core/indicators/breakdown.h"
#include "io/import/importer.h"
#include "io/reference/reference_files.h"
#include "store/sqlite/sqlite_database.h"

namespace kompetent::cases {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultOrg =
    "Sektorkode;Sektor;Enhetskode;Enhet\n"
    "HO;Helse og omsorg;FSH;Fauske sykehjem\n"
    "HO;Helse og omsorg;HJT;Hjemmetjenesten\n"
    "OK;Oppvekst og kultur;VSK;Vestmyra skole\n";
constexpr const char* kDefaultLocalCodes =
    "stillingskode;kategori;benevnelse\n"
    "T001;helsefagarbeider;Helsefagarbeider\n"
    "T002;sykepleier;Sykepleier\n"
    "T003;assistent;Assistent\n"
    "T004;spesialsykepleier;Spesialsykepleier\n";

struct CaseSettings {
  std::string municipality = "1841";
  Date date = make_date(2025, 12, 31);
  std::string profile = "standard";
  std::optional<std::string> before;
  Date before_date = make_date(2024, 12, 31);
};

CaseSettings read_settings(const fs::path& dir) {
  CaseSettings settings;
  if (!fs::exists(dir / "case.json")) return settings;
  auto doc = nlohmann::json::parse(read_text(dir / "case.json"));
  if (doc.contains("municipality")) settings.municipality = doc["municipality"];
  if (doc.contains("date")) settings.date = *parse_norwegian_date(doc["date"].get<std::string>());
  if (doc.contains("profile")) settings.profile = doc["profile"];
  if (doc.contains("before")) settings.before = doc["before"];
  if (doc.contains("before_date")) settings.before_date = *parse_norwegian_date(doc["before_date"].get<std::string>());
  return settings;
}

// A fresh database in a temporary folder, with the shipped reference data,
// the case's units and its local codes.
class CaseDatabase {
 public:
  CaseDatabase(const fs::path& case_dir, const CaseSettings& settings)
      : clock_(std::chrono::sys_days{make_date(2026, 1, 15)}),
        dir_(fs::temp_directory_path() / ("kompetent-case-" + std::to_string(::getpid()) + "-" +
                                          case_dir.filename().string())) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto opened = store::sqlite::SqliteDatabase::open(dir_ / "case.db", clock_);
    EXPECT_TRUE(opened.ok());
    database_ = std::move(opened).value();

    auto categories = io::load_categories(kDataDir / "position_categories.csv");
    EXPECT_TRUE(categories.ok());
    for (const auto& c : categories.value.all()) EXPECT_TRUE(database_->reference().upsert_category(c).ok());
    categories_ = categories.value;
    add_codes(kDataDir / "position_codes.csv");
    fs::path local_codes = case_dir / "codes.csv";
    if (!fs::exists(local_codes)) {
      local_codes = dir_ / "codes.csv";
      std::ofstream(local_codes) << kDefaultLocalCodes;
    }
    add_codes(local_codes);

    fs::path org_file = case_dir / "org.csv";
    if (!fs::exists(org_file)) {
      org_file = dir_ / "org.csv";
      std::ofstream(org_file) << kDefaultOrg;
    }
    auto org = io::load_org_units(org_file);
    EXPECT_TRUE(org.ok()) << "org.csv of " << case_dir;
    auto tree = OrgTree::create(MunicipalityNumber{settings.municipality}, org.value.sectors, org.value.units);
    EXPECT_TRUE(tree.ok());
    EXPECT_TRUE(database_->org().save_org(tree.value()).ok());
    tree_ = tree.value();

    auto standard = io::parse_import_profile(read_text(kDataDir / "profiles" / "standard.json"), nullptr, {});
    EXPECT_TRUE(standard.ok());
    profile_ = standard.value();
  }
  ~CaseDatabase() {
    database_.reset();
    fs::remove_all(dir_);
  }

  // Imports `file` as the snapshot on `date`, committing only if accepted.
  io::ImportReport import(const fs::path& file, const CaseSettings& settings, Date date) {
    auto codes = database_->reference().position_codes();
    EXPECT_TRUE(codes.ok());
    auto writer = database_->snapshots().begin_snapshot(MunicipalityNumber{settings.municipality}, date,
                                                        false, file.filename().string());
    EXPECT_TRUE(writer.ok());
    const io::ImportContext context{tree_, codes.value(), categories_, profile_, date};
    store::SnapshotWriter& sink = *writer.value();
    auto imported = io::import_file(file, context, [&](PositionRecord&& r) { return sink.add(r); });
    EXPECT_TRUE(imported.ok()) << file;
    if (!imported.ok()) return {};
    io::ImportReport report = std::move(imported).value();
    if (report.accepted()) {
      EXPECT_TRUE(writer.value()->commit().ok());
    }
    return report;
  }

  store::Database& database() { return *database_; }
  const OrgTree& tree() const { return tree_; }
  const CategoryTable& categories() const { return categories_; }

 private:
  void add_codes(const fs::path& file) {
    auto codes = io::load_position_codes(file, categories_);
    EXPECT_TRUE(codes.ok()) << file;
    for (const auto& code : codes.value) EXPECT_TRUE(database_->reference().upsert_position_code(code).ok());
  }

  FixedClock clock_;
  fs::path dir_;
  std::unique_ptr<store::Database> database_;
  CategoryTable categories_;
  OrgTree tree_;
  io::ImportProfile profile_;
};

std::vector<fs::path> case_dirs(const std::string& kind) {
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(kCasesDir / kind)) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

// ---- Comparing indicator values as tests/cases/README.md writes them ----

std::string share_text(const Share& s) { return std::to_string(s.count) + "/" + std::to_string(s.total); }

std::optional<double> parse_comma_decimal(std::string text) {
  for (char& c : text) {
    if (c == ',') c = '.';
  }
  try {
    std::size_t used = 0;
    double value = std::stod(text, &used);
    if (used != text.size()) return std::nullopt;
    return value;
  } catch (...) {
    return std::nullopt;
  }
}

// The value of `indicator` as text for exact comparison, or a number for ±0,005.
struct Actual {
  std::optional<std::string> exact;
  std::optional<double> number;
  bool none = false;
  bool known = true;
};

Actual indicator_value(const WorkforceIndicators& w, const TurnoverIndicators* t, const std::string& name,
                       int snapshot_year) {
  auto count = [](std::int64_t v) { return Actual{std::to_string(v), std::nullopt, false, true}; };
  auto share = [](const Share& s) { return Actual{share_text(s), std::nullopt, false, true}; };
  auto number = [](std::optional<double> v) { return v ? Actual{std::nullopt, *v, false, true} : Actual{std::nullopt, std::nullopt, true, true}; };
  if (name == "positions") return count(w.positions);
  if (name == "persons") return count(w.persons);
  if (name == "fte") return number(w.fte());
  if (name == "average_age") return number(w.average_age);
  if (name == "average_position_percent") return number(w.average_position_percent);
  if (name == "under_25") return share(w.under_25);
  if (name == "aged_50_plus") return share(w.aged_50_plus);
  if (name == "aged_60_plus") return share(w.aged_60_plus);
  if (name == "part_time") return share(w.part_time);
  if (name == "small_positions") return share(w.small_positions);
  if (name == "unskilled") return share(w.unskilled);
  if (name == "relevant_education") return share(w.relevant_education);
  if (name == "further_education") return share(w.further_education);
  if (name == "aged_50_plus_among_further_educated") return share(w.aged_50_plus_among_further_educated);
  if (name == "female") return share(w.female);
  if (name == "male") return share(w.male);
  if (name == "other_or_unknown_gender") return share(w.other_or_unknown_gender);
  if (name.rfind("age_band:", 0) == 0) {
    const std::string label = name.substr(9);
    for (int band = 0; band < kAgeBandCount; ++band) {
      if (age_band_label(band) == label) return count(w.age_bands[band]);
    }
    return Actual{std::nullopt, std::nullopt, false, false};
  }
  for (const char* prefix : {"retirements:", "retirement_fte:"}) {
    if (name.rfind(prefix, 0) != 0) continue;
    const int year = std::stoi(name.substr(std::string(prefix).size()));
    const int index = year - snapshot_year - 1;
    if (index < 0 || index >= kRetirementYears) return Actual{std::nullopt, std::nullopt, false, false};
    if (prefix[10] == 's') return count(w.retirements_by_year[index]);
    return number(w.retirement_fte_hundredths_by_year[index] / 10000.0);
  }
  if (t) {
    if (name == "joiners") return count(t->joiners);
    if (name == "leavers") return count(t->leavers);
    if (name == "turnover") return share(t->turnover);
    if (name == "persons_before") return count(t->persons_before);
    if (name == "persons_after") return count(t->persons_after);
  }
  return Actual{std::nullopt, std::nullopt, false, false};
}

// "sector=HO,category=sykepleier" → the dimensions to group by and the key wanted.
std::pair<std::vector<Dimension>, GroupKey> parse_group(const std::string& group, const std::string& municipality) {
  std::vector<Dimension> by;
  GroupKey key;
  if (group == "total") return {by, key};
  std::size_t start = 0;
  while (start <= group.size()) {
    std::size_t comma = group.find(',', start);
    std::string part = group.substr(start, comma == std::string::npos ? comma : comma - start);
    const std::size_t eq = part.find('=');
    const std::string name = part.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : part.substr(eq + 1);
    if (name == "sector") { by.push_back(Dimension::sector); key.sector = value; }
    else if (name == "unit") { by.push_back(Dimension::unit); key.unit = value; }
    else if (name == "category") { by.push_back(Dimension::category); key.category = value; }
    else ADD_FAILURE() << "unknown group part " << part;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (!key.sector.empty() || !key.unit.empty()) key.municipality = municipality;
  return {by, key};
}

// The same group as a filter: a node path and a category list.
BreakdownFilter filter_for(const GroupKey& key, const OrgTree& tree) {
  BreakdownFilter filter;
  if (!key.sector.empty() || !key.unit.empty()) {
    NodePath node{tree.municipality(), std::nullopt, std::nullopt};
    std::string sector = key.sector;
    if (!key.unit.empty() && sector.empty()) {
      if (auto i = tree.find_unit(key.unit)) sector = tree.units()[*i].sector_code;
    }
    node.sector_code = sector;
    if (!key.unit.empty()) node.unit_code = key.unit;
    filter.node = node;
  }
  if (!key.category.empty()) filter.categories.push_back(key.category);
  return filter;
}

// ---- Import cases ----

class ImportCase : public testing::TestWithParam<fs::path> {};

TEST_P(ImportCase, MatchesExpected) {
  const fs::path dir = GetParam();
  const CaseSettings settings = read_settings(dir);
  auto input = find_input(dir);
  ASSERT_TRUE(input) << "no input.* in " << dir;
  CaseDatabase db(dir, settings);
  const io::ImportReport report = db.import(*input, settings, settings.date);

  if (fs::exists(dir / "expected-errors.csv")) {
    const auto expected = read_expected_rows(dir / "expected-errors.csv");
    std::ostringstream want, got;
    for (const auto& row : expected) {
      for (std::size_t i = 0; i < 4; ++i) want << (i ? ";" : "") << (i < row.size() ? row[i] : "");
      want << '\n';
    }
    for (const auto& e : report.errors) got << e.row << ';' << e.column << ';' << e.code << ';' << e.value << '\n';
    EXPECT_EQ(want.str(), got.str()) << "problems of " << dir.filename();
    EXPECT_FALSE(report.accepted());
    auto stored = db.database().snapshots().list_snapshots(std::nullopt);
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored.value().empty()) << "a refused import stored a snapshot";
    return;
  }
  ASSERT_TRUE(fs::exists(dir / "expected.csv")) << "no expected file in " << dir;
  ASSERT_TRUE(report.accepted()) << "refused: " << report.error_count << " problems, first "
                                 << (report.errors.empty() ? std::string("-")
                                                           : report.errors[0].code + " row " +
                                                                 std::to_string(report.errors[0].row) + " " +
                                                                 report.errors[0].column + "=" + report.errors[0].value);
}

INSTANTIATE_TEST_SUITE_P(Cases, ImportCase, testing::ValuesIn(case_dirs("import")), case_name);

// ---- Indicator checks, for every case with an expected.csv ----

class IndicatorCase : public testing::TestWithParam<fs::path> {};

TEST_P(IndicatorCase, MatchesExpected) {
  const fs::path dir = GetParam();
  if (!fs::exists(dir / "expected.csv")) GTEST_SKIP() << "refusal case";
  const CaseSettings settings = read_settings(dir);
  CaseDatabase db(dir, settings);
  const MunicipalityNumber municipality{settings.municipality};

  auto input = find_input(dir);
  ASSERT_TRUE(input);
  ASSERT_TRUE(db.import(*input, settings, settings.date).accepted());
  // Read back through the store: the figures come from what was persisted.
  auto after = db.database().snapshots().load_snapshot(municipality, settings.date);
  ASSERT_TRUE(after.ok());
  std::optional<Snapshot> before;
  if (settings.before) {
    ASSERT_TRUE(db.import(dir / *settings.before, settings, settings.before_date).accepted()) << "before file";
    auto loaded = db.database().snapshots().load_snapshot(municipality, settings.before_date);
    ASSERT_TRUE(loaded.ok());
    before = loaded.value();
  }
  const std::vector<MunicipalityWorkforce> after_members{{&after.value(), &db.tree()}};
  std::vector<MunicipalityWorkforce> before_members;
  if (before) before_members.push_back({&*before, &db.tree()});

  for (const auto& row : read_expected_rows(dir / "expected.csv")) {
    ASSERT_EQ(row.size(), 3u) << "bad expected.csv line in " << dir;
    const auto& [group, name, expected] = std::tie(row[0], row[1], row[2]);
    auto [by, key] = parse_group(group, settings.municipality);

    // Grouped: find the row with the key; a group nobody is in has no row.
    const auto grouped = breakdown(after_members, by, {}, db.categories());
    WorkforceIndicators values{};
    bool found = false;
    for (const IndicatorRow& r : grouped) {
      if (r.key == key) {
        values = r.indicators;
        found = true;
        break;
      }
    }
    // Filtered: the same group as a node and category filter must agree.
    const BreakdownFilter filter = filter_for(key, db.tree());
    const auto filtered = breakdown(after_members, std::span<const Dimension>{}, filter, db.categories());
    ASSERT_FALSE(filtered.empty());
    if (found) {
      EXPECT_EQ(values, filtered[0].indicators) << group << ": grouped and filtered disagree";
    } else {
      values = filtered[0].indicators;
    }
    std::optional<TurnoverIndicators> turnover;
    if (before) {
      const auto rows = turnover_breakdown(before_members, after_members, by, {}, db.categories());
      for (const TurnoverRow& r : rows) {
        if (r.key == key) turnover = r.turnover;
      }
      if (!turnover) {
        const auto t = turnover_breakdown(before_members, after_members, std::span<const Dimension>{}, filter,
                                          db.categories());
        if (!t.empty()) turnover = t[0].turnover;
      }
    }
    const Actual actual = indicator_value(values, turnover ? &*turnover : nullptr, name, year_of(settings.date));
    ASSERT_TRUE(actual.known) << "unknown indicator " << name << " in " << dir.filename();
    const std::string where = dir.filename().string() + ": " + group + " " + name;
    if (expected == "none") {
      EXPECT_TRUE(actual.none) << where;
    } else if (actual.exact) {
      EXPECT_EQ(*actual.exact, expected) << where;
    } else {
      auto want = parse_comma_decimal(expected);
      ASSERT_TRUE(want) << where << ": expected value " << expected;
      ASSERT_FALSE(actual.none) << where << ": no value, expected " << expected;
      EXPECT_NEAR(*actual.number, *want, 0.005) << where;
    }
  }
}

std::vector<fs::path> all_success_dirs() {
  std::vector<fs::path> dirs = case_dirs("indicators");
  for (const fs::path& d : case_dirs("import")) {
    if (fs::exists(d / "expected.csv")) dirs.push_back(d);
  }
  return dirs;
}

INSTANTIATE_TEST_SUITE_P(Cases, IndicatorCase, testing::ValuesIn(all_success_dirs()), case_name);

}  // namespace
}  // namespace kompetent::cases
