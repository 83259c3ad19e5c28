// The breakdown engine: the indicators of workforce_indicators.h for every
// group of a snapshot set at once: any node of the organisation tree, any
// category, and their combinations, for one municipality or a whole region.
// It gives exactly the numbers compute_indicators() gives for the records of
// each group (tests/unit/core/breakdown_test.cpp checks this on random data),
// in one linear pass over a prepared WorkforceView. Grouping semantics are in
// docs/indicators.md ("Breakdowns").
//
//   WorkforceView view = WorkforceView::build(members, categories);  // cache this
//   const Dimension by[] = {Dimension::sector, Dimension::category};
//   for (const IndicatorRow& row : breakdown(view, by, {})) show(row.key, row.indicators);
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/indicators/workforce_indicators.h"
#include "core/indicators/workforce_view.h"
#include "core/org/org_tree.h"

namespace kompetent {

// What to group by. The tree dimensions imply their parents: a sector is a
// sector of one municipality, so grouping by sector also groups by
// municipality, and by unit also by sector and municipality.
enum class Dimension { municipality, sector, unit, category };

// The stable key of a dimension ("municipality", "sector", "unit", "category"),
// as the API and the command line spell it, and back (nullopt if unknown).
[[nodiscard]] std::string_view dimension_key(Dimension dimension) noexcept;
[[nodiscard]] std::optional<Dimension> parse_dimension(std::string_view key) noexcept;

// The group a row describes. An empty field means "all" (not grouped by that
// dimension). Positions whose unit is not in the tree are in sector "?"
// (kUnknownOrgCode) under their own unit code.
struct GroupKey {
  std::string municipality;  // kommunenummer
  std::string sector;        // sector code
  std::string unit;          // unit code
  std::string category;      // category key
  bool operator==(const GroupKey&) const = default;
};

struct IndicatorRow {
  GroupKey key;
  WorkforceIndicators indicators;
  bool operator==(const IndicatorRow&) const = default;
};

struct TurnoverRow {
  GroupKey key;
  TurnoverIndicators turnover;
  bool operator==(const TurnoverRow&) const = default;
};

// Which positions count at all. A position passes if it lies under `node`
// (when given) and its category is one of `categories` (when not empty).
struct BreakdownFilter {
  std::optional<NodePath> node;
  std::vector<std::string> categories;
  bool operator==(const BreakdownFilter&) const = default;
};

// First row: the total over every position that passes the filter (key all
// empty; present even when nothing passes). Then, unless `by` is empty, one
// row per combination of the `by` dimensions that has positions, in report
// order: municipality number, sector (tree order), unit (tree order),
// category (table order). Never fails.
[[nodiscard]] std::vector<IndicatorRow> breakdown(const WorkforceView& view,
                                                  std::span<const Dimension> by,
                                                  const BreakdownFilter& filter);

// The same, building the view first: for one-off use. Callers that ask more
// than once about the same snapshots should build and keep the view.
[[nodiscard]] std::vector<IndicatorRow> breakdown(std::span<const MunicipalityWorkforce> members,
                                                  std::span<const Dimension> by,
                                                  const BreakdownFilter& filter,
                                                  const CategoryTable& categories);

// Every node of the tree in one pass: the total, then each municipality
// followed by its sectors, each sector followed by its units, in report order;
// only nodes with positions that pass the filter. A municipality row has only
// `municipality` set, a sector row also `sector`, a unit row also `unit`.
[[nodiscard]] std::vector<IndicatorRow> node_breakdown(const WorkforceView& view,
                                                       const BreakdownFilter& filter);

// Joiners, leavers and turnover per group between two snapshot sets of the
// same municipalities, grouped like breakdown(): first the total, then one row
// per combination that has positions in either set. A person who moves from
// one unit to another is a leaver of the first and a joiner of the second, but
// neither in their sector (if it is the same), municipality or the total.
[[nodiscard]] std::vector<TurnoverRow> turnover_breakdown(const WorkforceViewPair& views,
                                                          std::span<const Dimension> by,
                                                          const BreakdownFilter& filter);

[[nodiscard]] std::vector<TurnoverRow> turnover_breakdown(
    std::span<const MunicipalityWorkforce> before, std::span<const MunicipalityWorkforce> after,
    std::span<const Dimension> by, const BreakdownFilter& filter, const CategoryTable& categories);

}  // namespace kompetent
