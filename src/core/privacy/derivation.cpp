#include "core/privacy/derivation.h"

#include <algorithm>

namespace kompetent::privacy::detail {

Derivation::Derivation(const CellTable& table, const std::vector<bool>& initially_known)
    : constraint_cells_(table.constraints.size()),
      cell_constraints_(table.cells.size()),
      round_(table.cells.size(), kUnknown),
      learnt_by_(table.cells.size(), kNone),
      learns_(table.constraints.size(), kNone),
      unknown_count_(table.constraints.size(), 0) {
  for (std::size_t c = 0; c < table.constraints.size(); ++c) {
    std::vector<std::size_t>& cells = constraint_cells_[c];
    cells.push_back(table.constraints[c].total);
    for (const std::size_t part : table.constraints[c].parts) {
      // A cell listed twice is still one unknown.
      if (std::find(cells.begin(), cells.end(), part) == cells.end()) cells.push_back(part);
    }
    for (const std::size_t cell : cells) cell_constraints_[cell].push_back(c);
  }
  for (std::size_t cell = 0; cell < round_.size(); ++cell) {
    if (initially_known[cell]) round_[cell] = 0;
  }
  for (std::size_t c = 0; c < constraint_cells_.size(); ++c) {
    for (const std::size_t cell : constraint_cells_[c]) unknown_count_[c] += !known(cell);
    push_if_single_unknown(c);
  }
  run();
}

void Derivation::push_if_single_unknown(std::size_t constraint) {
  if (unknown_count_[constraint] != 1) return;
  std::uint32_t latest = 0;
  for (const std::size_t cell : constraint_cells_[constraint]) {
    if (known(cell)) latest = std::max(latest, round_[cell]);
  }
  queue_.push({latest + 1, constraint});
}

void Derivation::run() {
  // Entries pop by (round, constraint), so the first to reach a cell is its
  // earliest round and, within it, the lowest-index constraint.
  while (!queue_.empty()) {
    const auto [round, constraint] = queue_.top();
    queue_.pop();
    if (unknown_count_[constraint] != 1) continue;  // its cell was learnt another way
    std::size_t learnt = kNone;
    for (const std::size_t cell : constraint_cells_[constraint]) {
      if (!known(cell)) learnt = cell;
    }
    round_[learnt] = round;
    learnt_by_[learnt] = constraint;
    learns_[constraint] = learnt;
    for (const std::size_t c : cell_constraints_[learnt]) {
      --unknown_count_[c];
      push_if_single_unknown(c);
    }
  }
}

std::vector<std::size_t> Derivation::forget(std::span<const std::size_t> cells) {
  // Everything whose derivation went through a forgotten cell, transitively.
  std::vector<std::size_t> lost;
  std::vector<bool> is_lost(round_.size(), false);
  for (const std::size_t cell : cells) {
    if (round_[cell] == 0 && !is_lost[cell]) {
      is_lost[cell] = true;
      lost.push_back(cell);
    }
  }
  for (std::size_t next = 0; next < lost.size(); ++next) {
    for (const std::size_t c : cell_constraints_[lost[next]]) {
      const std::size_t dependent = learns_[c];
      if (dependent != kNone && dependent != lost[next] && !is_lost[dependent]) {
        is_lost[dependent] = true;
        lost.push_back(dependent);
      }
    }
  }

  for (const std::size_t cell : lost) {
    if (round_[cell] > 0) learns_[learnt_by_[cell]] = kNone;
    round_[cell] = kUnknown;
    learnt_by_[cell] = kNone;
    for (const std::size_t c : cell_constraints_[cell]) ++unknown_count_[c];
  }
  // Only constraints around the lost cells can have become single-unknown; the others were
  // exhausted before (0 or at least 2 unknowns) and still are.
  for (const std::size_t cell : lost) {
    for (const std::size_t c : cell_constraints_[cell]) push_if_single_unknown(c);
  }
  run();
  return lost;
}

}  // namespace kompetent::privacy::detail
