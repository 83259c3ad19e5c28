#include "core/privacy/breakdown_suppression.h"

#include <map>
#include <string>
#include <tuple>

#include "core/privacy/coarser_rows.h"
#include "core/privacy/row_lattice.h"

namespace kompetent::privacy::detail {
namespace {

// One table already suppressed: where to find a node's row, and what it withheld.
struct SuppressedTable {
  TableShape shape;
  std::map<KeyTuple, std::size_t> row_of;
  SlotMask withheld;
};

SlotMask suppress_table(const RowLayout& layout, std::span<const std::vector<std::int64_t>> values,
                        const RowLattice& lattice, const WithheldElsewhere& elsewhere,
                        const SuppressionRules& rules) {
  const FigureTable figures = build_figure_table(layout, values, lattice, elsewhere);
  const SuppressionResult result = suppress(figures.table, rules);
  SlotMask withheld(figures.cells.size());
  for (std::size_t row = 0; row < figures.cells.size(); ++row) {
    for (const std::size_t cell : figures.cells[row]) {
      withheld[row].push_back(result.suppressed(cell));
    }
  }
  return withheld;
}

// Only the coarser tables count: the query for `shape` computes those, and no others.
bool coarser(TableShape a, TableShape than) {
  return a != than && a.level <= than.level && (!a.by_category || than.by_category);
}

// What the coarser tables in `done` withhold of the nodes of `lattice` over `keys` (a table of
// `shape`): of each margin, the row of the table that has it; of the total row, whatever any
// of them withholds of theirs.
WithheldElsewhere withheld_elsewhere(std::span<const GroupKey> keys, TableShape shape,
                                     const RowLattice& lattice,
                                     const std::vector<SuppressedTable>& done) {
  WithheldElsewhere elsewhere;
  elsewhere.rows.resize(keys.size());
  const KeyTuple total{};
  for (std::size_t row = 0; row < keys.size(); ++row) {
    if (as_tuple(keys[row]) != total) continue;
    for (const SuppressedTable& table : done) {
      if (!coarser(table.shape, shape)) continue;
      const auto found = table.row_of.find(total);
      if (found == table.row_of.end()) continue;
      const std::vector<bool>& theirs = table.withheld[found->second];
      std::vector<bool>& ours = elsewhere.rows[row];
      if (ours.empty()) ours.assign(theirs.size(), false);
      for (std::size_t slot = 0; slot < theirs.size(); ++slot)
        ours[slot] = ours[slot] || theirs[slot];
    }
  }
  elsewhere.margins.resize(lattice.margin_keys.size());
  for (std::size_t margin = 0; margin < lattice.margin_keys.size(); ++margin) {
    const GroupKey& key = lattice.margin_keys[margin];
    for (const SuppressedTable& table : done) {
      if (table.shape != shape_of(key)) continue;
      // Always found: the table was built from the same rows. Not found would leave the margin
      // known (external), the stronger attacker.
      const auto found = table.row_of.find(as_tuple(key));
      if (found != table.row_of.end()) elsewhere.margins[margin] = table.withheld[found->second];
    }
  }
  return elsewhere;
}

SuppressedTable suppressed_table(const RowLayout& layout, std::span<const GroupKey> keys,
                                 std::span<const std::vector<std::int64_t>> values,
                                 TableShape shape, const std::vector<SuppressedTable>& done,
                                 const SuppressionRules& rules) {
  const RowLattice lattice = shaped_row_lattice(keys, shape);
  SuppressedTable table{shape,
                        {},
                        suppress_table(layout, values, lattice,
                                       withheld_elsewhere(keys, shape, lattice, done), rules)};
  for (std::size_t row = 0; row < keys.size(); ++row)
    table.row_of.emplace(as_tuple(keys[row]), row);
  return table;
}

}  // namespace

SlotMask suppress_breakdown(const RowLayout& layout, std::span<const GroupKey> keys,
                            std::span<const std::vector<std::int64_t>> values,
                            std::span<const Dimension> by, const SuppressionRules& rules) {
  if (by.empty()) return suppress_table(layout, values, row_lattice(keys, by), {}, rules);

  const TableShape target = shape_of(by);
  const std::map<std::string, std::size_t> ranks =
      target.by_category ? category_ranks(keys) : std::map<std::string, std::size_t>{};
  std::vector<SuppressedTable> done;
  for (int level = 0; level < target.level; ++level) {
    for (const bool by_category : {false, true}) {
      if (by_category && !target.by_category) continue;
      const SlotRows rows = coarser_rows(keys, values, {level, by_category}, ranks);
      done.push_back(
          suppressed_table(layout, rows.keys, rows.values, {level, by_category}, done, rules));
    }
  }
  if (target.by_category) {
    const SlotRows rows = coarser_rows(keys, values, {target.level, false}, ranks);
    done.push_back(
        suppressed_table(layout, rows.keys, rows.values, {target.level, false}, done, rules));
  }
  return suppressed_table(layout, keys, values, target, done, rules).withheld;
}

}  // namespace kompetent::privacy::detail
