#include "io/export/csv_table_writer.h"

#include <algorithm>
#include <fstream>

#include "io/export/csv_writer.h"

namespace kompetent::io {
namespace {

// format_decimal rounds as the rest of the program does (half away from zero),
// so the CSV shows the figures the screen shows; only the grouping goes.
std::string plain_number(double value, int decimals, Language language) {
  std::string text = format_decimal(value, std::clamp(decimals, 0, 10), language);
  const char group = language == Language::nb ? ' ' : ',';
  std::erase(text, group);
  if (text == "–") return "";  // NaN or infinity: no figure
  return text;
}

std::string header_label(const ExportColumn& column) {
  if (column.kind != ColumnKind::percent || column.label.find('%') != std::string::npos) {
    return column.label;
  }
  return column.label + " (%)";
}

}  // namespace

std::string csv_cell_text(const ExportCell& cell, const ExportColumn& column, Language language) {
  if (!cell) return ":";
  if (const auto* text = std::get_if<std::string>(&*cell)) return *text;
  if (const auto* integer = std::get_if<std::int64_t>(&*cell)) {
    // Whole numbers stay exact (an int64 need not fit a double).
    if (column.kind == ColumnKind::integer || column.kind == ColumnKind::text) {
      return std::to_string(*integer);
    }
  }
  const double value = std::holds_alternative<double>(*cell)
                           ? std::get<double>(*cell)
                           : static_cast<double>(std::get<std::int64_t>(*cell));
  switch (column.kind) {
    case ColumnKind::integer:
      return plain_number(value, 0, language);
    case ColumnKind::percent:
      return plain_number(value * 100.0, column.decimals, language);
    case ColumnKind::text:
    case ColumnKind::decimal:
      return plain_number(value, column.decimals, language);
  }
  return "";
}

Status write_csv(const ExportTable& table, std::ostream& out, Language language) {
  if (Status checked = check_table(table); !checked.ok()) return checked;
  CsvWriter writer(out);
  std::vector<std::string> cells;
  for (const ExportColumn& column : table.columns) cells.push_back(header_label(column));
  writer.row(cells);
  for (const std::vector<ExportCell>& row : table.rows) {
    cells.assign(table.columns.size(), "");
    for (std::size_t c = 0; c < row.size(); ++c) {
      cells[c] = csv_cell_text(row[c], table.columns[c], language);
    }
    writer.row(cells);
  }
  if (!writer.good()) return Error::io("file_not_writable", {"-"});
  return ok_status();
}

Status write_csv(const ExportTable& table, const std::filesystem::path& path, Language language) {
  if (Status checked = check_table(table); !checked.ok()) return checked;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return Error::io("file_not_writable", {path.string()});
  Status written = write_csv(table, file, language);
  if (!written.ok() && written.error().kind == ErrorKind::io) {
    return Error::io("file_not_writable", {path.string()});
  }
  return written;
}

}  // namespace kompetent::io
