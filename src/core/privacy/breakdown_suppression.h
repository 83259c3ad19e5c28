// Internal to indicator_suppression: the suppression of one breakdown, made
// consistent with the coarser breakdowns of the same positions. A table by
// unit has margins (sectors, municipalities) that the tables by sector and by
// municipality show, or withhold; what they show, an attacker knows, and what
// they withhold, this table must not give away. So the coarser tables are
// suppressed first, coarsest first, each the same way (recursively: the
// result for a coarser table is what its own query gives), and each margin
// takes its kind from the table that has it as a row (figure_table.h). See
// docs/privacy.md ("Consistency across levels").
//
//   SlotMask withheld = suppress_breakdown(layout, keys, values, by, rules);
//   if (withheld[row][slot]) ...  // show ":"
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/indicators/breakdown.h"
#include "core/privacy/cell_suppression.h"
#include "core/privacy/figure_table.h"

namespace kompetent::privacy::detail {

// Per row of `keys`, per slot of `layout`: withheld. `keys` and `values` are the rows of
// breakdown(…, by, …) (or of node_breakdown() with `by` empty, which is one table of every
// level and has no margins). With `by` of tree level L and category C, the tables of every
// level 0..L, with and without category when C, are suppressed in that order, each from the
// sums of these rows (coarser_rows.h), and each one's margins and total row take what the
// tables before it withheld. Deterministic; never fails.
[[nodiscard]] SlotMask suppress_breakdown(const RowLayout& layout, std::span<const GroupKey> keys,
                                          std::span<const std::vector<std::int64_t>> values,
                                          std::span<const Dimension> by,
                                          const SuppressionRules& rules);

}  // namespace kompetent::privacy::detail
