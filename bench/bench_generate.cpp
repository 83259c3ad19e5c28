// bench_generate: the benchmark data of bench/run.sh, deterministic from a seed.
//
//   bench_generate --out bench/out [--seed 20251231] [--rows 500000] [--data-dir data]
//
// Writes two data sets, each of exactly --rows position records:
//  - large/: one export of --rows positions for 0301 Oslo, as CSV and as XLSX,
//    with its units (enheter-0301.csv). The CLI imports one municipality per
//    file, so this is the throughput measurement of one import. 500 000
//    positions in one municipality is more than Oslo has (about 730 000
//    inhabitants, some 60 000 municipal positions): unrealistic as a
//    municipality, fine as a stress test of the import.
//  - national/: one export and one units file per municipality of
//    data/reference/kommuner_2024_med_folkemengde.csv (357), sized by
//    population so the sizes add up to --rows exactly, for the "every node of
//    every municipality" measurement (bench_indicators) over one database.
// And lokale-koder.csv: local position codes for the demo categories that have
// no shipped KS code, imported with `kompetent codes import` so every row maps.
//
// People are drawn with the demo generator's staffing plans and category
// profiles (src/core/demo), all sectors, as in Salten.
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/demo/apportion.h"
#include "core/demo/category_profiles.h"
#include "core/demo/demo_data.h"
#include "core/demo/demo_rng.h"
#include "core/demo/org_templates.h"
#include "core/demo/person_draw.h"
#include "io/export/hr_export_writer.h"
#include "io/reference/reference_files.h"

namespace {

using namespace kompetent;
using namespace kompetent::demo;

constexpr Date kSnapshotDate = kCurrentSnapshotDate;

// Shares of the positions per sector, per mille, as the demo's Salten.
constexpr std::array<std::pair<std::string_view, int>, 4> kSectorShares{{
    {kOppvekst, 350}, {kHelseOmsorg, 400}, {kTeknisk, 130}, {kAdministrasjon, 120}}};

//                            18  20  25  30  35  40  45 | 50  55  60  65
constexpr AgeProfile kAges{{2, 8, 12, 14, 15, 16, 17, 32, 30, 28, 10}};

// Each demo category's position code: shipped KS codes (data/position_codes.csv)
// where a category has one, else a local code from lokale-koder.csv.
struct CategoryCode {
  std::string_view category;
  std::string_view code;
  std::string_view alternative;  // drawn for one in three, when not empty
  std::string_view title;        // for lokale-koder.csv
};
constexpr CategoryCode kCategoryCodes[] = {
    {"leder", "9454", "9451", ""},
    {"laerer", "7962", "7963", ""},
    {"assistent", "6014", "", ""},
    {"terapeut", "6671", "", ""},
    {"annen", "7352", "", ""},
    {"helsefagarbeider", "L-HFA", "", "Helsefagarbeider"},
    {"sykepleier", "L-SPL", "", "Sykepleier"},
    {"spesialsykepleier", "L-SSPL", "", "Spesialsykepleier"},
    {"vernepleier", "L-VPL", "", "Vernepleier"},
    {"barnehagelaerer", "L-BHL", "", "Barnehagelærer"},
    {"fagarbeider", "L-FAG", "", "Fagarbeider"},
    {"barne_ungdomsarbeider", "L-BUA", "", "Barne- og ungdomsarbeider"},
    {"lege", "L-LEGE", "", "Lege"},
    {"ingenior", "L-ING", "", "Ingeniør"},
    {"saksbehandler", "L-RAD", "", "Rådgiver"},
    {"kontormedarbeider", "L-KONT", "", "Konsulent"},
};

// Share of persons who hold a second position (a second arbeidsforhold).
constexpr int kSecondPositionPerMille = 40;

std::string position_code_for(std::string_view category, DemoRng& rng) {
  for (const CategoryCode& c : kCategoryCodes) {
    if (c.category != category) continue;
    if (!c.alternative.empty() && rng.below(3) == 0) return std::string(c.alternative);
    return std::string(c.code);
  }
  return "7352";  // annen
}

// The tree and `count` positions of one municipality.
struct Generated {
  OrgTree tree;
  std::vector<PositionRecord> positions;
};

Generated generate_municipality(const Municipality& municipality, int count, std::uint64_t seed) {
  DemoRng rng(stream_seed(seed, "bench/" + municipality.number.digits));
  std::array<int, kSectorShares.size()> weights{};
  for (std::size_t i = 0; i < weights.size(); ++i) weights[i] = kSectorShares[i].second;
  const std::vector<int> per_sector = apportion(count, weights);
  std::vector<SectorStaff> sectors;
  for (std::size_t i = 0; i < per_sector.size(); ++i) {
    sectors.push_back({kSectorShares[i].first, per_sector[i]});
  }
  const DemoMunicipality demo_municipality{municipality.number, municipality.name,
                                          municipality.population, "bench"};
  MunicipalityPlan plan = plan_municipality(demo_municipality, sectors, rng);

  Generated out{std::move(plan.tree), {}};
  out.positions.reserve(plan.slots.size());
  int person = 0;
  for (const StaffSlot& slot : plan.slots) {
    const CategoryProfile& profile = category_profile(slot.category);
    const PersonFlags flags = draw_flags_by_chance(rng, profile);
    const int age = draw_age_for(rng, kAges, profile, flags.aged_50_plus);
    PositionRecord record =
        draw_person(rng, slot, flags, age, kSnapshotDate, year_of(kSnapshotDate) - 1);
    record.position_code = position_code_for(slot.category, rng);
    PositionRecord* previous = out.positions.empty() ? nullptr : &out.positions.back();
    if (previous && previous->position_number.empty() && rng.chance(kSecondPositionPerMille)) {
      // The same person in a second position: same id, age, gender and education.
      previous->position_number = "1";
      record.employee_id = previous->employee_id;
      record.position_number = "2";
      record.birth_year = previous->birth_year;
      record.gender = previous->gender;
      record.education = previous->education;
    } else {
      char id[32];
      std::snprintf(id, sizeof id, "%s-%07d", municipality.number.digits.c_str(), ++person);
      record.employee_id = id;
    }
    out.positions.push_back(std::move(record));
  }
  return out;
}

// --- XLSX -------------------------------------------------------------------

// The same columns as write_hr_export_csv, as an Excel export writes them:
// numbers as numbers, dates as date cells. constant_memory mode streams rows
// to disk, so 500 000 rows need no more memory than one row.
bool write_hr_export_xlsx(const std::filesystem::path& path,
                          const std::vector<PositionRecord>& positions) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (!workbook) return false;
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Ansatte");
  lxw_format* date_format = workbook_add_format(workbook);
  format_set_num_format(date_format, "dd.mm.yyyy");
  const std::vector<std::string>& headers = io::hr_export_headers();
  for (lxw_col_t c = 0; c < headers.size(); ++c) {
    worksheet_write_string(sheet, 0, c, headers[c].c_str(), nullptr);
  }

  auto text = [&](lxw_row_t r, lxw_col_t c, std::string_view value) {
    if (!value.empty()) worksheet_write_string(sheet, r, c, std::string(value).c_str(), nullptr);
  };
  lxw_row_t r = 1;
  for (const PositionRecord& p : positions) {
    text(r, 0, p.employee_id);
    text(r, 1, p.position_number);
    text(r, 2, p.unit_code);
    text(r, 3, p.position_code);
    text(r, 4, p.position_title);
    worksheet_write_number(sheet, r, 5, p.percent.hundredths / 100.0, nullptr);
    worksheet_write_number(sheet, r, 6, p.birth_year, nullptr);
    text(r, 7, io::export_text(p.gender));
    if (p.start_date) {
      lxw_datetime when{static_cast<int>(p.start_date->year()),
                        static_cast<int>(static_cast<unsigned>(p.start_date->month())),
                        static_cast<int>(static_cast<unsigned>(p.start_date->day())), 0, 0, 0};
      worksheet_write_datetime(sheet, r, 8, &when, date_format);
    }
    text(r, 9, p.employment == EmploymentType::permanent ? "Fast" : "Midlertidig");
    text(r, 10, io::export_text(p.education));
    text(r, 11, p.relevant_education ? "Ja" : "Nei");
    worksheet_write_number(sheet, r, 12, p.further_education_credits, nullptr);
    std::string certifications;
    for (const Certification& c : p.certifications) {
      if (!certifications.empty()) certifications += " | ";
      certifications += c.name;
      if (c.expires) certifications += " (" + to_norwegian(*c.expires) + ")";
    }
    text(r, 13, certifications);
    ++r;
  }
  return workbook_close(workbook) == LXW_NO_ERROR;
}

// --- files ------------------------------------------------------------------

bool write_local_codes(const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  out << "stillingskode;kategori;benevnelse\n";
  for (const CategoryCode& c : kCategoryCodes) {
    if (!c.title.empty()) out << c.code << ';' << c.category << ';' << c.title << '\n';
  }
  return static_cast<bool>(out);
}

bool check(const Status& status, const std::filesystem::path& path) {
  if (status.ok()) return true;
  std::cerr << "bench_generate: " << path.string() << ": " << status.error().code << '\n';
  return false;
}

struct Options {
  std::filesystem::path out = "bench/out";
  std::filesystem::path data_dir = KOMPETENT_DATA_DIR;
  std::uint64_t seed = kDefaultDemoSeed;
  int rows = 500000;
  bool xlsx = true;
};

bool parse_options(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
    if (arg == "--no-xlsx") {
      options.xlsx = false;
      continue;
    }
    if (!value) return false;
    ++i;
    if (arg == "--out") {
      options.out = value;
    } else if (arg == "--data-dir") {
      options.data_dir = value;
    } else if (arg == "--seed") {
      options.seed = std::strtoull(value, nullptr, 10);
    } else if (arg == "--rows") {
      options.rows = std::atoi(value);
    } else {
      return false;
    }
  }
  return options.rows > 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse_options(argc, argv, options)) {
    std::cerr << "usage: bench_generate [--out DIR] [--seed N] [--rows N] [--data-dir DIR] [--no-xlsx]\n";
    return 2;
  }
  auto municipalities =
      io::load_municipalities(options.data_dir / "reference" / "kommuner_2024_med_folkemengde.csv");
  if (!municipalities.ok() || municipalities.value.empty()) {
    std::cerr << "bench_generate: cannot read the municipalities in " << options.data_dir << '\n';
    return 5;
  }
  const std::vector<Municipality>& all = municipalities.value;
  std::filesystem::create_directories(options.out / "large");
  std::filesystem::create_directories(options.out / "national");
  if (!write_local_codes(options.out / "lokale-koder.csv")) return 5;

  // One large export of 0301 Oslo.
  const auto oslo = std::find_if(all.begin(), all.end(),
                                 [](const Municipality& m) { return m.number.digits == "0301"; });
  if (oslo == all.end()) return 5;
  {
    const Generated large = generate_municipality(*oslo, options.rows, options.seed);
    const auto dir = options.out / "large";
    if (!check(io::write_org_csv(dir / "enheter-0301.csv", large.tree), dir)) return 5;
    if (!check(io::write_hr_export_csv(dir / "ansatte-0301.csv", large.positions), dir)) return 5;
    if (options.xlsx && !write_hr_export_xlsx(dir / "ansatte-0301.xlsx", large.positions)) {
      std::cerr << "bench_generate: cannot write " << (dir / "ansatte-0301.xlsx") << '\n';
      return 5;
    }
    std::cout << "large: 0301, " << large.positions.size() << " positions, "
              << large.tree.units().size() << " units\n";
  }

  // Every municipality, sized by population, adding up to exactly --rows.
  std::vector<int> populations;
  for (const Municipality& m : all) populations.push_back(std::max(m.population, 1));
  const std::vector<int> sizes = apportion(options.rows, populations);
  std::ofstream list(options.out / "national" / "kommuner.txt");
  std::size_t total = 0;
  std::size_t units = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Generated generated = generate_municipality(all[i], std::max(sizes[i], 1), options.seed);
    const auto dir = options.out / "national";
    const std::string number = all[i].number.digits;
    if (!check(io::write_org_csv(dir / ("enheter-" + number + ".csv"), generated.tree), dir)) return 5;
    if (!check(io::write_hr_export_csv(dir / ("ansatte-" + number + ".csv"), generated.positions), dir)) {
      return 5;
    }
    list << number << ' ' << generated.positions.size() << '\n';
    total += generated.positions.size();
    units += generated.tree.units().size();
  }
  std::cout << "national: " << all.size() << " municipalities, " << total << " positions, " << units
            << " units\n";
  return 0;
}
