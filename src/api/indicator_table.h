// An indicator request from parameters to JSON or an export: which
// municipalities and snapshots, the breakdown, small-group suppression when
// the view is aggregate-only (docs/privacy.md), and the labels. Shared by
// GET /indicators and GET /indicators/export so both show the same numbers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/access_policy.h"
#include "api/request_context.h"
#include "core/indicators/breakdown.h"
#include "core/privacy/indicator_suppression.h"
#include "io/export/table_export.h"

namespace kompetent::api {

struct IndicatorQuery {
  IndicatorScope scope;
  std::vector<Dimension> by;
  std::vector<std::string> categories;
  std::optional<Date> date;
  std::optional<Date> compare;
};

// invalid "invalid_parameter" {name} / "invalid_date" / "unknown_category",
// not_found "unknown_region" / "unknown_municipality".
[[nodiscard]] Result<IndicatorQuery> parse_indicator_query(const RequestContext& ctx);

struct IndicatorTable {
  IndicatorQuery query;
  std::string scope_name;
  std::vector<SnapshotInfo> snapshots;
  std::vector<SnapshotInfo> compare_snapshots;
  std::vector<IndicatorRow> rows;
  std::vector<std::optional<TurnoverRow>> turnover;  // per row, with compare
  std::vector<std::string> labels;                    // per row
  bool suppressed = false;
  int min_group = 5;
  std::vector<privacy::IndicatorMask> masks;          // per row, when suppressed
  std::vector<privacy::TurnoverMask> turnover_masks;  // per row, when suppressed and compared
  int snapshot_year = 0;                              // of the newest snapshot: retirement years count from it
};

[[nodiscard]] Result<IndicatorTable> compute_indicator_table(RequestContext& ctx, const IndicatorQuery& query,
                                                             bool suppress);

[[nodiscard]] nlohmann::ordered_json indicator_table_json(const IndicatorTable& table);

// The table as a sheet: one column per indicator, suppressed figures empty,
// and a chart of the main shares per group.
[[nodiscard]] io::ExportWorkbook indicator_workbook(const IndicatorTable& table, const MessageCatalogue& messages,
                                                    Language language);

}  // namespace kompetent::api
