#include "store/sqlite/sqlite_population_store.h"

#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "store/sqlite/iso_time_text.h"

namespace kompetent::store::sqlite {
namespace {

using forecast::PopulationAlternative;

// The stored key of an alternative (the CHECK of population_imports).
const char* alternative_key(PopulationAlternative alternative) noexcept {
  switch (alternative) {
    case PopulationAlternative::low: return "low";
    case PopulationAlternative::high: return "high";
    case PopulationAlternative::main: break;
  }
  return "main";
}

std::optional<PopulationAlternative> alternative_from_stored(std::string_view key) noexcept {
  if (key == "main") return PopulationAlternative::main;
  if (key == "low") return PopulationAlternative::low;
  if (key == "high") return PopulationAlternative::high;
  return std::nullopt;
}

Error invalid_series(const forecast::PopulationSeries& series) {
  return Error::invalid("invalid_population_series", {series.municipality});
}

// Persons are SSB's whole counts; anything else did not come from its table.
bool whole_persons(const forecast::PopulationSeries& series) {
  for (const forecast::AgeProfile& ages : series.by_year) {
    for (double persons : ages) {
      if (!(persons >= 0) || persons > 1e12 || persons != std::floor(persons)) return false;
    }
  }
  return true;
}

// Deletes one (municipality, alternative) import; its rows go with it (ON DELETE CASCADE).
Status delete_import(sqlite3* db, std::string_view municipality, const char* alternative) {
  auto remove = Statement::prepare(
      db, "DELETE FROM population_imports WHERE municipality = ?1 AND alternative = ?2");
  if (!remove.ok()) return remove.error();
  remove.value().bind(1, municipality);
  remove.value().bind(2, std::string_view{alternative});
  return remove.value().run();
}

}  // namespace

Status SqlitePopulationStore::replace_population(
    std::span<const forecast::PopulationSeries> series, std::string_view source,
    std::string_view table_id) {
  std::set<std::pair<std::string, PopulationAlternative>> keys;
  for (const forecast::PopulationSeries& one : series) {
    if (one.municipality.empty() || one.by_year.empty() || !whole_persons(one) ||
        !keys.emplace(one.municipality, one.alternative).second) {
      return invalid_series(one);
    }
  }
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  sqlite3* db = connection_.db;
  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();

  auto import_row = Statement::prepare(
      db,
      "INSERT INTO population_imports (municipality, alternative, source, table_id, first_year,"
      " last_registered_year, last_year, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!import_row.ok()) return import_row.error();
  auto persons_row = Statement::prepare(
      db,
      "INSERT INTO population_projections (municipality, alternative, year, age, persons)"
      " VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!persons_row.ok()) return persons_row.error();
  const std::string now = to_iso_utc(connection_.clock->now_utc());

  for (const forecast::PopulationSeries& one : series) {
    const std::string_view alternative = alternative_key(one.alternative);
    if (auto removed = delete_import(db, one.municipality, alternative.data()); !removed.ok()) {
      return removed;
    }
    Statement& header = import_row.value();
    header.reset();
    header.bind(1, one.municipality);
    header.bind(2, alternative);
    header.bind(3, source);
    header.bind(4, table_id);
    header.bind(5, one.first_year);
    header.bind(6, one.last_registered_year);
    header.bind(7, one.last_year());
    header.bind(8, now);
    if (auto written = header.run(); !written.ok()) return written;

    Statement& row = persons_row.value();
    row.reset();
    row.bind(1, one.municipality);
    row.bind(2, alternative);
    for (int year = one.first_year; year <= one.last_year(); ++year) {
      const forecast::AgeProfile& ages = one.by_year[static_cast<std::size_t>(year - one.first_year)];
      for (int age = 0; age <= forecast::kOldestAge; ++age) {
        row.reset();
        row.bind(3, year);
        row.bind(4, age);
        row.bind(5, static_cast<std::int64_t>(ages[static_cast<std::size_t>(age)]));
        if (auto written = row.run(); !written.ok()) return written;
      }
    }
  }
  return transaction.value().commit();
}

Result<std::optional<forecast::PopulationSeries>> SqlitePopulationStore::load_population(
    std::string_view municipality, PopulationAlternative alternative) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  sqlite3* db = connection_.db;
  // Both reads see one state of the file, even beside a writer in another process.
  auto transaction = Transaction::begin(db, Transaction::Mode::read);
  if (!transaction.ok()) return transaction.error();
  const std::string_view key = alternative_key(alternative);

  auto header = Statement::prepare(
      db,
      "SELECT first_year, last_registered_year, last_year FROM population_imports"
      " WHERE municipality = ?1 AND alternative = ?2");
  if (!header.ok()) return header.error();
  header.value().bind(1, municipality);
  header.value().bind(2, key);
  auto found = header.value().step();
  if (!found.ok()) return found.error();
  if (!found.value()) return std::optional<forecast::PopulationSeries>{};

  forecast::PopulationSeries series;
  series.municipality = std::string{municipality};
  series.alternative = alternative;
  series.first_year = static_cast<int>(header.value().integer(0));
  series.last_registered_year = static_cast<int>(header.value().integer(1));
  const auto last_year = static_cast<int>(header.value().integer(2));
  series.by_year.assign(static_cast<std::size_t>(last_year - series.first_year + 1),
                        forecast::AgeProfile{});

  auto rows = Statement::prepare(
      db,
      "SELECT year, age, persons FROM population_projections"
      " WHERE municipality = ?1 AND alternative = ?2");
  if (!rows.ok()) return rows.error();
  rows.value().bind(1, municipality);
  rows.value().bind(2, key);
  std::size_t cells = 0;
  while (true) {
    auto row = rows.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const std::int64_t year = rows.value().integer(0);
    const std::int64_t age = rows.value().integer(1);
    if (year < series.first_year || year > last_year || age < 0 || age > forecast::kOldestAge) {
      return Error::io("database_corrupt", {"population_projections", std::string{municipality}});
    }
    series.by_year[static_cast<std::size_t>(year - series.first_year)][static_cast<std::size_t>(age)] =
        static_cast<double>(rows.value().integer(2));
    ++cells;
  }
  // The primary key rules out duplicates, so a full count means every cell is there.
  if (cells != series.by_year.size() * forecast::kAgeCount) {
    return Error::io("database_corrupt", {"population_projections", std::string{municipality}});
  }
  return std::optional<forecast::PopulationSeries>{std::move(series)};
}

Result<std::vector<PopulationImport>> SqlitePopulationStore::population_imports() {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto select = Statement::prepare(
      connection_.db,
      "SELECT municipality, alternative, source, table_id, first_year, last_registered_year,"
      " last_year, imported_at FROM population_imports"
      " ORDER BY municipality, CASE alternative WHEN 'main' THEN 0 WHEN 'low' THEN 1 ELSE 2 END");
  if (!select.ok()) return select.error();
  std::vector<PopulationImport> imports;
  while (true) {
    auto row = select.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const Statement& s = select.value();
    const auto alternative = alternative_from_stored(s.text(1));
    const auto imported_at = parse_iso_utc(s.text(7));
    if (!alternative || !imported_at) {
      return Error::io("database_corrupt", {"population_imports", std::string{s.text(0)}});
    }
    imports.push_back(PopulationImport{std::string{s.text(0)}, *alternative,
                                       std::string{s.text(2)}, std::string{s.text(3)},
                                       static_cast<int>(s.integer(4)),
                                       static_cast<int>(s.integer(5)),
                                       static_cast<int>(s.integer(6)), *imported_at});
  }
  return imports;
}

Status SqlitePopulationStore::remove_population(
    std::string_view municipality, std::optional<PopulationAlternative> alternative) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  sqlite3* db = connection_.db;
  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();
  int removed = 0;
  for (PopulationAlternative one :
       {PopulationAlternative::main, PopulationAlternative::low, PopulationAlternative::high}) {
    if (alternative && *alternative != one) continue;
    if (auto deleted = delete_import(db, municipality, alternative_key(one)); !deleted.ok()) {
      return deleted;
    }
    removed += sqlite3_changes(db);
  }
  if (removed == 0) {
    return Error::not_found("population_import_not_found", {std::string{municipality}});
  }
  return transaction.value().commit();
}

}  // namespace kompetent::store::sqlite
