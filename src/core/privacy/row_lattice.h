// Internal to indicator_suppression: which rows of a breakdown add up to which
// totals, so that suppression can see what subtraction would reveal. The nodes
// are the rows and the margins: totals that are not rows of this table but
// rows of a coarser query (a sector when grouping by unit; a municipality, or
// a category over the whole region, when grouping by municipality × category).
// A partition is a node and the nodes one level finer that make it up.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "core/indicators/breakdown.h"

namespace kompetent::privacy::detail {

struct Partition {
  std::size_t parent = 0;             // a node: a row (< RowLattice::rows) or rows + margin index
  std::vector<std::size_t> children;  // nodes
  bool operator==(const Partition&) const = default;
};

struct RowLattice {
  std::size_t rows = 0;
  std::vector<std::vector<std::size_t>> margin_rows;  // per margin: the rows that make it up
  std::vector<GroupKey> margin_keys;  // per margin: its key in the table that has it as a row
  // Finest parents first (see row_lattice()); per parent, tree split then category split.
  std::vector<Partition> partitions;
  bool operator==(const RowLattice&) const = default;
};

// What a breakdown groups by: a tree level (0 the total, 1 municipality, 2 sector, 3 unit) and
// whether it also groups by category.
struct TableShape {
  int level = 0;
  bool by_category = false;
  bool operator==(const TableShape&) const = default;
};

// The deepest tree level of `by` (a unit implies its sector and municipality), and category.
[[nodiscard]] TableShape shape_of(std::span<const Dimension> by);

// The shape of the table that has a row with `key`: the level its fields go down to, and
// category when it names one.
[[nodiscard]] TableShape shape_of(const GroupKey& key);

// `keys` are the keys of what breakdown(view, by, filter) or turnover_breakdown() returned
// (the total first). With `by` empty they are read as node_breakdown() rows: the total, then
// each node after its parent, so a row's parent is the nearest row above it one level up
// (levels: municipality, sector, unit, by which key fields are set), and every partition is
// a row and its child rows.
//
// With `by` given, the rows are nodes of one tree level L (the deepest of `by`: none,
// municipality, sector or unit) and, when `by` has category, of one category each. The nodes
// are every (tree node of level 0..L above a row) × (the row's category, and all categories);
// the total row is (everything, all categories), a node that is not a row is a margin. The
// partitions: each node = Σ its child nodes one tree level down (same category), and each
// all-categories node = Σ its categories; every level up to the total row has one, also where
// a node has a single child. Margins are numbered in order of first appearance (walking the
// rows in order, each from level L up), so the same keys give the same lattice. Partitions
// come finest parent first (deepest tree level first, then node order), the total row's last:
// a cell learnt in the same round from below and from above is then credited to the partition
// below, where the engine finds rows to withhold rather than the total row.
[[nodiscard]] RowLattice row_lattice(std::span<const GroupKey> keys, std::span<const Dimension> by);

// The same for a table of `shape` given as such (the total row is never read as a node tree).
[[nodiscard]] RowLattice shaped_row_lattice(std::span<const GroupKey> keys, TableShape shape);

}  // namespace kompetent::privacy::detail
