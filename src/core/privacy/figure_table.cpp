#include "core/privacy/figure_table.h"

#include <algorithm>

namespace kompetent::privacy::detail {
namespace {

std::vector<std::size_t> mapped(std::span<const std::size_t> slots,
                                const std::vector<std::size_t>& cells) {
  std::vector<std::size_t> out;
  out.reserve(slots.size());
  for (const std::size_t slot : slots) out.push_back(cells[slot]);
  return out;
}

}  // namespace

FigureTable build_figure_table(const RowLayout& layout,
                               std::span<const std::vector<std::int64_t>> values,
                               const RowLattice& lattice) {
  const std::size_t slot_count = layout.slots.size();
  FigureTable out;
  CellTable& table = out.table;
  out.cells.resize(lattice.rows);

  for (std::size_t row = 0; row < lattice.rows; ++row) {
    std::vector<std::size_t>& cells = out.cells[row];
    cells.assign(slot_count, 0);
    std::vector<bool> aliased(slot_count, false);
    for (const SlotAlias& alias : layout.aliases) {
      aliased[alias.slot] = values[row][alias.slot] == values[row][alias.same_as];
    }
    for (std::size_t slot = 0; slot < slot_count; ++slot) {
      if (aliased[slot]) continue;
      cells[slot] = table.cells.size();
      table.cells.push_back({values[row][slot], layout.slots[slot]});
    }
    for (const SlotAlias& alias : layout.aliases) {
      if (aliased[alias.slot]) cells[alias.slot] = cells[alias.same_as];
    }
  }

  // Margins: the sum of their rows, per slot. Never suppressed, and never sensitive: a margin
  // is protected by the query that shows it.
  std::vector<std::vector<std::size_t>> margin_cells(lattice.margin_rows.size());
  for (std::size_t margin = 0; margin < lattice.margin_rows.size(); ++margin) {
    for (std::size_t slot = 0; slot < slot_count; ++slot) {
      std::int64_t sum = 0;
      for (const std::size_t row : lattice.margin_rows[margin]) sum += values[row][slot];
      margin_cells[margin].push_back(table.cells.size());
      table.cells.push_back({sum, CellKind::external});
    }
  }
  const auto cells_of = [&](std::size_t node) -> const std::vector<std::size_t>& {
    return node < lattice.rows ? out.cells[node] : margin_cells[node - lattice.rows];
  };

  for (std::size_t row = 0; row < lattice.rows; ++row) {
    for (const SlotConstraint& c : layout.constraints) {
      table.constraints.push_back({out.cells[row][c.total], mapped(c.parts, out.cells[row])});
    }
  }
  for (const Partition& partition : lattice.partitions) {
    // A margin with one part shows exactly that part, in its own query, which protects it;
    // nothing withheld here could hide what the margin shows.
    if (partition.parent >= lattice.rows && partition.children.size() == 1) continue;
    const std::vector<std::size_t>& parent = cells_of(partition.parent);
    for (std::size_t slot = 0; slot < slot_count; ++slot) {
      if (layout.slots[slot] != CellKind::published) continue;
      Constraint c{parent[slot], {}};
      for (const std::size_t child : partition.children) c.parts.push_back(cells_of(child)[slot]);
      table.constraints.push_back(std::move(c));
    }
  }

  for (std::size_t row = 0; row < lattice.rows; ++row) {
    std::vector<std::size_t> row_cells = out.cells[row];
    std::sort(row_cells.begin(), row_cells.end());
    row_cells.erase(std::unique(row_cells.begin(), row_cells.end()), row_cells.end());
    for (const std::size_t anchor : layout.anchors) {
      const std::size_t anchor_cell = out.cells[row][anchor];
      CellGroup group{anchor_cell, {}};
      for (const std::size_t cell : row_cells) {
        if (cell != anchor_cell) group.members.push_back(cell);
      }
      table.groups.push_back(std::move(group));
    }
    for (const SlotGroup& g : layout.groups) {
      table.groups.push_back({out.cells[row][g.anchor], mapped(g.members, out.cells[row])});
    }
  }
  return out;
}

}  // namespace kompetent::privacy::detail
