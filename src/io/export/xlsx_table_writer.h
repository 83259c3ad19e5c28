// Writes export tables as an XLSX workbook (libxlsxwriter), one sheet per
// table, with native Excel charts beside each table. Numbers are numeric cells
// with number formats (never formulas, never text); Excel shows them with the
// user's own separators. Layout and formats: docs/exports.md.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "io/export/table_export.h"

namespace kompetent::io {

// Writes `workbook` to `path`, replacing any file there. Errors: io
// "file_not_writable" {path}; the check_table() errors; invalid
// "export_too_large" {sheet} past Excel's 1,048,576 rows or 16,384 columns;
// internal "xlsx_write_failed" {reason} if libxlsxwriter refuses.
[[nodiscard]] Status write_xlsx(const ExportWorkbook& workbook, const std::filesystem::path& path);

// The same workbook as bytes (for an HTTP response), through a temporary file
// that is removed again. Errors as write_xlsx.
[[nodiscard]] Result<std::string> xlsx_bytes(const ExportWorkbook& workbook);

// The sheet names write_xlsx uses, in order: each of []:*?/\ becomes a space,
// runs of spaces one, leading and trailing spaces and apostrophes go, then the
// name is cut to Excel's 31 characters. An empty name becomes "Ark<n>"; a name
// already taken (case-insensitively) or "History" (reserved by Excel) gets
// " (2)", " (3)", … within the 31 characters.
[[nodiscard]] std::vector<std::string> sheet_names(const ExportWorkbook& workbook);

}  // namespace kompetent::io
