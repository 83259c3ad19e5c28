#include "store/sqlite/sqlite_snapshot_store.h"

#include <string>

#include "store/sqlite/position_block.h"
#include "store/sqlite/sqlite_snapshot_writer.h"

namespace kompetent::store::sqlite {
namespace {

Error snapshot_not_found(const MunicipalityNumber& municipality, Date date) {
  return Error::not_found("snapshot_not_found", {municipality.digits, to_iso(date)});
}

Error corrupt(std::string_view column, std::string_view value) {
  return Error::io("database_corrupt", {std::string{column}, std::string{value}});
}

// A snapshots row: its positions are in the position_blocks ids
// first_block_id .. first_block_id + block_count - 1.
struct StoredSnapshot {
  std::int64_t id = 0;
  std::int64_t first_block_id = 0;
  std::int64_t block_count = 0;
  std::int64_t position_count = 0;

  [[nodiscard]] std::int64_t last_block_id() const { return first_block_id + block_count - 1; }
};

// The snapshot, or nullopt if there is none.
Result<std::optional<StoredSnapshot>> find_snapshot(sqlite3* db,
                                                    const MunicipalityNumber& municipality,
                                                    const std::string& iso_date) {
  auto select = Statement::prepare(
      db,
      "SELECT id, first_block_id, block_count, position_count FROM snapshots"
      " WHERE municipality = ?1 AND date = ?2");
  if (!select.ok()) return select.error();
  select.value().bind(1, municipality.digits);
  select.value().bind(2, iso_date);
  auto row = select.value().step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<StoredSnapshot>{};
  const Statement& found = select.value();
  return std::optional<StoredSnapshot>{
      StoredSnapshot{found.integer(0), found.integer(1), found.integer(2), found.integer(3)}};
}

// Deletes the snapshot and its blocks, one range of ids.
Status delete_snapshot_rows(sqlite3* db, const StoredSnapshot& snapshot) {
  auto remove_blocks =
      Statement::prepare(db, "DELETE FROM position_blocks WHERE id BETWEEN ?1 AND ?2");
  if (!remove_blocks.ok()) return remove_blocks.error();
  remove_blocks.value().bind(1, snapshot.first_block_id);
  remove_blocks.value().bind(2, snapshot.last_block_id());
  if (auto removed = remove_blocks.value().run(); !removed.ok()) return removed;
  auto remove = Statement::prepare(db, "DELETE FROM snapshots WHERE id = ?1");
  if (!remove.ok()) return remove.error();
  remove.value().bind(1, snapshot.id);
  return remove.value().run();
}

// Where the next snapshot's blocks start: after every stored one, so an import
// appends to the end of the position_blocks B-tree.
Result<std::int64_t> next_block_id(sqlite3* db) {
  auto select = Statement::prepare(db, "SELECT coalesce(max(id), 0) + 1 FROM position_blocks");
  if (!select.ok()) return select.error();
  auto row = select.value().step();
  if (!row.ok()) return row.error();
  return select.value().integer(0);
}

Status check_municipality(const MunicipalityNumber& municipality) {
  if (!is_valid_municipality_number(municipality.digits)) {
    return Error::invalid("invalid_municipality_number", {municipality.digits});
  }
  return ok_status();
}

Result<Date> read_date(const Statement& statement, int column, std::string_view name) {
  const std::string_view text = statement.text(column);
  auto date = parse_iso_date(text);
  if (!date) return corrupt(name, text);
  return *date;
}

}  // namespace

Result<std::unique_ptr<SnapshotWriter>> SqliteSnapshotStore::begin_snapshot(
    const MunicipalityNumber& municipality, Date date, bool replace, std::string source) {
  if (auto valid = check_municipality(municipality); !valid.ok()) return valid.error();
  if (!date.ok()) return Error::invalid("invalid_date");
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  sqlite3* db = connection_.db;
  const std::string iso_date = to_iso(date);

  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();
  auto existing = find_snapshot(db, municipality, iso_date);
  if (!existing.ok()) return existing.error();
  if (existing.value()) {
    if (!replace) return Error::conflict("snapshot_exists", {municipality.digits, iso_date});
    // Inside the writer's transaction: the old snapshot is gone only if the new one commits.
    if (auto removed = delete_snapshot_rows(db, *existing.value()); !removed.ok()) {
      return removed.error();
    }
  }
  // Taken under the write lock (BEGIN IMMEDIATE), so no other writer can
  // append positions until this snapshot commits or rolls back.
  auto first_block_id = next_block_id(db);
  if (!first_block_id.ok()) return first_block_id.error();

  auto insert = Statement::prepare(
      db,
      "INSERT INTO snapshots (municipality, date, source, imported_at, first_block_id)"
      " VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert.ok()) return insert.error();
  const std::string imported_at = to_iso_utc(connection_.clock->now_utc());
  insert.value().bind(1, municipality.digits);
  insert.value().bind(2, iso_date);
  insert.value().bind(3, source);
  insert.value().bind(4, imported_at);
  insert.value().bind(5, first_block_id.value());
  if (auto inserted = insert.value().run(); !inserted.ok()) return inserted.error();
  const std::int64_t snapshot_id = sqlite3_last_insert_rowid(db);
  return SqliteSnapshotWriter::create(connection_, std::move(transaction).value(), snapshot_id,
                                      first_block_id.value());
}

Result<Snapshot> SqliteSnapshotStore::load_snapshot(const MunicipalityNumber& municipality,
                                                    Date date) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  sqlite3* db = connection_.db;
  // One read transaction, so both queries see the same committed state.
  auto transaction = Transaction::begin(db, Transaction::Mode::read);
  if (!transaction.ok()) return transaction.error();

  auto found = find_snapshot(db, municipality, to_iso(date));
  if (!found.ok()) return found.error();
  if (!found.value()) return snapshot_not_found(municipality, date);
  const StoredSnapshot& stored = *found.value();

  Snapshot snapshot{municipality, date, {}};
  snapshot.positions.reserve(static_cast<std::size_t>(stored.position_count));

  auto blocks = Statement::prepare(
      db,
      "SELECT id, position_count, positions, snapshot_id FROM position_blocks"
      " WHERE id BETWEEN ?1 AND ?2 ORDER BY id");
  if (!blocks.ok()) return blocks.error();
  blocks.value().bind(1, stored.first_block_id);
  blocks.value().bind(2, stored.last_block_id());
  std::int64_t expected_id = stored.first_block_id;
  while (true) {
    auto row = blocks.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const Statement& block = blocks.value();
    // The range holds exactly block_count blocks, all of this snapshot; a gap
    // or a stranger means the file was changed behind the store's back.
    if (block.integer(0) != expected_id++ || block.integer(3) != stored.id) {
      return corrupt("position_blocks.id", std::to_string(block.integer(0)));
    }
    if (!read_position_block(block.text(2), block.integer(1), snapshot.positions)) {
      return corrupt("position_blocks.positions", std::to_string(block.integer(0)));
    }
  }
  if (expected_id != stored.first_block_id + stored.block_count ||
      static_cast<std::int64_t>(snapshot.positions.size()) != stored.position_count) {
    return corrupt("snapshots.position_count", std::to_string(stored.position_count));
  }
  return snapshot;
}

Result<std::optional<Date>> SqliteSnapshotStore::latest_snapshot_date(
    const MunicipalityNumber& municipality) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  // ISO dates with four-digit years sort as text in calendar order.
  auto select =
      Statement::prepare(connection_.db, "SELECT max(date) FROM snapshots WHERE municipality = ?1");
  if (!select.ok()) return select.error();
  select.value().bind(1, municipality.digits);
  auto row = select.value().step();
  if (!row.ok()) return row.error();
  if (!row.value() || select.value().is_null(0)) return std::optional<Date>{};
  auto date = read_date(select.value(), 0, "snapshots.date");
  if (!date.ok()) return date.error();
  return std::optional<Date>{date.value()};
}

Result<std::vector<SnapshotInfo>> SqliteSnapshotStore::list_snapshots(
    const std::optional<MunicipalityNumber>& municipality) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto select = Statement::prepare(
      connection_.db,
      "SELECT municipality, date, position_count, source, imported_at FROM snapshots"
      " WHERE ?1 IS NULL OR municipality = ?1 ORDER BY municipality, date");
  if (!select.ok()) return select.error();
  if (municipality) {
    select.value().bind(1, municipality->digits);
  } else {
    select.value().bind_null(1);
  }
  std::vector<SnapshotInfo> snapshots;
  while (true) {
    auto row = select.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const Statement& info = select.value();
    auto date = read_date(info, 1, "snapshots.date");
    if (!date.ok()) return date.error();
    snapshots.push_back(SnapshotInfo{MunicipalityNumber{std::string{info.text(0)}}, date.value(),
                                     info.integer(2), std::string{info.text(3)},
                                     std::string{info.text(4)}});
  }
  return snapshots;
}

Status SqliteSnapshotStore::delete_snapshot(const MunicipalityNumber& municipality, Date date) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  sqlite3* db = connection_.db;
  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();
  auto existing = find_snapshot(db, municipality, to_iso(date));
  if (!existing.ok()) return existing.error();
  if (!existing.value()) return snapshot_not_found(municipality, date);
  if (auto removed = delete_snapshot_rows(db, *existing.value()); !removed.ok()) return removed;
  return transaction.value().commit();
}

}  // namespace kompetent::store::sqlite
