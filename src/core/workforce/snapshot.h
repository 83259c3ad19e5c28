// A dated snapshot (kartlegging per dato): every position of one municipality
// on one date. Snapshots are kept, so change over time shows.
#pragma once

#include <string>
#include <vector>

#include "core/calendar/date.h"
#include "core/org/municipality.h"
#include "core/workforce/position_record.h"

namespace kompetent {

struct SnapshotInfo {
  MunicipalityNumber municipality;
  Date date;
  std::int64_t positions = 0;
  std::string source;        // file name it was imported from, or "demo"
  std::string imported_at;   // UTC timestamp, ISO 8601
  bool operator==(const SnapshotInfo&) const = default;
};

struct Snapshot {
  MunicipalityNumber municipality;
  Date date;
  std::vector<PositionRecord> positions;
  bool operator==(const Snapshot&) const = default;
};

}  // namespace kompetent
