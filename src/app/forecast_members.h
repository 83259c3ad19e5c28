// A forecast's base: each municipality's newest snapshot, turned into cohorts once
// (forecast_staff → prepare_workforce) so any number of scenarios can run on it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "app/forecast_setup.h"
#include "core/forecast/workforce_forecast.h"
#include "core/result.h"
#include "core/workforce/snapshot.h"
#include "store/database.h"

namespace kompetent::app {

// One municipality's prepared base-year staff and the snapshot it came from.
struct PreparedMember {
  SnapshotInfo snapshot;
  forecast::PreparedWorkforce workforce;
  std::int64_t records_without_service = 0;  // matched by no service rule; left out
};

// The newest snapshot of each of `municipalities` (4-digit numbers), in their order; a
// municipality without a snapshot is left out (the caller decides whether that is an error).
[[nodiscard]] Result<std::vector<SnapshotInfo>> latest_snapshots(
    store::Database& db, std::span<const std::string> municipalities);

// Loads the snapshot and the municipality's org tree and prepares its cohorts. The store's
// errors, or prepare_workforce's ("unknown_service", "no_exit_rates").
[[nodiscard]] Result<PreparedMember> prepare_member(store::Database& db,
                                                    const SnapshotInfo& snapshot,
                                                    const ForecastSetup& setup);

}  // namespace kompetent::app
