// The demo data set behind `kompetent demo`: organisation trees and two dated
// snapshots of every position for each municipality given, generated from a
// seed. Pure: no files, no database; the CLI loads the reference data, calls
// generate_demo and stores what comes back.
//
//   std::vector<DemoMunicipality> members = ...;   // from data/regions.csv + municipalities
//   DemoDataset demo = generate_demo(members, kDefaultDemoSeed);
//   for (const OrgTree& tree : demo.trees) store.save_tree(tree);
//   for (const Snapshot& snapshot : demo.snapshots) store.save_snapshot(snapshot);
//
// What the data looks like, its parameters and how close the Nord-Troms figures
// come to seed 003: docs/demo-data.md.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/calendar/date.h"
#include "core/org/municipality.h"
#include "core/org/org_tree.h"
#include "core/workforce/snapshot.h"

namespace kompetent::demo {

struct DemoMunicipality {
  MunicipalityNumber number;
  std::string name;        // short name, e.g. "Storfjord"; a "Storfjord-Omasvuotna-..." form is shortened
  int population = 0;      // inhabitants; sizes the staff where no published count exists
  std::string region_id;   // "nord-troms", "salten", ... (data/regions.csv)
  bool operator==(const DemoMunicipality&) const = default;
};

struct DemoDataset {
  // One tree per municipality, in the order given.
  std::vector<OrgTree> trees;
  // Two per municipality, in the order given: first kPreviousSnapshotDate, then
  // kCurrentSnapshotDate. Positions are sorted by employee_id.
  std::vector<Snapshot> snapshots;
  bool operator==(const DemoDataset&) const = default;
};

inline constexpr std::uint64_t kDefaultDemoSeed = 20251231;
inline constexpr Date kPreviousSnapshotDate = make_date(2024, 12, 31);
inline constexpr Date kCurrentSnapshotDate = make_date(2025, 12, 31);

// Generates the demo for `municipalities`. Same inputs and seed give an equal
// (and byte-identical when written out) data set on every platform.
//
// Region "nord-troms": the health and care sector only (sector "HO"), sized by
// table 1 of seed 003 in the 31.12.2025 snapshot and drawn so the region's
// indicators match the published ones (see nord_troms.h).
// Any other region ("salten" and unknown ones): all four sectors, sized by
// population (see salten.h).
// The 31.12.2024 snapshot is the same staff a year earlier: the 2025 joiners
// absent, the year's leavers present, a few people in another unit (turnover.h).
// Never fails: an empty span gives an empty data set.
[[nodiscard]] DemoDataset generate_demo(std::span<const DemoMunicipality> municipalities,
                                        std::uint64_t seed);

}  // namespace kompetent::demo
