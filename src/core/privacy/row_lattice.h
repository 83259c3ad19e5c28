// Internal to indicator_suppression: which rows of a breakdown add up to which
// totals, so that suppression can see what subtraction would reveal. The nodes
// are the rows and the margins: totals that are not rows of this table but
// that other queries show (a sector when grouping by unit; a municipality, or
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
  std::vector<Partition> partitions;  // by parent node; per parent, tree split then category split
  bool operator==(const RowLattice&) const = default;
};

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
// all-categories node = Σ its categories. Margins are numbered in order of first appearance
// (walking the rows in order, each from level L up), so the same keys give the same lattice.
[[nodiscard]] RowLattice row_lattice(std::span<const GroupKey> keys, std::span<const Dimension> by);

}  // namespace kompetent::privacy::detail
