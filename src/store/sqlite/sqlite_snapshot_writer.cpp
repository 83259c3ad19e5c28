#include "store/sqlite/sqlite_snapshot_writer.h"

#include <string>

namespace kompetent::store::sqlite {

Result<std::unique_ptr<SnapshotWriter>> SqliteSnapshotWriter::create(Connection& connection,
                                                                     Transaction transaction,
                                                                     std::int64_t snapshot_id) {
  auto insert_position = Statement::prepare(
      connection.db,
      "INSERT INTO positions (snapshot_id, seq, employee_id, position_number, unit_code,"
      " position_code, position_title, category, percent_hundredths, birth_year, gender,"
      " start_date, employment, education, relevant_education, further_education_credits)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
  if (!insert_position.ok()) return insert_position.error();
  auto insert_certification = Statement::prepare(
      connection.db,
      "INSERT INTO position_certifications (snapshot_id, seq, ordinal, name, expires)"
      " VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert_certification.ok()) return insert_certification.error();
  // The snapshot id never changes: bind it once for the whole import.
  insert_position.value().bind(1, snapshot_id);
  insert_certification.value().bind(1, snapshot_id);
  return std::unique_ptr<SnapshotWriter>(new SqliteSnapshotWriter(
      connection, std::move(transaction), snapshot_id, std::move(insert_position).value(),
      std::move(insert_certification).value()));
}

SqliteSnapshotWriter::SqliteSnapshotWriter(Connection& connection, Transaction transaction,
                                           std::int64_t snapshot_id, Statement insert_position,
                                           Statement insert_certification)
    : connection_(connection),
      transaction_(std::move(transaction)),
      snapshot_id_(snapshot_id),
      insert_position_(std::move(insert_position)),
      insert_certification_(std::move(insert_certification)) {
  connection_.writer_open = true;
}

SqliteSnapshotWriter::~SqliteSnapshotWriter() { finish(); }

void SqliteSnapshotWriter::finish() noexcept {
  // Only a writer still holding the connection frees it: a spent writer
  // destroyed late must not free the transaction of a newer one.
  if (!transaction_) return;
  insert_position_.reset();
  insert_certification_.reset();
  transaction_.reset();  // rolls back unless committed
  connection_.writer_open = false;
}

Error SqliteSnapshotWriter::fail(Error error) {
  finish();
  return error;
}

Status SqliteSnapshotWriter::add(const PositionRecord& record) {
  if (!transaction_) return Error::internal("writer_finished");
  // Bound text is not copied, so these must live until the inserts have run.
  const std::optional<std::string> start_date =
      record.start_date ? std::optional<std::string>{to_iso(*record.start_date)} : std::nullopt;
  const std::int64_t seq = next_seq_;

  Statement& insert = insert_position_;
  insert.bind(2, seq);
  insert.bind(3, record.employee_id);
  insert.bind(4, record.position_number);
  insert.bind(5, record.unit_code);
  insert.bind(6, record.position_code);
  insert.bind(7, record.position_title);
  insert.bind(8, record.category);
  insert.bind(9, static_cast<std::int64_t>(record.percent.hundredths));
  insert.bind(10, record.birth_year);
  insert.bind(11, to_key(record.gender));
  insert.bind_optional(12, start_date);
  insert.bind(13, to_key(record.employment));
  insert.bind(14, to_key(record.education));
  insert.bind(15, record.relevant_education ? 1 : 0);
  insert.bind(16, record.further_education_credits);
  if (auto inserted = insert.run(); !inserted.ok()) return fail(inserted.error());

  std::int64_t ordinal = 0;
  for (const Certification& certification : record.certifications) {
    const std::optional<std::string> expires =
        certification.expires ? std::optional<std::string>{to_iso(*certification.expires)}
                              : std::nullopt;
    insert_certification_.bind(2, seq);
    insert_certification_.bind(3, ordinal++);
    insert_certification_.bind(4, certification.name);
    insert_certification_.bind_optional(5, expires);
    if (auto inserted = insert_certification_.run(); !inserted.ok()) {
      return fail(inserted.error());
    }
  }
  ++next_seq_;
  return ok_status();
}

Status SqliteSnapshotWriter::commit() {
  if (!transaction_) return Error::internal("writer_finished");
  auto count = Statement::prepare(connection_.db,
                                  "UPDATE snapshots SET position_count = ?1 WHERE id = ?2");
  if (!count.ok()) return fail(count.error());
  count.value().bind(1, next_seq_);
  count.value().bind(2, snapshot_id_);
  if (auto counted = count.value().run(); !counted.ok()) return fail(counted.error());
  if (auto committed = transaction_->commit(); !committed.ok()) return fail(committed.error());
  finish();
  return ok_status();
}

}  // namespace kompetent::store::sqlite
