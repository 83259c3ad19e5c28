// The suppression engine: hand-worked tables for each rule of
// cell_suppression.h, and on random tables (a) an independent closure checker
// that no suppressed or sensitive cell can be worked out unless the engine
// says so, and (b) a slow engine written straight from the rules, restarting
// the derivation after every suppression, which must agree cell for cell with
// the incremental one.
#include "core/privacy/cell_suppression.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace kompetent::privacy {
namespace {

constexpr CellKind kPublished = CellKind::published;
constexpr CellKind kHidden = CellKind::hidden;
constexpr CellKind kExternal = CellKind::external;
constexpr Reason N = Reason::none;
constexpr Reason P = Reason::primary;
constexpr Reason S = Reason::secondary;
constexpr Reason G = Reason::group;

std::vector<Cell> published(std::initializer_list<std::int64_t> values) {
  std::vector<Cell> cells;
  for (const std::int64_t value : values) cells.push_back({value, kPublished});
  return cells;
}

TEST(SuppressionRules, RefusesGroupsBelowThree) {
  const Status two = validate_rules({.k = 2});
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.error(), Error::invalid("min_group_too_small", {"3"}));
  EXPECT_TRUE(validate_rules({.k = 3}).ok());
  EXPECT_TRUE(validate_rules({.k = 5}).ok());
}

TEST(CellSuppression, RegionOfThreeMunicipalities) {
  // region 30 = a 4 + b 12 + c 14: a is primary; a = 30 − 12 − 14, so the smallest other part goes.
  const CellTable table{published({30, 4, 12, 14}), {{0, {1, 2, 3}}}, {}};
  const SuppressionResult result = suppress(table, {.k = 5});
  EXPECT_EQ(result.reason, (std::vector<Reason>{N, P, S, N}));
  EXPECT_TRUE(result.unprotected.empty());
  EXPECT_TRUE(result.suppressed(2));
  EXPECT_FALSE(result.suppressed(3));
}

TEST(CellSuppression, ExactlyKIsShownAndKMinusOneIsNot) {
  // 10 = 5 + 5 and 9 = 4 + 5: only the 4 is small; then the 5 beside it goes.
  const CellTable table{published({10, 5, 5, 9, 4, 5}), {{0, {1, 2}}, {3, {4, 5}}}, {}};
  EXPECT_EQ(suppress(table, {.k = 5}).reason, (std::vector<Reason>{N, N, N, N, P, S}));
}

TEST(CellSuppression, KThreeShowsWhatKFiveHides) {
  // 20 = 3 + 4 + 13: k = 5 hides 3 and 4 (two unknowns, nothing more needed); k = 3 shows all.
  const CellTable table{published({20, 3, 4, 13}), {{0, {1, 2, 3}}}, {}};
  EXPECT_EQ(suppress(table, {.k = 5}).reason, (std::vector<Reason>{N, P, P, N}));
  EXPECT_EQ(suppress(table, {.k = 3}).reason, (std::vector<Reason>{N, N, N, N}));
  // 20 = 2 + 5 + 13 with k = 3: 2 is small, 5 is the smallest other part.
  const CellTable other{published({20, 2, 5, 13}), {{0, {1, 2, 3}}}, {}};
  EXPECT_EQ(suppress(other, {.k = 3}).reason, (std::vector<Reason>{N, P, S, N}));
  // k below 3 counts as 3: 2 is still hidden.
  EXPECT_EQ(suppress(other, {.k = 1}).reason, (std::vector<Reason>{N, P, S, N}));
}

TEST(CellSuppression, ZeroIsNotSensitiveButPositivePartsArePreferred) {
  // 12 = 0 + 2 + 10: 0 is shown; 2 is primary, and 10 (not the 0) is its complement.
  const CellTable table{published({12, 0, 2, 10}), {{0, {1, 2, 3}}}, {}};
  EXPECT_EQ(suppress(table, {.k = 5}).reason, (std::vector<Reason>{N, N, P, S}));
  // 2 = 0 + 2: the total is small too, so two cells are unknown and the 0 stays.
  const CellTable small_total{published({2, 0, 2}), {{0, {1, 2}}}, {}};
  EXPECT_EQ(suppress(small_total, {.k = 5}).reason, (std::vector<Reason>{P, N, P}));
  // 8 (known) = 0 + 3 + 5 (known): no part above 0 is shown, so the 0 goes.
  const CellTable zero_part{
      {{8, kExternal}, {0, kPublished}, {3, kPublished}, {5, kExternal}}, {{0, {1, 2, 3}}}, {}};
  EXPECT_EQ(suppress(zero_part, {.k = 5}).reason, (std::vector<Reason>{N, S, P, N}));
}

TEST(CellSuppression, TiesGoToTheLowestIndex) {
  const CellTable table{published({22, 2, 10, 10}), {{0, {1, 2, 3}}}, {}};
  EXPECT_EQ(suppress(table, {.k = 5}).reason, (std::vector<Reason>{N, P, S, N}));
}

TEST(CellSuppression, TotalGoesWhenNoPartCan) {
  // total 9 = a 4 (small) + b 5 (external): only the total is left to withhold.
  const CellTable table{{{9, kPublished}, {4, kPublished}, {5, kExternal}}, {{0, {1, 2}}}, {}};
  EXPECT_EQ(suppress(table, {.k = 5}).reason, (std::vector<Reason>{S, P, N}));
}

TEST(CellSuppression, HiddenComplementOfAShare) {
  // 18 part-time of 20 persons: the 2 full-time (hidden) are 20 − 18, so 18 goes.
  const CellTable table{{{20, kPublished}, {18, kPublished}, {2, kHidden}}, {{0, {1, 2}}}, {}};
  const SuppressionResult result = suppress(table, {.k = 5});
  EXPECT_EQ(result.reason, (std::vector<Reason>{N, S, N}));
  EXPECT_TRUE(result.unprotected.empty());
}

TEST(CellSuppression, UnprotectedWhenOnlyExternalCellsRemain) {
  // A known margin of 3 with one part: the part is primary, yet equals the margin.
  const CellTable table{{{3, kExternal}, {3, kPublished}}, {{0, {1}}}, {}};
  const SuppressionResult result = suppress(table, {.k = 5});
  EXPECT_EQ(result.reason, (std::vector<Reason>{N, P}));
  EXPECT_EQ(result.unprotected, (std::vector<std::size_t>{1}));
}

TEST(CellSuppression, GroupsSuppressWholeRowsAndChain) {
  // Rows: [0 persons 3 | 1 female 1 | 2 male 2] and [3 persons 20 | 4 female 10 | 5 male 10],
  // with a second group anchored on 4 taking 5. Row 1 is small; nothing joins the rows.
  CellTable table{published({3, 1, 2, 20, 10, 10}), {}, {{0, {1, 2}}, {3, {4}}, {4, {5}}}};
  SuppressionResult result = suppress(table, {.k = 5});
  EXPECT_EQ(result.reason, (std::vector<Reason>{P, P, P, N, N, N}));
  // A row of 4 with a female count of 0: the 0 goes with its row (group), not on its own.
  table.cells = published({4, 0, 4, 20, 10, 10});
  result = suppress(table, {.k = 5});
  EXPECT_EQ(result.reason, (std::vector<Reason>{P, G, P, N, N, N}));
  // A chain: anchor 3 is small, 4 goes with it, then 5 with 4.
  table.cells = {{20, kPublished}, {10, kPublished}, {10, kPublished},
                 {2, kPublished},  {8, kPublished},  {8, kPublished}};
  result = suppress(table, {.k = 5});
  EXPECT_EQ(result.reason, (std::vector<Reason>{N, N, N, P, G, G}));
}

TEST(CellSuppression, HiddenMembersAreSuppressedWithTheirRowAndExternalOnesNot) {
  // Row [0 persons 4 | 1 hidden 0 | 2 external 9]; the hidden 0 must then not be derivable:
  // 3 (margin, external) = 1 + 4 (a shown 6) → the 6 goes.
  const CellTable table{
      {{4, kPublished}, {0, kHidden}, {9, kExternal}, {6, kExternal}, {6, kPublished}},
      {{3, {1, 4}}},
      {{0, {1, 2}}}};
  const SuppressionResult result = suppress(table, {.k = 5});
  EXPECT_EQ(result.reason, (std::vector<Reason>{P, G, N, N, S}));
}

TEST(CellSuppression, SecondaryCascadesAcrossTwoDimensions) {
  // Municipality × category, margins known (external):
  //            cat A   cat B  | margin
  //   muni 1     3      10    |  13
  //   muni 2     7       8    |  15
  //   margin    10      18
  // Cells: 0 m1A, 1 m1B, 2 m2A, 3 m2B, 4 m1 total, 5 m2 total, 6 A total, 7 B total.
  std::vector<Cell> cells = published({3, 10, 7, 8});
  for (const std::int64_t margin : {13, 15, 10, 18}) cells.push_back({margin, kExternal});
  const CellTable table{cells, {{4, {0, 1}}, {5, {2, 3}}, {6, {0, 2}}, {7, {1, 3}}}, {}};
  // 3 is primary. Round 1 learns it from row 1 (constraint 0): the 10 beside it goes. Then
  // column A (constraint 2) gives it: 7 goes. Now the 10 (18 − 8) and the 7 (15 − 8) are learnt
  // in round 1 and the 3 only in round 2: the 10 is repaired first, in column B: 8 goes. Every
  // constraint now has two unknowns.
  const SuppressionResult result = suppress(table, {.k = 5});
  EXPECT_EQ(result.reason, (std::vector<Reason>{P, S, S, S, N, N, N, N}));
  EXPECT_TRUE(result.unprotected.empty());
}

TEST(CellSuppression, FollowsHiddenDerivedCellsToWhereTheyCameFrom) {
  // Cells: 0 total 30 (external), 1 a 2 (published, sensitive), 2 h (hidden, 28),
  //        3 d 40 (published), 4 e 12 (published).
  // Constraint 0: total = a + h. Constraint 1: d = h + e.
  // h is learnt in round 1 from constraint 1 (40 − 12); a in round 2 from constraint 0.
  // Constraint 0 has nothing to withhold (total external, h hidden), so the search follows h
  // to constraint 1, whose smallest part above 0 is e.
  const CellTable table{
      {{30, kExternal}, {2, kPublished}, {28, kHidden}, {40, kPublished}, {12, kPublished}},
      {{0, {1, 2}}, {3, {2, 4}}},
      {}};
  const SuppressionResult result = suppress(table, {.k = 5});
  EXPECT_EQ(result.reason, (std::vector<Reason>{N, P, N, N, S}));
  EXPECT_TRUE(result.unprotected.empty());
}

TEST(CellSuppression, CreditsTheEarliestRoundNotTheLowestConstraint) {
  // Cells: 0 t 20, 1 a 2 (small), 2 u 10, 3 b 8, 4 x 18 (hidden), 5 v 26.
  //   constraint 0: t = a + x   → gives a in round 2 (x is learnt in round 1)
  //   constraint 1: u = a + b   → gives a in round 1
  //   constraint 2: v = x + b   → gives x in round 1
  // a is credited to constraint 1 (its earliest round), whose part b goes; that also stops
  // constraint 2, so x and with it a stay unknown and t is shown. (Crediting a to constraint 0,
  // the lowest index that could give it, would have withheld t as well.)
  const CellTable table{{{20, kPublished},
                         {2, kPublished},
                         {10, kPublished},
                         {8, kPublished},
                         {18, kHidden},
                         {26, kPublished}},
                        {{0, {1, 4}}, {2, {1, 3}}, {5, {4, 3}}},
                        {}};
  EXPECT_EQ(suppress(table, {.k = 5}).reason, (std::vector<Reason>{N, P, N, S, N, N}));
}

TEST(CellSuppression, RepairsTheEarliestLearntCellFirst) {
  // 0 sector 20 (known) = 1 unit 2 + 2 unit 6 + 3 unit 12, and 4 (known) 11 = 6 + cell 5 (a 5).
  // The 2 is primary and its complement 6 goes. But 11 − 5 gives the 6 back (round 1), and then
  // 20 − 6 − 12 the 2 (round 2). The 6 is repaired first: the 5 goes, and the 2 is safe again.
  // (Repairing the 2 first, the lower index, would have withheld the 12 as well.)
  const CellTable table{{{20, kExternal},
                         {2, kPublished},
                         {6, kPublished},
                         {12, kPublished},
                         {11, kExternal},
                         {5, kPublished}},
                        {{0, {1, 2, 3}}, {4, {2, 5}}},
                        {}};
  EXPECT_EQ(suppress(table, {.k = 5}).reason, (std::vector<Reason>{N, P, S, N, N, S}));
}

TEST(CellSuppression, ConfidentialCellsAreProtectedWhateverTheirValue) {
  // 0 a sector of 20 that the by-sector query withholds (hidden, confidential) = 1 unit 12 +
  // 2 unit 8; 3 a figure of 15 that a coarser query withholds (published, confidential). 12 + 8
  // would give the 20 back, so the smaller unit goes; the 15 goes as if it were small.
  const CellTable table{
      {{20, kHidden, true}, {12, kPublished}, {8, kPublished}, {15, kPublished, true}},
      {{0, {1, 2}}},
      {}};
  EXPECT_EQ(suppress(table, {.k = 5}).reason, (std::vector<Reason>{N, N, S, P}));
  // A confidential 0 = 0 + 0: the first shown 0 goes.
  const CellTable zeros{{{0, kHidden, true}, {0, kPublished}, {0, kPublished}}, {{0, {1, 2}}}, {}};
  EXPECT_EQ(suppress(zeros, {.k = 5}).reason, (std::vector<Reason>{N, S, N}));
  // An external cell is known whatever the flag says: nothing to protect, nothing withheld.
  const CellTable external{
      {{20, kExternal, true}, {12, kPublished}, {8, kPublished}}, {{0, {1, 2}}}, {}};
  EXPECT_EQ(suppress(external, {.k = 5}).reason, (std::vector<Reason>{N, N, N}));
}

TEST(CellSuppression, NeverWithholdsWhatTheExternalCellsDetermine) {
  // 0 municipality 20 (known) = 1 a 3 + 2 b 7 + 3 c 10, and 4 b's sector 7 (known) = 2 b, its
  // only unit. The 3 is primary; b is the smallest complement, but the sector gives it back
  // whatever this table does, so c goes instead.
  const CellTable table{
      {{20, kExternal}, {3, kPublished}, {7, kPublished}, {10, kPublished}, {7, kExternal}},
      {{0, {1, 2, 3}}, {4, {2}}},
      {}};
  const SuppressionResult result = suppress(table, {.k = 5});
  EXPECT_EQ(result.reason, (std::vector<Reason>{N, P, N, S, N}));
  EXPECT_TRUE(result.unprotected.empty());
}

// ---------------------------------------------------------------------------
// Random tables.

// Everything an attacker can work out: known cells, and any constraint with one unknown, to a
// fixed point. Written without rounds or priority queues, to check the engine independently.
std::vector<bool> closure(const CellTable& table, const std::vector<Reason>& reason) {
  std::vector<bool> known(table.cells.size(), false);
  for (std::size_t cell = 0; cell < table.cells.size(); ++cell) {
    known[cell] = table.cells[cell].kind == kExternal ||
                  (table.cells[cell].kind == kPublished && reason[cell] == N);
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const Constraint& c : table.constraints) {
      std::set<std::size_t> unknown;
      if (!known[c.total]) unknown.insert(c.total);
      for (const std::size_t part : c.parts) {
        if (!known[part]) unknown.insert(part);
      }
      if (unknown.size() == 1) {
        known[*unknown.begin()] = true;
        changed = true;
      }
    }
  }
  return known;
}

// The rules of cell_suppression.h, run naively: rounds recomputed from scratch after every
// suppression.
struct NaiveEngine {
  const CellTable& table;
  int k;
  std::vector<Reason> reason;
  std::vector<bool> pinned;     // known from the external cells alone: never a complement
  std::vector<int> round;       // −1 unknown
  std::vector<std::size_t> by;  // constraint a cell was learnt by

  bool sensitive(std::size_t cell) const {
    const Cell& c = table.cells[cell];
    return c.kind != kExternal && (c.confidential || (c.value >= 1 && c.value < k));
  }
  bool shown(std::size_t cell) const {
    return table.cells[cell].kind == kPublished && reason[cell] == N;
  }
  std::set<std::size_t> cells_of(const Constraint& c) const {
    std::set<std::size_t> cells(c.parts.begin(), c.parts.end());
    cells.insert(c.total);
    return cells;
  }
  void groups() {
    for (bool changed = true; changed;) {
      changed = false;
      for (const CellGroup& g : table.groups) {
        if (reason[g.anchor] == N) continue;
        for (const std::size_t m : g.members) {
          if (table.cells[m].kind != kExternal && reason[m] == N) {
            reason[m] = G;
            changed = true;
          }
        }
      }
    }
  }
  void derive() {
    const std::size_t n = table.cells.size();
    round.assign(n, -1);
    by.assign(n, 0);
    for (std::size_t cell = 0; cell < n; ++cell) {
      if (table.cells[cell].kind == kExternal || shown(cell)) round[cell] = 0;
    }
    for (int r = 1;; ++r) {
      std::vector<std::pair<std::size_t, std::size_t>> learnt;  // (cell, constraint)
      for (std::size_t ci = 0; ci < table.constraints.size(); ++ci) {
        std::vector<std::size_t> unknown;
        for (const std::size_t cell : cells_of(table.constraints[ci])) {
          if (round[cell] < 0) unknown.push_back(cell);
        }
        if (unknown.size() == 1) learnt.push_back({unknown[0], ci});
      }
      if (learnt.empty()) return;
      for (const auto& [cell, ci] : learnt) {
        if (round[cell] < 0) {
          round[cell] = r;
          by[cell] = ci;  // constraints are visited in index order, so the first is the lowest
        }
      }
    }
  }
  std::size_t candidate(const Constraint& c) const {
    const auto shown = [&](std::size_t cell) { return this->shown(cell) && !pinned[cell]; };
    std::size_t best = SIZE_MAX;
    for (const std::size_t part : c.parts) {
      if (!shown(part) || table.cells[part].value <= 0) continue;
      if (best == SIZE_MAX || table.cells[part].value < table.cells[best].value ||
          (table.cells[part].value == table.cells[best].value && part < best)) {
        best = part;
      }
    }
    if (best != SIZE_MAX) return best;
    for (const std::size_t part : c.parts) {
      if (shown(part) && table.cells[part].value == 0 && (best == SIZE_MAX || part < best)) {
        best = part;
      }
    }
    if (best != SIZE_MAX) return best;
    return shown(c.total) ? c.total : SIZE_MAX;
  }
  std::size_t search(std::size_t ci, std::set<std::size_t>& visited) const {
    if (!visited.insert(ci).second) return SIZE_MAX;
    const std::size_t found = candidate(table.constraints[ci]);
    if (found != SIZE_MAX) return found;
    for (const std::size_t cell : cells_of(table.constraints[ci])) {  // ascending
      if (table.cells[cell].kind == kHidden && round[cell] > 0) {
        const std::size_t deeper = search(by[cell], visited);
        if (deeper != SIZE_MAX) return deeper;
      }
    }
    return SIZE_MAX;
  }
  SuppressionResult run() {
    pinned = closure(table, std::vector<Reason>(table.cells.size(), S));
    reason.assign(table.cells.size(), N);
    for (std::size_t cell = 0; cell < table.cells.size(); ++cell) {
      if (table.cells[cell].kind == kPublished && sensitive(cell)) reason[cell] = P;
    }
    groups();
    std::set<std::size_t> given_up;
    SuppressionResult result;
    for (;;) {
      derive();
      std::size_t exposed = SIZE_MAX;  // the earliest learnt, then the lowest index
      for (std::size_t cell = 0; cell < table.cells.size(); ++cell) {
        if (round[cell] >= 0 && (sensitive(cell) || reason[cell] != N) && !given_up.count(cell) &&
            (exposed == SIZE_MAX || round[cell] < round[exposed])) {
          exposed = cell;
        }
      }
      if (exposed == SIZE_MAX) break;
      std::set<std::size_t> visited;
      const std::size_t complement = search(by[exposed], visited);
      if (complement == SIZE_MAX) {
        given_up.insert(exposed);
        continue;
      }
      reason[complement] = S;
      groups();
    }
    result.reason = reason;
    for (const std::size_t cell : given_up) {
      if (round[cell] >= 0) result.unprotected.push_back(cell);
    }
    return result;
  }
};

// A table that looks like indicator tables: rows of a few cells grouped under an anchor, some
// hidden complements, margins (published, hidden or external) over runs of rows.
CellTable random_table(std::mt19937& rng) {
  const auto pick = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(rng);
  };
  CellTable table;
  const int rows = pick(1, 9);
  const int width = pick(1, 4);  // cells per row after the anchor
  std::vector<std::vector<std::size_t>> row_cells;
  for (int r = 0; r < rows; ++r) {
    std::vector<std::size_t> cells;
    const std::int64_t anchor = pick(0, 3) == 0 ? pick(1, 6) : pick(1, 40);
    cells.push_back(table.cells.size());
    table.cells.push_back({anchor, kPublished});
    for (int w = 0; w < width; ++w) {
      const std::int64_t n = pick(0, static_cast<int>(anchor));
      cells.push_back(table.cells.size());
      table.cells.push_back({n, kPublished});
      if (pick(0, 1) == 0) {  // a share: anchor = n + hidden complement
        cells.push_back(table.cells.size());
        table.cells.push_back({anchor - n, kHidden});
        table.constraints.push_back({cells[0], {cells[cells.size() - 2], cells.back()}});
      }
    }
    table.groups.push_back({cells[0], {cells.begin() + 1, cells.end()}});
    row_cells.push_back(cells);
  }
  // Margins over runs of rows, per column position.
  for (int margins = pick(0, 3); margins > 0; --margins) {
    const int first = pick(0, rows - 1);
    const int last = pick(first, rows - 1);
    const int roll = pick(0, 2);
    const CellKind kind = roll == 0 ? kPublished : roll == 1 ? kHidden : kExternal;
    // Sometimes a margin that a coarser query withholds: confidential whatever its value.
    const bool confidential = kind != kExternal && pick(0, 3) == 0;
    const std::size_t columns = row_cells[static_cast<std::size_t>(first)].size();
    for (std::size_t col = 0; col < columns; ++col) {
      Constraint c;
      std::int64_t sum = 0;
      for (int r = first; r <= last; ++r) {
        const auto& cells = row_cells[static_cast<std::size_t>(r)];
        if (col >= cells.size()) continue;
        c.parts.push_back(cells[col]);
        sum += table.cells[cells[col]].value;
      }
      c.total = table.cells.size();
      table.cells.push_back({sum, kind, confidential});
      table.constraints.push_back(c);
    }
  }
  return table;
}

TEST(CellSuppression, RandomTablesLeakNothingAndMatchTheNaiveEngine) {
  std::mt19937 rng(20250611);
  int unprotected_tables = 0;
  int secondary_cells = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const CellTable table = random_table(rng);
    const int k = trial % 3 == 0 ? 3 : 5;
    const SuppressionResult result = suppress(table, {.k = k});
    ASSERT_EQ(result.reason.size(), table.cells.size());

    const std::vector<bool> known = closure(table, result.reason);
    const std::set<std::size_t> unprotected(result.unprotected.begin(), result.unprotected.end());
    for (std::size_t cell = 0; cell < table.cells.size(); ++cell) {
      const Cell& c = table.cells[cell];
      const bool sensitive =
          c.kind != kExternal && (c.confidential || (c.value >= 1 && c.value < k));
      if (sensitive && c.kind == kPublished) {
        EXPECT_EQ(result.reason[cell], P) << "trial " << trial << " cell " << cell;
      }
      if (c.kind == kExternal) {
        EXPECT_EQ(result.reason[cell], N);
      }
      if (known[cell] && (sensitive || result.suppressed(cell))) {
        EXPECT_TRUE(unprotected.count(cell)) << "trial " << trial << " cell " << cell;
      }
      secondary_cells += result.reason[cell] == S;
    }
    for (const CellGroup& g : table.groups) {
      if (!result.suppressed(g.anchor)) continue;
      for (const std::size_t m : g.members) {
        if (table.cells[m].kind != kExternal) {
          EXPECT_TRUE(result.suppressed(m));
        }
      }
    }
    unprotected_tables += !result.unprotected.empty();

    NaiveEngine naive{table, k, {}, {}, {}, {}};
    const SuppressionResult expected = naive.run();
    ASSERT_EQ(result.reason, expected.reason) << "trial " << trial;
    ASSERT_EQ(result.unprotected, expected.unprotected) << "trial " << trial;
  }
  // The generator must exercise the interesting paths.
  EXPECT_GT(secondary_cells, 1000);
  EXPECT_GT(unprotected_tables, 10);
}

TEST(CellSuppression, IsDeterministic) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 50; ++trial) {
    const CellTable table = random_table(rng);
    EXPECT_EQ(suppress(table, {}).reason, suppress(table, {}).reason);
  }
}

}  // namespace
}  // namespace kompetent::privacy
