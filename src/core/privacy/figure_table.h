// Internal to indicator_suppression: the CellTable of a breakdown. Every row
// is a block of cells laid out alike (a RowLayout: which figures, how they add
// up within the row, which of them carry the row); so is every margin (a total
// that is a row of a coarser query), valued at the sum of its rows, with what
// that query shows of it known to the attacker (external) and what it withholds
// unknown and confidential (hidden, and it must stay so). Then, for every
// partition of the RowLattice and every published slot, parent = Σ children.
//
// Hidden slots (the rest d − n of a share) get no such constraint: the rest of a
// margin is only known as its d minus its n, so whatever its rows' rests reveal
// by subtraction, their d and n reveal through their own constraints. Adding it
// would make the engine, which takes a constraint's total before following a
// hidden cell back, withhold whole rows (the total of "persons = n + rest") to
// protect a single share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/privacy/cell_suppression.h"
#include "core/privacy/row_lattice.h"

namespace kompetent::privacy::detail {

// Within one row, in slot numbers.
struct SlotConstraint {
  std::size_t total = 0;
  std::vector<std::size_t> parts;
};

struct SlotGroup {
  std::size_t anchor = 0;
  std::vector<std::size_t> members;
};

// In a row where the two slots hold the same value, `slot` is the cell of `same_as` (a share's
// denominator that equals persons is persons).
struct SlotAlias {
  std::size_t slot = 0;
  std::size_t same_as = 0;
};

struct RowLayout {
  std::vector<CellKind> slots;       // published or hidden, per slot
  std::vector<std::size_t> anchors;  // suppressing one withholds the whole row
  std::vector<SlotConstraint> constraints;
  std::vector<SlotGroup> groups;  // besides the anchors' whole-row groups
  std::vector<SlotAlias> aliases;
};

struct FigureTable {
  CellTable table;
  std::vector<std::vector<std::size_t>> cells;  // per row, per slot
};

// Per node (row or margin), per slot: true where the coarser query that has the node as a row
// withholds the figure. An empty vector for a node: nothing withheld.
using SlotMask = std::vector<std::vector<bool>>;

// What the coarser queries withhold of this table's nodes.
struct WithheldElsewhere {
  SlotMask rows;     // per row of this table (the total row is in every coarser table too)
  SlotMask margins;  // per margin of the lattice
};

// `values` holds one vector of layout.slots.size() values per row of `lattice`.
// Cells: the rows' blocks in row order, then the margins'. A row's slot that `elsewhere`
// withholds is confidential (withheld here too); a margin's published slot is external, or
// hidden and confidential where `elsewhere` withholds it; its hidden slots stay hidden
// (confidential where withheld). Constraints: each node's own (rows, then margins, in order),
// then per partition (lattice order) one per published slot. Groups: per row, one per anchor
// (all other cells of the row), then the layout's; margins have none (they are never shown).
[[nodiscard]] FigureTable build_figure_table(const RowLayout& layout,
                                             std::span<const std::vector<std::int64_t>> values,
                                             const RowLattice& lattice,
                                             const WithheldElsewhere& elsewhere = {});

}  // namespace kompetent::privacy::detail
