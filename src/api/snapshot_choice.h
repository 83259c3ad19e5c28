// Which snapshot of each municipality a request means: its latest on or
// before a date (default: its latest of all). Municipalities report on
// different dates, so a region's view takes each member's own latest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar/date.h"
#include "core/result.h"
#include "core/workforce/snapshot.h"
#include "store/database.h"

namespace kompetent::api {

// One SnapshotInfo per member that has a snapshot on or before `on` (members
// without one are left out), in the order of `members`.
[[nodiscard]] Result<std::vector<SnapshotInfo>> choose_snapshots(store::Database& db,
                                                                 const std::vector<std::string>& members,
                                                                 std::optional<Date> on);

}  // namespace kompetent::api
