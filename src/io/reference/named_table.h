// Small reference tables (codes, categories, units, regions) read by header
// name from CSV or XLSX, with problems reported like an import's.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "io/import/import_error.h"

namespace kompetent::io {

struct NamedRow {
  std::int64_t number = 0;             // spreadsheet row number
  std::vector<std::string> values;     // trimmed, in the order of the requested columns
};

struct NamedTable {
  std::vector<NamedRow> rows;
  std::vector<ImportError> errors;     // file problems and missing columns; empty when readable
};

// Reads `path` and picks out `required` and `optional` columns by header
// (matched like import headers: case, æøå and spacing do not matter). Missing
// optional columns give empty values. Columns are returned required first.
[[nodiscard]] NamedTable read_named_table(const std::filesystem::path& path,
                                          const std::vector<std::string>& required,
                                          const std::vector<std::string>& optional = {});

// A cell holding a comma-separated list ("1804, 1836,1837"): the items, trimmed, empty ones
// dropped.
[[nodiscard]] std::vector<std::string> split_list(std::string_view text);

}  // namespace kompetent::io
