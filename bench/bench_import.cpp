// bench_import: how fast an HR export is read and validated, without storage.
// The real pipeline of `kompetent import` (io::open_table + io::run_import)
// into a sink that drops each record, so the time is parsing + validation
// only; bench/run.sh times the whole command (with SQLite) beside it.
//
//   bench_import --units enheter-0301.csv --codes lokale-koder.csv [--data-dir data]
//                [google benchmark flags] FILE...
//
// One benchmark per FILE: "parse_validate/<file name>". Also "parse_only/<file
// name>", the reader alone (rows and cells, no validation), which shows how the
// time splits between the two.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "io/import/import_profile.h"
#include "io/import/importer.h"
#include "io/reference/reference_files.h"
#include "io/table/open_table.h"

namespace {

using namespace kompetent;

// What run_import checks rows against, loaded from the files the CLI reads.
struct Reference {
  OrgTree org;
  PositionCodeTable codes;
  CategoryTable categories;
  io::ImportProfile profile;
};

bool load_reference(const std::filesystem::path& data_dir, const std::filesystem::path& units_file,
                    const std::filesystem::path& codes_file, Reference& reference) {
  auto categories = io::load_categories(data_dir / "position_categories.csv");
  if (!categories.ok()) return false;
  reference.categories = categories.value;
  auto shipped = io::load_position_codes(data_dir / "position_codes.csv", reference.categories);
  if (!shipped.ok()) return false;
  std::vector<PositionCode> codes = shipped.value;
  if (!codes_file.empty()) {
    auto local = io::load_position_codes(codes_file, reference.categories);
    if (!local.ok()) return false;
    codes.insert(codes.end(), local.value.begin(), local.value.end());
  }
  reference.codes = PositionCodeTable(std::move(codes));

  auto units = io::load_org_units(units_file);
  if (!units.ok()) return false;
  const std::string name = units_file.stem().string();  // enheter-0301
  auto tree = OrgTree::create(MunicipalityNumber{name.substr(name.size() - 4)},
                              units.value.sectors, units.value.units);
  if (!tree.ok()) return false;
  reference.org = tree.value();

  std::ifstream in(data_dir / "profiles" / "standard.json");
  std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto profile = io::parse_import_profile(json, nullptr, {});
  if (!profile.ok()) return false;
  reference.profile = profile.value();
  return true;
}

void parse_validate(benchmark::State& state, const std::filesystem::path& file,
                    const Reference& reference) {
  const io::ImportContext context{reference.org, reference.codes, reference.categories,
                                  reference.profile, make_date(2025, 12, 31)};
  std::int64_t records = 0;
  for (auto _ : state) {
    auto table = io::open_table(file);
    if (!table.ok()) {
      state.SkipWithError("cannot open the file");
      return;
    }
    records = 0;
    const io::ImportReport report = io::run_import(
        *table.value().rows, context, [&records](PositionRecord&& record) {
          benchmark::DoNotOptimize(record);
          ++records;
          return ok_status();
        });
    if (!report.accepted()) {
      state.SkipWithError(("refused: " + std::to_string(report.error_count) + " problems, first " +
                           (report.errors.empty() ? std::string() : report.errors.front().code))
                              .c_str());
      return;
    }
  }
  state.counters["rows"] = static_cast<double>(records);
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsIterationInvariantRate);
}

void parse_only(benchmark::State& state, const std::filesystem::path& file) {
  std::int64_t cells = 0;
  for (auto _ : state) {
    auto table = io::open_table(file);
    if (!table.ok()) {
      state.SkipWithError("cannot open the file");
      return;
    }
    io::TableRow row;
    cells = 0;
    while (table.value().rows->next(row)) cells += static_cast<std::int64_t>(row.cells.size());
    if (table.value().rows->failure()) {
      state.SkipWithError(table.value().rows->failure()->code.c_str());
      return;
    }
  }
  state.counters["cells"] = static_cast<double>(cells);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::filesystem::path data_dir = KOMPETENT_DATA_DIR;
  std::filesystem::path units_file;
  std::filesystem::path codes_file;
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--units" || arg == "--codes" || arg == "--data-dir") && i + 1 < argc) {
      (arg == "--units" ? units_file : arg == "--codes" ? codes_file : data_dir) = argv[++i];
    } else {
      files.emplace_back(arg);
    }
  }
  Reference reference;
  if (units_file.empty() || files.empty() ||
      !load_reference(data_dir, units_file, codes_file, reference)) {
    std::cerr << "usage: bench_import --units enheter-NNNN.csv [--codes lokale-koder.csv] "
                 "[--data-dir data] FILE...\n";
    return 2;
  }
  for (const std::filesystem::path& file : files) {
    benchmark::RegisterBenchmark(("parse_validate/" + file.filename().string()).c_str(),
                                 [&reference, file](benchmark::State& state) {
                                   parse_validate(state, file, reference);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark(("parse_only/" + file.filename().string()).c_str(),
                                 [file](benchmark::State& state) { parse_only(state, file); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
