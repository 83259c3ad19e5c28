// Snapshots in storage: one municipality's positions on one date, written in
// one transaction and read back whole.
//
//   auto writer = store.begin_snapshot(municipality, date, /*replace=*/false, "hr.csv");
//   if (!writer.ok()) return writer.error();      // e.g. conflict "snapshot_exists"
//   for (const PositionRecord& record : rows)     // streamed: at most a block is kept in memory
//     if (auto added = writer.value()->add(record); !added.ok()) return added.error();
//   return writer.value()->commit();              // all rows, or (on any failure) none
//
// Interfaces only: store/sqlite/ implements them, store/postgres/ will.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar/date.h"
#include "core/org/municipality.h"
#include "core/result.h"
#include "core/workforce/position_record.h"
#include "core/workforce/snapshot.h"

namespace kompetent::store {

// Writes one snapshot inside one open write transaction. Nothing is visible to
// other readers until commit() succeeds. Destroying a writer that has not been
// committed rolls the whole transaction back, so a failed, abandoned or killed
// import leaves the store exactly as it was (including a snapshot it was replacing).
// A writer must not outlive the database it came from.
class SnapshotWriter {
 public:
  virtual ~SnapshotWriter() = default;
  SnapshotWriter() = default;
  SnapshotWriter(const SnapshotWriter&) = delete;
  SnapshotWriter& operator=(const SnapshotWriter&) = delete;

  // Appends one record; load_snapshot() returns records in the order they were added.
  // Records may be collected in a small block (of a bounded number of records)
  // before they reach the database, so a database error can surface at a later
  // add() or at commit(). After an error the writer is spent: every later call
  // fails and the transaction is rolled back.
  virtual Status add(const PositionRecord& record) = 0;
  // Makes the snapshot durable and visible. Fails if called twice or after an error.
  virtual Status commit() = 0;
};

class SnapshotStore {
 public:
  virtual ~SnapshotStore() = default;

  // Opens the write transaction of a new snapshot of `municipality` on `date`,
  // imported from `source` (a file name, or "demo") and stamped with the clock's
  // UTC time. If one exists already: fails with conflict "snapshot_exists"
  // {municipality, date} unless `replace`; with `replace` the old snapshot is
  // deleted inside the same transaction, so it survives until commit().
  // While the writer is open, the same database accepts no other calls.
  virtual Result<std::unique_ptr<SnapshotWriter>> begin_snapshot(
      const MunicipalityNumber& municipality, Date date, bool replace, std::string source) = 0;

  // The whole snapshot, records in the order they were added; not_found
  // "snapshot_not_found" {municipality, date} if there is none.
  virtual Result<Snapshot> load_snapshot(const MunicipalityNumber& municipality, Date date) = 0;

  // The date of the newest snapshot of `municipality`, or nullopt if it has none.
  virtual Result<std::optional<Date>> latest_snapshot_date(
      const MunicipalityNumber& municipality) = 0;

  // Every snapshot (of `municipality` only, if given), ordered by municipality
  // number, then date, oldest first.
  virtual Result<std::vector<SnapshotInfo>> list_snapshots(
      const std::optional<MunicipalityNumber>& municipality) = 0;

  // Deletes one snapshot and all its records; not_found "snapshot_not_found".
  virtual Status delete_snapshot(const MunicipalityNumber& municipality, Date date) = 0;
};

}  // namespace kompetent::store
