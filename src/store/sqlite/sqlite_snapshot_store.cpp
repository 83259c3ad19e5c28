#include "store/sqlite/sqlite_snapshot_store.h"

#include <string>

#include "store/sqlite/sqlite_snapshot_writer.h"

namespace kompetent::store::sqlite {
namespace {

Error snapshot_not_found(const MunicipalityNumber& municipality, Date date) {
  return Error::not_found("snapshot_not_found", {municipality.digits, to_iso(date)});
}

Error corrupt(std::string_view column, std::string_view value) {
  return Error::io("database_corrupt", {std::string{column}, std::string{value}});
}

// The id of the snapshot, or nullopt if there is none.
Result<std::optional<std::int64_t>> find_snapshot(sqlite3* db,
                                                  const MunicipalityNumber& municipality,
                                                  const std::string& iso_date) {
  auto select =
      Statement::prepare(db, "SELECT id FROM snapshots WHERE municipality = ?1 AND date = ?2");
  if (!select.ok()) return select.error();
  select.value().bind(1, municipality.digits);
  select.value().bind(2, iso_date);
  auto row = select.value().step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{select.value().integer(0)};
}

// Positions and certifications go with it through ON DELETE CASCADE, each as
// one range of its (snapshot_id, ...) primary key.
Status delete_snapshot_row(sqlite3* db, std::int64_t id) {
  auto remove = Statement::prepare(db, "DELETE FROM snapshots WHERE id = ?1");
  if (!remove.ok()) return remove.error();
  remove.value().bind(1, id);
  return remove.value().run();
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

// Reads one row of the positions query in load_snapshot().
Result<PositionRecord> read_position(const Statement& row) {
  PositionRecord record;
  record.employee_id = row.text(1);
  record.position_number = row.text(2);
  record.unit_code = row.text(3);
  record.position_code = row.text(4);
  record.position_title = row.text(5);
  record.category = row.text(6);
  record.percent.hundredths = static_cast<std::int32_t>(row.integer(7));
  record.birth_year = static_cast<int>(row.integer(8));
  const auto gender = gender_from_key(row.text(9));
  if (!gender) return corrupt("positions.gender", row.text(9));
  record.gender = *gender;
  if (!row.is_null(10)) {
    auto start = read_date(row, 10, "positions.start_date");
    if (!start.ok()) return start.error();
    record.start_date = start.value();
  }
  const auto employment = employment_type_from_key(row.text(11));
  if (!employment) return corrupt("positions.employment", row.text(11));
  record.employment = *employment;
  const auto education = education_level_from_key(row.text(12));
  if (!education) return corrupt("positions.education", row.text(12));
  record.education = *education;
  record.relevant_education = row.integer(13) != 0;
  record.further_education_credits = static_cast<int>(row.integer(14));
  return record;
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
    if (auto removed = delete_snapshot_row(db, *existing.value()); !removed.ok()) {
      return removed.error();
    }
  }

  auto insert = Statement::prepare(
      db, "INSERT INTO snapshots (municipality, date, source, imported_at) VALUES (?1, ?2, ?3, ?4)");
  if (!insert.ok()) return insert.error();
  const std::string imported_at = to_iso_utc(connection_.clock->now_utc());
  insert.value().bind(1, municipality.digits);
  insert.value().bind(2, iso_date);
  insert.value().bind(3, source);
  insert.value().bind(4, imported_at);
  if (auto inserted = insert.value().run(); !inserted.ok()) return inserted.error();
  const std::int64_t snapshot_id = sqlite3_last_insert_rowid(db);
  return SqliteSnapshotWriter::create(connection_, std::move(transaction).value(), snapshot_id);
}

Result<Snapshot> SqliteSnapshotStore::load_snapshot(const MunicipalityNumber& municipality,
                                                    Date date) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  sqlite3* db = connection_.db;
  // One read transaction, so the three queries see the same committed state.
  auto transaction = Transaction::begin(db, Transaction::Mode::read);
  if (!transaction.ok()) return transaction.error();

  auto header = Statement::prepare(
      db, "SELECT id, position_count FROM snapshots WHERE municipality = ?1 AND date = ?2");
  if (!header.ok()) return header.error();
  const std::string iso_date = to_iso(date);
  header.value().bind(1, municipality.digits);
  header.value().bind(2, iso_date);
  auto found = header.value().step();
  if (!found.ok()) return found.error();
  if (!found.value()) return snapshot_not_found(municipality, date);
  const std::int64_t id = header.value().integer(0);

  Snapshot snapshot{municipality, date, {}};
  snapshot.positions.reserve(static_cast<std::size_t>(header.value().integer(1)));

  auto positions = Statement::prepare(
      db,
      "SELECT seq, employee_id, position_number, unit_code, position_code, position_title,"
      " category, percent_hundredths, birth_year, gender, start_date, employment, education,"
      " relevant_education, further_education_credits"
      " FROM positions WHERE snapshot_id = ?1 ORDER BY seq");
  if (!positions.ok()) return positions.error();
  positions.value().bind(1, id);
  while (true) {
    auto row = positions.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    // seq runs 0, 1, 2, ... as written; a gap would misplace certifications below.
    if (positions.value().integer(0) != static_cast<std::int64_t>(snapshot.positions.size())) {
      return corrupt("positions.seq", std::to_string(positions.value().integer(0)));
    }
    auto record = read_position(positions.value());
    if (!record.ok()) return record.error();
    snapshot.positions.push_back(std::move(record).value());
  }

  auto certifications = Statement::prepare(
      db,
      "SELECT seq, name, expires FROM position_certifications WHERE snapshot_id = ?1"
      " ORDER BY seq, ordinal");
  if (!certifications.ok()) return certifications.error();
  certifications.value().bind(1, id);
  while (true) {
    auto row = certifications.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const Statement& certification = certifications.value();
    const std::int64_t seq = certification.integer(0);
    if (seq < 0 || seq >= static_cast<std::int64_t>(snapshot.positions.size())) {
      return corrupt("position_certifications.seq", std::to_string(seq));
    }
    Certification value{std::string{certification.text(1)}, std::nullopt};
    if (!certification.is_null(2)) {
      auto expires = read_date(certification, 2, "position_certifications.expires");
      if (!expires.ok()) return expires.error();
      value.expires = expires.value();
    }
    snapshot.positions[static_cast<std::size_t>(seq)].certifications.push_back(std::move(value));
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
  if (auto removed = delete_snapshot_row(db, *existing.value()); !removed.ok()) return removed;
  return transaction.value().commit();
}

}  // namespace kompetent::store::sqlite
