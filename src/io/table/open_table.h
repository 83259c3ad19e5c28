// Opens an HR export as rows, whatever it is: looks at the first bytes, not
// the file name (exports are often renamed), and picks the CSV or XLSX reader.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/result.h"
#include "io/table/row_source.h"

namespace kompetent::io {

enum class TableFormat { csv, xlsx };

struct OpenedTable {
  TableFormat format = TableFormat::csv;
  std::unique_ptr<RowSource> rows;
};

// The file's format from its first bytes: "xlsx" for a ZIP archive, "csv" for
// text, or a FileFailure code: "empty_file" (no bytes) or "not_csv_or_xlsx"
// (PDF, old .xls, images, other binaries).
struct Sniffed {
  std::optional<TableFormat> format;
  std::string failure_code;
};
[[nodiscard]] Sniffed sniff_table_format(std::string_view first_bytes, std::uint64_t file_size);

// Opens `path`. Errors: Error::io("file_not_readable", {path}) when it cannot be
// opened; Error::invalid(code, {path}) with "empty_file" or "not_csv_or_xlsx".
// Problems inside the file come later, as the RowSource's failure().
[[nodiscard]] Result<OpenedTable> open_table(const std::filesystem::path& path);

}  // namespace kompetent::io
