#include "store/sqlite/sqlite_snapshot_writer.h"

namespace kompetent::store::sqlite {

Result<std::unique_ptr<SnapshotWriter>> SqliteSnapshotWriter::create(Connection& connection,
                                                                     Transaction transaction,
                                                                     std::int64_t snapshot_id,
                                                                     std::int64_t first_block_id) {
  auto insert_block = Statement::prepare(
      connection.db,
      "INSERT INTO position_blocks (id, snapshot_id, position_count, positions)"
      " VALUES (?1, ?2, ?3, ?4)");
  if (!insert_block.ok()) return insert_block.error();
  // The snapshot id never changes: bind it once for the whole import.
  insert_block.value().bind(2, snapshot_id);
  return std::unique_ptr<SnapshotWriter>(
      new SqliteSnapshotWriter(connection, std::move(transaction), snapshot_id, first_block_id,
                               std::move(insert_block).value()));
}

SqliteSnapshotWriter::SqliteSnapshotWriter(Connection& connection, Transaction transaction,
                                           std::int64_t snapshot_id, std::int64_t first_block_id,
                                           Statement insert_block)
    : connection_(connection),
      transaction_(std::move(transaction)),
      snapshot_id_(snapshot_id),
      first_block_id_(first_block_id),
      insert_block_(std::move(insert_block)) {
  connection_.writer_open = true;
}

SqliteSnapshotWriter::~SqliteSnapshotWriter() { finish(); }

void SqliteSnapshotWriter::finish() noexcept {
  // Only a writer still holding the connection frees it: a spent writer
  // destroyed late must not free the transaction of a newer one.
  if (!transaction_) return;
  insert_block_.reset();
  transaction_.reset();  // rolls back unless committed
  connection_.writer_open = false;
}

Error SqliteSnapshotWriter::fail(Error error) {
  finish();
  return error;
}

Status SqliteSnapshotWriter::write_block() {
  // Ids continue from the snapshot's first: its blocks stay one range, in order.
  insert_block_.bind(1, first_block_id_ + block_count_);
  insert_block_.bind(3, block_.size());
  insert_block_.bind(4, block_.text());  // not copied: block_ is unchanged until run() returns
  if (auto inserted = insert_block_.run(); !inserted.ok()) return inserted;
  ++block_count_;
  block_.clear();
  return ok_status();
}

Status SqliteSnapshotWriter::add(const PositionRecord& record) {
  if (!transaction_) return Error::internal("writer_finished");
  block_.add(record);
  ++position_count_;
  if (block_.size() == kPositionsPerBlock) {
    if (auto written = write_block(); !written.ok()) return fail(written.error());
  }
  return ok_status();
}

Status SqliteSnapshotWriter::commit() {
  if (!transaction_) return Error::internal("writer_finished");
  if (block_.size() > 0) {
    if (auto written = write_block(); !written.ok()) return fail(written.error());
  }
  auto count = Statement::prepare(
      connection_.db, "UPDATE snapshots SET block_count = ?1, position_count = ?2 WHERE id = ?3");
  if (!count.ok()) return fail(count.error());
  count.value().bind(1, block_count_);
  count.value().bind(2, position_count_);
  count.value().bind(3, snapshot_id_);
  if (auto counted = count.value().run(); !counted.ok()) return fail(counted.error());
  if (auto committed = transaction_->commit(); !committed.ok()) return fail(committed.error());
  finish();
  return ok_status();
}

}  // namespace kompetent::store::sqlite
