// The streaming parts the population readers share: finding columns by header,
// reading counts, mapping municipality numbers to today's, and stopping the
// error list from growing without bound on a file that is wrong throughout.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/org/municipality_history.h"
#include "io/import/import_error.h"
#include "io/table/row_source.h"

namespace kompetent::io::population {

// Errors kept per file; after this many the reader stops with "too_many_errors".
inline constexpr std::size_t kMaxErrors = 100;

struct ColumnTable {
  std::unique_ptr<RowSource> rows;
  std::vector<std::string> header;   // the header cells as written
  std::vector<std::size_t> columns;  // index of each requested column in the row
};

// Opens `path`, reads the header and finds `required` (matched like import
// headers). On failure appends the file problem or a "missing_column" per
// absent column (row 1) to `errors` and returns nullopt.
[[nodiscard]] std::optional<ColumnTable> open_columns(const std::filesystem::path& path,
                                                      const std::vector<std::string>& required,
                                                      std::vector<ImportError>& errors);

// The cell trimmed, or "" when the row is short.
[[nodiscard]] std::string_view cell(const TableRow& row, std::size_t column) noexcept;

// A non-negative whole number, as SSB writes counts (digits only).
[[nodiscard]] std::optional<std::int64_t> parse_count(std::string_view text) noexcept;

// Today's number for `number`, or the error code: "invalid_value" (not four
// digits), "split_municipality", "unknown_municipality".
struct MappedNumber {
  std::string current;
  std::string error_code;  // empty on success
};
[[nodiscard]] MappedNumber map_municipality(std::string_view number,
                                            const MunicipalityHistory& history);

// Appends `error` unless the list is full; returns false once it is full (the
// caller stops reading and the list ends with "too_many_errors").
bool add_error(std::vector<ImportError>& errors, ImportError error);

// Appends the RowSource's failure, if reading stopped on one.
void add_read_failure(const RowSource& rows, std::vector<ImportError>& errors);

}  // namespace kompetent::io::population
