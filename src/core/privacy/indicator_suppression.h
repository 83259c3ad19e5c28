// Small-group suppression of indicator tables, for aggregate-only views and
// their exports: which figures of each breakdown row must be withheld. The
// rows become one CellTable (figure_table.h) and go through suppress(); the
// cells, constraints and margins are described in docs/privacy.md.
//
//   const Dimension by[] = {Dimension::municipality};
//   auto rows = breakdown(view, by, filter);
//   auto masks = suppress_indicator_rows(rows, by, rules);  // masks[i] belongs to rows[i]
//   if (masks[i].row) show ":" for every figure of rows[i];
#pragma once

#include <array>
#include <span>
#include <vector>

#include "core/indicators/breakdown.h"
#include "core/privacy/cell_suppression.h"

namespace kompetent::privacy {

// Which figures of one IndicatorRow are withheld. true = suppressed (not shown, also not in
// exports).
struct IndicatorMask {
  bool row = false;  // the whole row: persons, positions, FTE, averages and every figure below
  bool under_25 = false, aged_50_plus = false, aged_60_plus = false, part_time = false,
       small_positions = false, unskilled = false, relevant_education = false,
       further_education = false, aged_50_plus_among_further_educated = false, female = false,
       male = false, other_or_unknown_gender = false;
  std::array<bool, kAgeBandCount> age_bands{};
  std::array<bool, kRetirementYears> retirements{};  // count and FTE of that year
  std::array<std::array<bool, kAgeBandCount>, kGenderGroupCount> age_pyramid{};  // [gender group][band]
  std::array<bool, kPositionSizeBandCount> position_size_bands{};
  bool operator==(const IndicatorMask&) const = default;
};

// One mask per row of `rows`, which are exactly what breakdown(…, by, …) returned, or what
// node_breakdown() returned with `by` empty. A row with fewer than rules.k persons is withheld
// whole, a share with 1 to k − 1 persons on either side is withheld, and so is anything from
// which a withheld figure could be worked out (within the row, from the table's total, or from
// the totals that the coarser queries show). The coarser queries (a higher tree level, or no
// category, with the same filter) are suppressed first, the same way, from the sums of these
// rows; what they withhold of this table's totals cannot be worked out from it either, and the
// total row withholds at least what they withhold of theirs. When a row is withheld every flag
// of its mask is set. Never fails; the same rows always give the same masks.
[[nodiscard]] std::vector<IndicatorMask> suppress_indicator_rows(std::span<const IndicatorRow> rows,
                                                                 std::span<const Dimension> by,
                                                                 const SuppressionRules& rules);

struct TurnoverMask {
  bool row = false;  // persons before and after, and everything below
  bool joiners = false;
  bool leavers = false;
  bool turnover = false;
  bool operator==(const TurnoverMask&) const = default;
};

// The same for turnover_breakdown() rows. A row is withheld whole when persons before or
// after is 1 to k − 1; turnover (leavers of persons before) goes with leavers.
[[nodiscard]] std::vector<TurnoverMask> suppress_turnover_rows(std::span<const TurnoverRow> rows,
                                                               std::span<const Dimension> by,
                                                               const SuppressionRules& rules);

}  // namespace kompetent::privacy
