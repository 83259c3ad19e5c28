#include "core/privacy/derivation.h"

#include <algorithm>

namespace kompetent::privacy::detail {

Derivation::Derivation(const CellTable& table, const std::vector<bool>& initially_known)
    : round_(table.cells.size(), kUnknown),
      learnt_by_(table.cells.size(), kNone),
      learns_(table.constraints.size(), kNone),
      unknown_count_(table.constraints.size(), 0) {
  const std::size_t constraint_count = table.constraints.size();
  const std::size_t cell_count = table.cells.size();
  std::vector<std::size_t>& begin = constraint_cells_.begin;
  std::vector<std::size_t>& items = constraint_cells_.items;
  begin.reserve(constraint_count + 1);
  for (std::size_t c = 0; c < constraint_count; ++c) {
    begin.push_back(items.size());
    items.push_back(table.constraints[c].total);
    for (const std::size_t part : table.constraints[c].parts) {
      // A cell listed twice is still one unknown.
      if (std::find(items.begin() + static_cast<std::ptrdiff_t>(begin.back()), items.end(), part) ==
          items.end()) {
        items.push_back(part);
      }
    }
  }
  begin.push_back(items.size());

  // The transpose, by counting.
  std::vector<std::size_t>& cell_begin = cell_constraints_.begin;
  cell_begin.assign(cell_count + 1, 0);
  for (const std::size_t cell : items) ++cell_begin[cell + 1];
  for (std::size_t cell = 0; cell < cell_count; ++cell) cell_begin[cell + 1] += cell_begin[cell];
  cell_constraints_.items.resize(items.size());
  std::vector<std::size_t> next(cell_begin.begin(), cell_begin.end() - 1);
  for (std::size_t c = 0; c < constraint_count; ++c) {
    for (const std::size_t cell : constraint_cells_.of(c))
      cell_constraints_.items[next[cell]++] = c;
  }

  for (std::size_t cell = 0; cell < round_.size(); ++cell) {
    if (initially_known[cell]) round_[cell] = 0;
  }
  for (std::size_t c = 0; c < constraint_count; ++c) {
    for (const std::size_t cell : constraint_cells_.of(c)) unknown_count_[c] += !known(cell);
    push_if_single_unknown(c);
  }
  run();
}

std::vector<bool> Derivation::closure(std::vector<bool> known) const {
  std::vector<std::uint32_t> unknown(unknown_count_.size(), 0);
  std::vector<std::size_t> single;
  for (std::size_t c = 0; c < unknown.size(); ++c) {
    for (const std::size_t cell : constraint_cells_.of(c)) unknown[c] += !known[cell];
    if (unknown[c] == 1) single.push_back(c);
  }
  while (!single.empty()) {
    const std::size_t c = single.back();
    single.pop_back();
    if (unknown[c] != 1) continue;
    for (const std::size_t cell : constraint_cells_.of(c)) {
      if (known[cell]) continue;
      known[cell] = true;
      for (const std::size_t other : cell_constraints_.of(cell)) {
        if (--unknown[other] == 1) single.push_back(other);
      }
    }
  }
  return known;
}

void Derivation::push_if_single_unknown(std::size_t constraint) {
  if (unknown_count_[constraint] != 1) return;
  std::uint32_t latest = 0;
  for (const std::size_t cell : constraint_cells_.of(constraint)) {
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
    for (const std::size_t cell : constraint_cells_.of(constraint)) {
      if (!known(cell)) learnt = cell;
    }
    round_[learnt] = round;
    learnt_by_[learnt] = constraint;
    learns_[constraint] = learnt;
    for (const std::size_t c : cell_constraints_.of(learnt)) {
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
    for (const std::size_t c : cell_constraints_.of(lost[next])) {
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
    for (const std::size_t c : cell_constraints_.of(cell)) ++unknown_count_[c];
  }
  // Only constraints around the lost cells can have become single-unknown; the others were
  // exhausted before (0 or at least 2 unknowns) and still are.
  for (const std::size_t cell : lost) {
    for (const std::size_t c : cell_constraints_.of(cell)) push_if_single_unknown(c);
  }
  run();
  return lost;
}

}  // namespace kompetent::privacy::detail
