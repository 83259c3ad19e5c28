// Reads the header row of an export: which column holds which field, which
// columns are refused as personal data, and which are ignored.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "io/import/field.h"
#include "io/import/import_error.h"
#include "io/import/import_profile.h"
#include "io/table/row_source.h"

namespace kompetent::io {

struct ColumnMap {
  std::vector<std::string> headers;  // as written in the file
  std::array<std::optional<std::size_t>, kFieldCount> column_of{};  // Field → column index
  std::vector<std::size_t> ignored;  // unknown columns: skipped, but their values are watched
                                     // for fødselsnummer-like values (see row_validator.h)
  std::vector<std::size_t> refused;  // personal-data columns: never read

  [[nodiscard]] std::optional<std::size_t> column(Field field) const noexcept {
    return column_of[static_cast<std::size_t>(field)];
  }
};

// Maps `header` with `profile`. Appends missing_column, duplicate_column and
// personal_data_column problems (row 1) to `errors`; the map is usable for
// reading rows only if none were added.
[[nodiscard]] ColumnMap map_columns(const TableRow& header, const ImportProfile& profile,
                                    std::vector<ImportError>& errors);

// True if a header names personal data we must not hold (fødselsnummer, name,
// address, …; see docs/import-format.md).
[[nodiscard]] bool is_personal_data_header(std::string_view header);

}  // namespace kompetent::io
