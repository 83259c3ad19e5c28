// The SnapshotWriter of SqliteSnapshotStore: owns the write transaction of one
// snapshot and the prepared insert that streams its records into it, a block
// at a time (see position_block.h).
// Internal to store/sqlite; made by SqliteSnapshotStore::begin_snapshot.
#pragma once

#include <cstdint>
#include <optional>

#include "store/snapshot_store.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/position_block.h"

namespace kompetent::store::sqlite {

class SqliteSnapshotWriter final : public SnapshotWriter {
 public:
  // Records per position_blocks row: enough that SQLite's cost per row is
  // small beside the JSON and a block's last, part-filled overflow page wastes
  // little, while a block stays a few hundred KiB in memory.
  static constexpr std::int64_t kPositionsPerBlock = 1024;

  // Prepares the insert inside `transaction`, which already holds the
  // snapshots row `snapshot_id` whose blocks start at `first_block_id`.
  static Result<std::unique_ptr<SnapshotWriter>> create(Connection& connection,
                                                        Transaction transaction,
                                                        std::int64_t snapshot_id,
                                                        std::int64_t first_block_id);
  // Rolls back unless committed, and frees the connection for other calls.
  ~SqliteSnapshotWriter() override;

  Status add(const PositionRecord& record) override;
  Status commit() override;

 private:
  SqliteSnapshotWriter(Connection& connection, Transaction transaction, std::int64_t snapshot_id,
                       std::int64_t first_block_id, Statement insert_block);
  // Inserts the records collected in block_ as the next position_blocks row.
  Status write_block();
  // Ends the transaction (rolling back unless committed) and frees the connection.
  void finish() noexcept;
  // Rolls back now, so the write lock is released at the first error rather
  // than when the caller gets round to destroying the writer.
  Error fail(Error error);

  Connection& connection_;
  std::optional<Transaction> transaction_;  // empty once committed or failed
  std::int64_t snapshot_id_;
  std::int64_t first_block_id_;
  std::int64_t block_count_ = 0;
  std::int64_t position_count_ = 0;
  PositionBlockWriter block_;  // reused for every block, so add() does not allocate
  // After transaction_, so it is finalized before the transaction rolls back.
  Statement insert_block_;
};

}  // namespace kompetent::store::sqlite
