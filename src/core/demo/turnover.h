// The year before: turns one municipality's current staff into the pair of
// snapshots 31.12.2024 and 31.12.2025. The 2025 snapshot is the current staff;
// the 2024 one is the same people a year younger, without the people who
// joined in 2025, with the people who left during 2025, and with a few in the
// unit they moved from. Also gives everyone their pseudonymous employee id.
#pragma once

#include <string>

#include "core/demo/demo_rng.h"
#include "core/demo/org_templates.h"
#include "core/workforce/snapshot.h"

namespace kompetent::demo {

struct SnapshotPair {
  Snapshot previous;  // kPreviousSnapshotDate
  Snapshot current;   // kCurrentSnapshotDate; exactly `staff.positions`, with ids
};

// Employee ids are `id_prefix` + municipality number + "-" + six digits, e.g.
// "NT5538-000123", numbered in a random order over everyone in either
// snapshot, so an id says nothing about the person. The same person has the
// same id in both snapshots. Positions in each snapshot are sorted by id.
[[nodiscard]] SnapshotPair add_previous_year(const MunicipalityStaff& staff,
                                             std::string_view id_prefix, DemoRng& rng);

}  // namespace kompetent::demo
