// A table ready for export, as the XLSX and CSV writers take it: labels already
// in the user's language, suppressed cells already emptied by the caller. Knows
// nothing of indicators or HTTP, so any report can be exported the same way.
//
//   ExportTable table{.sheet_name = "Bemanning", .title = "Bemanning per enhet", ...};
//   table.columns = {{"unit", "Enhet"}, {"part_time", "Deltid", ColumnKind::percent}};
//   table.rows.push_back({std::string("Sykehjemmet"), 0.657});
//   table.rows.push_back({std::string("Legekontoret"), std::nullopt});  // suppressed → ":"
//   Status written = write_xlsx(ExportWorkbook{{table}}, "bemanning.xlsx");
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/result.h"

namespace kompetent::io {

// How a column's numbers are shown. Text columns show numbers as they come.
enum class ColumnKind {
  text,
  integer,
  decimal,
  percent,  // values are fractions 0..1, shown as 65,7 %
};

struct ExportColumn {
  std::string key;    // stable, for machines (not written)
  std::string label;  // the header the user sees
  ColumnKind kind = ColumnKind::text;
  int decimals = 1;  // for decimal and percent columns
};

// nullopt = suppressed (shown as ":"); a string is always written as text, a
// number always as a number, whatever the column kind.
using ExportCell = std::optional<std::variant<std::string, double, std::int64_t>>;

// A native chart over some columns of the table.
struct ExportChart {
  enum class Type { bar, column, stacked_column, line } type = Type::column;
  std::string title;
  std::vector<std::size_t> value_columns;  // one series per column, named by its label
  std::size_t category_column = 0;         // the labels along the axis
  std::size_t first_row = 0;               // data rows (0 = the first row under the header)
  std::size_t row_count = 0;               // 0 = through the last row
};

struct ExportTable {
  std::string sheet_name;          // sanitised by the XLSX writer (see sheet_names())
  std::string title;               // first line of the sheet
  std::vector<std::string> notes;  // lines under the title: source, snapshot date, rules
  std::vector<ExportColumn> columns;
  std::vector<std::vector<ExportCell>> rows;  // a short row is padded with empty cells
  std::vector<ExportChart> charts;
  std::string suppressed_note;  // explains ":"; written as ": <note>" under the table
};

struct ExportWorkbook {
  std::vector<ExportTable> sheets;
  std::string author;
  std::string created_iso;  // "2025-12-31T08:00:00Z"; empty = now
};

// Ok if the writers can write `table`; otherwise internal "export_row_too_wide"
// {row, cells, columns} or "export_chart_out_of_range" {title} (caller bugs,
// found before anything is written).
[[nodiscard]] inline Status check_table(const ExportTable& table) {
  const std::size_t width = table.columns.size();
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (table.rows[r].size() > width) {
      return Error::internal(
          "export_row_too_wide",
          {std::to_string(r + 1), std::to_string(table.rows[r].size()), std::to_string(width)});
    }
  }
  for (const ExportChart& chart : table.charts) {
    bool fits = chart.category_column < width && !chart.value_columns.empty() &&
                chart.first_row < table.rows.size() &&
                chart.row_count <= table.rows.size() - chart.first_row;
    for (std::size_t column : chart.value_columns) fits = fits && column < width;
    if (!fits) return Error::internal("export_chart_out_of_range", {chart.title});
  }
  return ok_status();
}

}  // namespace kompetent::io
