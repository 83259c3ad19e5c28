// The SnapshotWriter of SqliteSnapshotStore: owns the write transaction of one
// snapshot and the prepared inserts that stream its records into it.
// Internal to store/sqlite; made by SqliteSnapshotStore::begin_snapshot.
#pragma once

#include <cstdint>
#include <optional>

#include "store/snapshot_store.h"
#include "store/sqlite/connection.h"

namespace kompetent::store::sqlite {

class SqliteSnapshotWriter final : public SnapshotWriter {
 public:
  // Prepares the inserts inside `transaction`, which already holds the
  // snapshots row `snapshot_id`.
  static Result<std::unique_ptr<SnapshotWriter>> create(Connection& connection,
                                                        Transaction transaction,
                                                        std::int64_t snapshot_id);
  // Rolls back unless committed, and frees the connection for other calls.
  ~SqliteSnapshotWriter() override;

  Status add(const PositionRecord& record) override;
  Status commit() override;

 private:
  SqliteSnapshotWriter(Connection& connection, Transaction transaction, std::int64_t snapshot_id,
                       Statement insert_position, Statement insert_certification);
  // Ends the transaction (rolling back unless committed) and frees the connection.
  void finish() noexcept;
  // Rolls back now, so the write lock is released at the first error rather
  // than when the caller gets round to destroying the writer.
  Error fail(Error error);

  Connection& connection_;
  std::optional<Transaction> transaction_;  // empty once committed or failed
  std::int64_t snapshot_id_;
  std::int64_t next_seq_ = 0;
  // After transaction_, so they are finalized before it rolls back.
  Statement insert_position_;
  Statement insert_certification_;
};

}  // namespace kompetent::store::sqlite
