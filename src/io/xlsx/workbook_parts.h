// Finds the parts of a workbook we read, the way Excel does: _rels/.rels names
// the workbook, the workbook lists its sheets in order, and the workbook's
// relationships (xl/_rels/workbook.xml.rels) map each sheet to its part.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "io/xlsx/excel_date.h"
#include "io/xlsx/zip_archive.h"

namespace kompetent::io {

struct WorkbookParts {
  std::string first_worksheet;  // entry name, e.g. "xl/worksheets/sheet1.xml"
  std::string shared_strings;   // empty when the workbook has no shared-string table
  std::string styles;           // empty when the workbook has no styles part
  DateSystem date_system = DateSystem::from_1900;
  bool operator==(const WorkbookParts&) const = default;
};

// Fails with "xlsx_invalid" when there is no workbook part, no worksheet, or
// the first worksheet's part is missing; with the codes of parse_part() when
// an XML part is damaged or forbidden.
[[nodiscard]] Result<WorkbookParts> locate_workbook_parts(ZipArchive& archive);

// The entry name a relationship target points to: "worksheets/sheet1.xml"
// from "xl/workbook.xml" is "xl/worksheets/sheet1.xml"; "/xl/styles.xml" is
// absolute; "." and ".." are resolved. Returns "" when ".." climbs above the
// package root.
[[nodiscard]] std::string resolve_part_name(std::string_view source_part, std::string_view target);

}  // namespace kompetent::io
