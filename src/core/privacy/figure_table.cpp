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

bool withheld_at(const SlotMask& mask, std::size_t node, std::size_t slot) {
  return node < mask.size() && !mask[node].empty() && mask[node][slot];
}

}  // namespace

FigureTable build_figure_table(const RowLayout& layout,
                               std::span<const std::vector<std::int64_t>> values,
                               const RowLattice& lattice, const WithheldElsewhere& elsewhere) {
  const std::size_t slot_count = layout.slots.size();
  const std::size_t margin_count = lattice.margin_rows.size();
  FigureTable out;
  CellTable& table = out.table;

  // Margins: the sum of their rows, per slot.
  std::vector<std::vector<std::int64_t>> margin_values(margin_count);
  for (std::size_t margin = 0; margin < margin_count; ++margin) {
    margin_values[margin].assign(slot_count, 0);
    for (const std::size_t row : lattice.margin_rows[margin]) {
      for (std::size_t slot = 0; slot < slot_count; ++slot) {
        margin_values[margin][slot] += values[row][slot];
      }
    }
  }
  const auto values_of = [&](std::size_t node) -> const std::vector<std::int64_t>& {
    return node < lattice.rows ? values[node] : margin_values[node - lattice.rows];
  };

  // Rows, then margins: one block of cells each, laid out alike.
  std::vector<std::vector<std::size_t>> node_cells(lattice.rows + margin_count);
  for (std::size_t node = 0; node < node_cells.size(); ++node) {
    const bool is_row = node < lattice.rows;
    const std::vector<std::int64_t>& node_values = values_of(node);
    std::vector<std::size_t>& cells = node_cells[node];
    cells.assign(slot_count, 0);
    std::vector<bool> aliased(slot_count, false);
    for (const SlotAlias& alias : layout.aliases) {
      aliased[alias.slot] = node_values[alias.slot] == node_values[alias.same_as];
    }
    for (std::size_t slot = 0; slot < slot_count; ++slot) {
      if (aliased[slot]) continue;
      const bool withheld = is_row ? withheld_at(elsewhere.rows, node, slot)
                                   : withheld_at(elsewhere.margins, node - lattice.rows, slot);
      Cell cell{node_values[slot], layout.slots[slot], withheld};
      // What the margin's own query shows is known; what it withholds is not, and must not
      // become so through this table.
      if (!is_row && cell.kind == CellKind::published) {
        cell.kind = withheld ? CellKind::hidden : CellKind::external;
      }
      cells[slot] = table.cells.size();
      table.cells.push_back(cell);
    }
    for (const SlotAlias& alias : layout.aliases) {
      if (aliased[alias.slot]) cells[alias.slot] = cells[alias.same_as];
    }
  }

  // A sum of cells that are all known teaches the attacker nothing: left out, which keeps the
  // many margins that coarser queries show whole from costing derivation time.
  const auto add = [&](Constraint c) {
    const auto external = [&](std::size_t cell) {
      return table.cells[cell].kind == CellKind::external;
    };
    if (external(c.total) && std::all_of(c.parts.begin(), c.parts.end(), external)) return;
    table.constraints.push_back(std::move(c));
  };
  for (const std::vector<std::size_t>& cells : node_cells) {
    for (const SlotConstraint& c : layout.constraints)
      add({cells[c.total], mapped(c.parts, cells)});
  }
  for (const Partition& partition : lattice.partitions) {
    const std::vector<std::size_t>& parent = node_cells[partition.parent];
    for (std::size_t slot = 0; slot < slot_count; ++slot) {
      if (layout.slots[slot] != CellKind::published) continue;
      Constraint c{parent[slot], {}};
      for (const std::size_t child : partition.children) c.parts.push_back(node_cells[child][slot]);
      add(std::move(c));
    }
  }

  for (std::size_t row = 0; row < lattice.rows; ++row) {
    const std::vector<std::size_t>& cells = node_cells[row];
    std::vector<std::size_t> row_cells = cells;
    std::sort(row_cells.begin(), row_cells.end());
    row_cells.erase(std::unique(row_cells.begin(), row_cells.end()), row_cells.end());
    for (const std::size_t anchor : layout.anchors) {
      CellGroup group{cells[anchor], {}};
      for (const std::size_t cell : row_cells) {
        if (cell != cells[anchor]) group.members.push_back(cell);
      }
      table.groups.push_back(std::move(group));
    }
    for (const SlotGroup& g : layout.groups) {
      table.groups.push_back({cells[g.anchor], mapped(g.members, cells)});
    }
  }

  node_cells.resize(lattice.rows);
  out.cells = std::move(node_cells);
  return out;
}

}  // namespace kompetent::privacy::detail
