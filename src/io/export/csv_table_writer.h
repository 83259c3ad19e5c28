// Writes one export table as CSV for spreadsheets and scripts: the header row
// of labels and the data rows, nothing else (no title, notes or charts), in
// CsvWriter's conventions (`;`, UTF-8 with BOM, CRLF, formula neutralising).
// Numbers: no thousands separator, so spreadsheets parse them; decimal comma
// for nb, decimal point for en; percent columns as percent ("65,7") with
// " (%)" added to the label. A suppressed cell is ":". Details: docs/exports.md.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "core/i18n/number_format.h"
#include "core/result.h"
#include "io/export/table_export.h"

namespace kompetent::io {

// Writes `table` to `out`. Errors: the check_table() errors; io
// "file_not_writable" {"-"} if a write to `out` fails.
[[nodiscard]] Status write_csv(const ExportTable& table, std::ostream& out, Language language);
// The same into a file, replacing it. Errors as above, with the path.
[[nodiscard]] Status write_csv(const ExportTable& table, const std::filesystem::path& path,
                               Language language);

// One cell as write_csv spells it before quoting: "1234,5", "65,7", ":", "".
[[nodiscard]] std::string csv_cell_text(const ExportCell& cell, const ExportColumn& column,
                                        Language language);

}  // namespace kompetent::io
