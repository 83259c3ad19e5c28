// store::SnapshotStore on SQLite: snapshots and position_blocks tables (see
// migrations/001_initial.sql and position_block.h). Records stream into the
// open write transaction a block at a time, so an import of any size holds one
// block (SqliteSnapshotWriter::kPositionsPerBlock records) in memory.
#pragma once

#include "store/snapshot_store.h"
#include "store/sqlite/connection.h"

namespace kompetent::store::sqlite {

class SqliteSnapshotStore final : public SnapshotStore {
 public:
  // `connection` must outlive the store and every writer it hands out.
  explicit SqliteSnapshotStore(Connection& connection) : connection_(connection) {}

  Result<std::unique_ptr<SnapshotWriter>> begin_snapshot(const MunicipalityNumber& municipality,
                                                         Date date, bool replace,
                                                         std::string source) override;
  Result<Snapshot> load_snapshot(const MunicipalityNumber& municipality, Date date) override;
  Result<std::optional<Date>> latest_snapshot_date(
      const MunicipalityNumber& municipality) override;
  Result<std::vector<SnapshotInfo>> list_snapshots(
      const std::optional<MunicipalityNumber>& municipality) override;
  Status delete_snapshot(const MunicipalityNumber& municipality, Date date) override;

 private:
  Connection& connection_;
};

}  // namespace kompetent::store::sqlite
