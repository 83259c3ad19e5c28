// bench_indicators: all indicators for every node of every municipality.
//
//   bench_indicators --db national.db [--large-db large.db] [google benchmark flags]
//
// Loads the newest snapshot of every municipality in each database, with its
// organisation tree, once. Then measures, per database:
//  - load:  reading every snapshot and tree from SQLite (what a server does once)
//  - cold:  WorkforceView::build + every breakdown below (a first request)
//  - warm:  every breakdown below on a built view (what a cached view answers)
//  - build: WorkforceView::build alone
//  - reference: compute_indicators over the records of every tree node, the
//    straightforward way (group the records, then compute), for comparison
// "Every breakdown" is node_breakdown (the total, each municipality, sector and
// unit) plus breakdown by municipality×category, sector×category and
// unit×category: every node, and every node × category.
#include <benchmark/benchmark.h>

#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/indicators/breakdown.h"
#include "core/indicators/workforce_indicators.h"
#include "core/indicators/workforce_view.h"
#include "store/sqlite/sqlite_database.h"

namespace {

using namespace kompetent;

struct Loaded {
  std::vector<Snapshot> snapshots;
  std::vector<OrgTree> trees;  // one per snapshot
  CategoryTable categories;
  std::vector<MunicipalityWorkforce> members;
  std::size_t positions = 0;
};

Result<Loaded> load_database(store::Database& database) {
  Loaded loaded;
  auto categories = database.reference().categories();
  if (!categories.ok()) return categories.error();
  loaded.categories = categories.value();
  auto list = database.snapshots().list_snapshots(std::nullopt);
  if (!list.ok()) return list.error();
  // The newest snapshot of each municipality (the list is ordered by date).
  std::map<std::string, Date> newest;
  for (const SnapshotInfo& info : list.value()) newest[info.municipality.digits] = info.date;
  for (const auto& [digits, date] : newest) {
    auto snapshot = database.snapshots().load_snapshot(MunicipalityNumber{digits}, date);
    if (!snapshot.ok()) return snapshot.error();
    auto tree = database.org().load_org(MunicipalityNumber{digits});
    if (!tree.ok()) return tree.error();
    loaded.positions += snapshot.value().positions.size();
    loaded.snapshots.push_back(std::move(snapshot).value());
    loaded.trees.push_back(std::move(tree).value());
  }
  for (std::size_t i = 0; i < loaded.snapshots.size(); ++i) {
    loaded.members.push_back({&loaded.snapshots[i], &loaded.trees[i]});
  }
  return loaded;
}

// Every node, and every node × category. Returns the number of rows.
std::size_t all_breakdowns(const WorkforceView& view) {
  std::size_t rows = 0;
  auto nodes = node_breakdown(view, {});
  rows += nodes.size();
  benchmark::DoNotOptimize(nodes.data());
  const Dimension by_municipality[] = {Dimension::municipality, Dimension::category};
  const Dimension by_sector[] = {Dimension::sector, Dimension::category};
  const Dimension by_unit[] = {Dimension::unit, Dimension::category};
  for (std::span<const Dimension> by : {std::span<const Dimension>(by_municipality),
                                        std::span<const Dimension>(by_sector),
                                        std::span<const Dimension>(by_unit)}) {
    auto grouped = breakdown(view, by, {});
    rows += grouped.size();
    benchmark::DoNotOptimize(grouped.data());
  }
  return rows;
}

void set_counters(benchmark::State& state, const Loaded& data, std::size_t rows) {
  state.counters["municipalities"] = static_cast<double>(data.snapshots.size());
  state.counters["positions"] = static_cast<double>(data.positions);
  state.counters["groups"] = static_cast<double>(rows);
}

void bench_load(benchmark::State& state, store::Database& database) {
  std::size_t positions = 0;
  for (auto _ : state) {
    auto loaded = load_database(database);
    if (!loaded.ok()) {
      state.SkipWithError(loaded.error().code.c_str());
      return;
    }
    positions = loaded.value().positions;
  }
  state.counters["positions"] = static_cast<double>(positions);
}

void bench_cold(benchmark::State& state, const Loaded& data) {
  std::size_t rows = 0;
  for (auto _ : state) {
    const WorkforceView view = WorkforceView::build(data.members, data.categories);
    rows = all_breakdowns(view);
  }
  set_counters(state, data, rows);
}

void bench_warm(benchmark::State& state, const Loaded& data) {
  const WorkforceView view = WorkforceView::build(data.members, data.categories);
  std::size_t rows = 0;
  for (auto _ : state) rows = all_breakdowns(view);
  set_counters(state, data, rows);
}

void bench_node_warm(benchmark::State& state, const Loaded& data) {
  const WorkforceView view = WorkforceView::build(data.members, data.categories);
  std::size_t rows = 0;
  for (auto _ : state) {
    auto nodes = node_breakdown(view, {});
    rows = nodes.size();
    benchmark::DoNotOptimize(nodes.data());
  }
  set_counters(state, data, rows);
}

void bench_build(benchmark::State& state, const Loaded& data) {
  for (auto _ : state) {
    const WorkforceView view = WorkforceView::build(data.members, data.categories);
    benchmark::DoNotOptimize(view.rows().data());
  }
  set_counters(state, data, 0);
}

// compute_indicators per tree node: group the records by municipality, sector
// and unit, then compute each group on its own. No category groups: this is the
// baseline for node_breakdown only.
void bench_reference(benchmark::State& state, const Loaded& data) {
  std::size_t rows = 0;
  for (auto _ : state) {
    rows = 0;
    for (std::size_t m = 0; m < data.snapshots.size(); ++m) {
      const Snapshot& snapshot = data.snapshots[m];
      const OrgTree& tree = data.trees[m];
      const int year = year_of(snapshot.date);
      std::map<std::string, std::vector<PositionRecord>, std::less<>> by_unit;
      std::map<std::string, std::vector<PositionRecord>, std::less<>> by_sector;
      for (const PositionRecord& record : snapshot.positions) {
        by_unit[record.unit_code].push_back(record);
        const auto unit = tree.find_unit(record.unit_code);
        by_sector[unit ? tree.units()[*unit].sector_code : std::string("?")].push_back(record);
      }
      benchmark::DoNotOptimize(compute_indicators(snapshot.positions, year, data.categories));
      for (const auto& [code, records] : by_sector) {
        benchmark::DoNotOptimize(compute_indicators(records, year, data.categories));
      }
      for (const auto& [code, records] : by_unit) {
        benchmark::DoNotOptimize(compute_indicators(records, year, data.categories));
      }
      rows += 1 + by_sector.size() + by_unit.size();
    }
  }
  set_counters(state, data, rows);
}

struct Opened {
  std::string name;
  std::unique_ptr<store::sqlite::SqliteDatabase> database;
  Loaded data;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::vector<std::pair<std::string, std::string>> databases;  // name, file
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--db") databases.emplace_back("national", argv[i + 1]);
    if (arg == "--large-db") databases.emplace_back("large", argv[i + 1]);
  }
  if (databases.empty()) {
    std::cerr << "usage: bench_indicators --db national.db [--large-db large.db]\n";
    return 2;
  }
  SystemClock clock;
  std::vector<std::unique_ptr<Opened>> opened;
  for (const auto& [name, file] : databases) {
    auto database = store::sqlite::SqliteDatabase::open(file, clock);
    if (!database.ok()) {
      std::cerr << "bench_indicators: " << file << ": " << database.error().code << '\n';
      return 5;
    }
    auto data = load_database(*database.value());
    if (!data.ok()) {
      std::cerr << "bench_indicators: " << file << ": " << data.error().code << '\n';
      return 5;
    }
    opened.push_back(std::make_unique<Opened>(
        Opened{name, std::move(database).value(), std::move(data).value()}));
  }
  for (const auto& entry : opened) {
    const Loaded& data = entry->data;
    store::Database& database = *entry->database;
    const std::string& name = entry->name;
    auto add = [&](const std::string& what, auto function) {
      return benchmark::RegisterBenchmark((name + "/" + what).c_str(), function)
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    };
    add("all_nodes_warm", [&data](benchmark::State& s) { bench_warm(s, data); });
    add("tree_nodes_warm", [&data](benchmark::State& s) { bench_node_warm(s, data); });
    add("all_nodes_cold", [&data](benchmark::State& s) { bench_cold(s, data); });
    add("view_build", [&data](benchmark::State& s) { bench_build(s, data); });
    add("reference_compute_indicators", [&data](benchmark::State& s) { bench_reference(s, data); })
        ->Iterations(3);
    add("load_from_sqlite", [&database](benchmark::State& s) { bench_load(s, database); })
        ->Iterations(3);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
