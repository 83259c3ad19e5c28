#include "store/sqlite/sqlite_org_store.h"

#include <set>
#include <string>
#include <vector>

namespace kompetent::store::sqlite {
namespace {

struct StoredOrg {
  std::vector<Sector> sectors;
  std::vector<Unit> units;
};

Result<StoredOrg> read_org(sqlite3* db, const MunicipalityNumber& municipality) {
  StoredOrg org;
  auto sectors = Statement::prepare(
      db, "SELECT code, name FROM sectors WHERE municipality = ?1 ORDER BY ordinal");
  if (!sectors.ok()) return sectors.error();
  sectors.value().bind(1, municipality.digits);
  while (true) {
    auto row = sectors.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    org.sectors.push_back(
        Sector{std::string{sectors.value().text(0)}, std::string{sectors.value().text(1)}});
  }
  auto units = Statement::prepare(
      db,
      "SELECT code, name, sector_code FROM units WHERE municipality = ?1 ORDER BY ordinal");
  if (!units.ok()) return units.error();
  units.value().bind(1, municipality.digits);
  while (true) {
    auto row = units.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const Statement& unit = units.value();
    org.units.push_back(Unit{std::string{unit.text(0)}, std::string{unit.text(1)},
                             std::string{unit.text(2)}});
  }
  return org;
}

// Unit codes that positions in stored snapshots of `municipality` use. One scan
// of those snapshots' blocks; org saves are rare, imports are not, so no
// index on unit_code slows every import down for this.
Result<std::set<std::string>> referenced_unit_codes(sqlite3* db,
                                                    const MunicipalityNumber& municipality) {
  auto select = Statement::prepare(
      db,
      "SELECT DISTINCT unit.value FROM snapshots s"
      " JOIN position_blocks b"
      "  ON b.id BETWEEN s.first_block_id AND s.first_block_id + s.block_count - 1,"
      " json_each(b.positions, '$.unit_code') unit"
      " WHERE s.municipality = ?1");
  if (!select.ok()) return select.error();
  select.value().bind(1, municipality.digits);
  std::set<std::string> codes;
  while (true) {
    auto row = select.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    codes.emplace(select.value().text(0));
  }
  return codes;
}

template <class Node>
bool contains_code(const std::vector<Node>& nodes, std::string_view code) {
  for (const Node& node : nodes) {
    if (node.code == code) return true;
  }
  return false;
}

}  // namespace

Result<OrgTree> SqliteOrgStore::load_org(const MunicipalityNumber& municipality) {
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle.error();
  auto transaction = Transaction::begin(connection_.db, Transaction::Mode::read);
  if (!transaction.ok()) return transaction.error();
  auto org = read_org(connection_.db, municipality);
  if (!org.ok()) return org.error();
  return OrgTree::create(municipality, std::move(org.value().sectors),
                         std::move(org.value().units));
}

Status SqliteOrgStore::save_org(const OrgTree& tree) {
  const MunicipalityNumber& municipality = tree.municipality();
  if (!is_valid_municipality_number(municipality.digits)) {
    return Error::invalid("invalid_municipality_number", {municipality.digits});
  }
  if (auto idle = connection_.check_idle(); !idle.ok()) return idle;
  sqlite3* db = connection_.db;
  auto transaction = Transaction::begin(db, Transaction::Mode::write);
  if (!transaction.ok()) return transaction.error();

  auto old = read_org(db, municipality);
  if (!old.ok()) return old.error();
  auto referenced = referenced_unit_codes(db, municipality);
  if (!referenced.ok()) return referenced.error();

  // The new tree, then what must be kept for stored snapshots.
  std::vector<Sector> sectors = tree.sectors();
  std::vector<Unit> units = tree.units();
  for (const Unit& unit : old.value().units) {
    if (contains_code(units, unit.code) || !referenced.value().contains(unit.code)) continue;
    units.push_back(unit);
    if (contains_code(sectors, unit.sector_code)) continue;
    for (const Sector& sector : old.value().sectors) {
      if (sector.code == unit.sector_code) sectors.push_back(sector);
    }
  }
  // The same checks as a tree loaded later will pass through.
  if (auto valid = OrgTree::create(municipality, sectors, units); !valid.ok()) {
    return valid.error();
  }

  // Units first: they reference sectors.
  for (const char* sql : {"DELETE FROM units WHERE municipality = ?1",
                          "DELETE FROM sectors WHERE municipality = ?1"}) {
    auto remove = Statement::prepare(db, sql);
    if (!remove.ok()) return remove.error();
    remove.value().bind(1, municipality.digits);
    if (auto removed = remove.value().run(); !removed.ok()) return removed;
  }

  auto insert_sector = Statement::prepare(
      db, "INSERT INTO sectors (municipality, code, name, ordinal) VALUES (?1, ?2, ?3, ?4)");
  if (!insert_sector.ok()) return insert_sector.error();
  insert_sector.value().bind(1, municipality.digits);
  std::int64_t ordinal = 0;
  for (const Sector& sector : sectors) {
    insert_sector.value().bind(2, sector.code);
    insert_sector.value().bind(3, sector.name);
    insert_sector.value().bind(4, ordinal++);
    if (auto inserted = insert_sector.value().run(); !inserted.ok()) return inserted;
  }

  auto insert_unit = Statement::prepare(
      db,
      "INSERT INTO units (municipality, code, name, sector_code, ordinal)"
      " VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert_unit.ok()) return insert_unit.error();
  insert_unit.value().bind(1, municipality.digits);
  ordinal = 0;
  for (const Unit& unit : units) {
    insert_unit.value().bind(2, unit.code);
    insert_unit.value().bind(3, unit.name);
    insert_unit.value().bind(4, unit.sector_code);
    insert_unit.value().bind(5, ordinal++);
    if (auto inserted = insert_unit.value().run(); !inserted.ok()) return inserted;
  }
  return transaction.value().commit();
}

}  // namespace kompetent::store::sqlite
