// Internal to the suppression engine: what an attacker works out from a
// CellTable by subtraction. Starting from the cells it knows (round 0), round
// r learns the one unknown cell of every constraint whose other cells were
// known after round r − 1; a cell learnt by several constraints in its round
// is credited to the lowest-index one. This is the same as
//   round(x) = 1 + min over constraints c ∋ x of max over y ∈ c, y ≠ x, of round(y)
// so it is computed Dijkstra-style, by increasing round.
//
// forget() removes cells from the known start and updates the result without
// starting over: only cells whose derivation went through a forgotten cell
// can change (every other cell keeps its round and constraint, because
// knowledge only shrinks), so the engine can afford one update per
// suppressed cell on tables of tens of thousands of cells.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <queue>
#include <span>
#include <utility>
#include <vector>

#include "core/privacy/cell_suppression.h"

namespace kompetent::privacy::detail {

inline constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

class Derivation {
 public:
  // Builds the incidence of `table` (which must outlive this object) and derives everything
  // from the cells with `initially_known[cell]`.
  Derivation(const CellTable& table, const std::vector<bool>& initially_known);

  // `cells` are known no longer from the start (cells that were not are ignored). Re-derives,
  // and returns every cell whose knowledge may have changed.
  [[nodiscard]] std::vector<std::size_t> forget(std::span<const std::size_t> cells);

  [[nodiscard]] bool known(std::size_t cell) const noexcept { return round_[cell] != kUnknown; }
  // Known, but not from the start.
  [[nodiscard]] bool derived(std::size_t cell) const noexcept {
    return round_[cell] != kUnknown && round_[cell] > 0;
  }
  // 0 for the cells known from the start, then the round a cell was learnt in. Precondition:
  // known(cell).
  [[nodiscard]] std::uint32_t round(std::size_t cell) const noexcept { return round_[cell]; }
  // The constraint `cell` was learnt by. Precondition: derived(cell).
  [[nodiscard]] std::size_t learnt_by(std::size_t cell) const noexcept { return learnt_by_[cell]; }
  // The cells of a constraint, total first, each once.
  [[nodiscard]] std::span<const std::size_t> cells_of(std::size_t constraint) const noexcept {
    return constraint_cells_.of(constraint);
  }

  // Everything that follows from `known` alone (one unknown per constraint at a time, to a fixed
  // point), over the same constraints; independent of what this derivation knows.
  [[nodiscard]] std::vector<bool> closure(std::vector<bool> known) const;

 private:
  static constexpr std::uint32_t kUnknown = std::numeric_limits<std::uint32_t>::max();
  using Entry = std::pair<std::uint32_t, std::size_t>;  // (round, constraint)

  // Lists of indices, one per key, in two flat arrays: tables have tens of thousands of
  // constraints, and a vector each made building and freeing them the larger part of the cost.
  struct Incidence {
    std::vector<std::size_t> begin;  // per key, then one past the end
    std::vector<std::size_t> items;
    [[nodiscard]] std::span<const std::size_t> of(std::size_t key) const noexcept {
      return {items.data() + begin[key], items.data() + begin[key + 1]};
    }
  };

  void push_if_single_unknown(std::size_t constraint);
  void run();

  Incidence constraint_cells_;
  Incidence cell_constraints_;
  std::vector<std::uint32_t> round_;          // per cell
  std::vector<std::size_t> learnt_by_;        // per cell, when derived
  std::vector<std::size_t> learns_;           // per constraint: the cell it derived, or kNone
  std::vector<std::uint32_t> unknown_count_;  // per constraint
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue_;
};

}  // namespace kompetent::privacy::detail
