// Small-group suppression over an abstract table of cells: which published
// figures must be withheld so that no group of fewer than k persons can be
// seen or worked out from what is shown. The method and its limits are in
// docs/privacy.md; indicator_suppression.h turns indicator rows into cells.
//
//   CellTable table;            // region 30 = a 4 + b 12 + c 14
//   table.cells = {{30}, {4}, {12}, {14}};
//   table.constraints = {{0, {1, 2, 3}}};
//   SuppressionResult result = suppress(table, {.k = 5});
//   // result.reason: none, primary, secondary, none
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/result.h"

namespace kompetent::privacy {

enum class CellKind {
  // Shown in the response; may be suppressed.
  published,
  // Never shown, but an attacker can derive it from constraints (e.g. the complement d − n of a
  // share).
  hidden,
  // Known to the attacker from elsewhere (a margin another query shows); never suppressed.
  external,
};

// A count of persons (or a sum over persons); never negative.
struct Cell {
  std::int64_t value = 0;
  CellKind kind = CellKind::published;
  // Must be neither shown nor derivable, whatever its value: another query withholds it (a
  // coarser table's secondary suppression), and showing it here would undo that. Treated as
  // sensitive. Ignored for external cells.
  bool confidential = false;
  bool operator==(const Cell&) const = default;
};

// total = sum of parts (all are cell indices). Persons can sit in two groups, so real sums may be
// larger; the engine treats every constraint as exact, which only makes it more careful.
struct Constraint {
  std::size_t total = 0;
  std::vector<std::size_t> parts;
  bool operator==(const Constraint&) const = default;
};

// Suppressing a group's anchor suppresses all its members (a table row is shown whole or not at
// all). External members are never suppressed.
struct CellGroup {
  std::size_t anchor = 0;
  std::vector<std::size_t> members;
  bool operator==(const CellGroup&) const = default;
};

struct CellTable {
  std::vector<Cell> cells;
  std::vector<Constraint> constraints;
  std::vector<CellGroup> groups;
};

// Minimum group size. The server takes it from --min-group.
struct SuppressionRules {
  int k = 5;
};

inline constexpr int kMinimumGroupSize = 3;

// Ok, or invalid "min_group_too_small" {"3"} when k < 3: smaller groups are never shown.
[[nodiscard]] Status validate_rules(const SuppressionRules& rules);

enum class Reason : std::uint8_t {
  none,       // shown (hidden and external cells are not shown anyway)
  primary,    // a group of 1 to k − 1 persons
  secondary,  // withheld so that a suppressed or sensitive cell cannot be worked out
  group,      // its row's anchor is suppressed
};

struct SuppressionResult {
  std::vector<Reason> reason;            // per cell
  std::vector<std::size_t> unprotected;  // sensitive or suppressed cells still derivable; ascending
  [[nodiscard]] bool suppressed(std::size_t cell) const { return reason[cell] != Reason::none; }
};

// Decides which cells to withhold. Never fails, always terminates, and the same table always gives
// the same result. In this order:
//  1. Sensitive: a published or hidden cell with 1 ≤ value ≤ k − 1, or marked confidential.
//     External cells never are.
//  2. Primary: every sensitive published cell. Then groups: when an anchor is suppressed (for any
//     reason), each of its published or hidden members not yet suppressed gets Reason::group.
//  3. Secondary: the attacker knows every published cell not suppressed and every external cell,
//     and learns the one unknown cell of any constraint, in rounds: round r learns what the
//     cells known after round r − 1 determine, each cell by the lowest-index constraint that
//     determines it in that round. No sensitive or suppressed cell may be learnt. While one is:
//     take such a cell learnt in the earliest round (the lowest index of those) and the
//     constraint it was learnt by, and suppress
//     (Reason::secondary, then groups) the first of: the published, unsuppressed part with the
//     smallest value > 0 (lowest index on ties); such a part with value 0; the total if published
//     and unsuppressed. A cell that the external cells alone determine (pinned) is never taken:
//     it stays known whatever is withheld. If the constraint has none, follow its hidden learnt
//     cells (lowest index first) to the constraints they were learnt by, depth first. If nothing
//     can be suppressed, the cell is given up on (not tried again). Then derive again.
//  4. `unprotected` lists the cells given up on that can still be derived at the end (a later
//     suppression, made for another cell, often protects them after all).
// Cell indices in constraints and groups must be < cells.size(). A k below 3 counts as 3.
[[nodiscard]] SuppressionResult suppress(const CellTable& table, const SuppressionRules& rules);

}  // namespace kompetent::privacy
