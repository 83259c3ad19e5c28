#include "io/reference/population_table.h"

#include "io/import/text_match.h"
#include "io/table/open_table.h"
#include "io/text/header_name.h"

namespace kompetent::io::population {

std::optional<ColumnTable> open_columns(const std::filesystem::path& path,
                                        const std::vector<std::string>& required,
                                        std::vector<ImportError>& errors) {
  auto opened = open_table(path);
  if (!opened.ok()) {
    errors.push_back({0, "", opened.error().code, path.string()});
    return std::nullopt;
  }
  ColumnTable table;
  table.rows = std::move(opened.value().rows);
  TableRow row;
  if (!table.rows->next(row)) {
    const auto& failure = table.rows->failure();
    errors.push_back({failure ? failure->row : 0, "", failure ? failure->code : "empty_file", ""});
    return std::nullopt;
  }
  for (const std::string& cell_text : row.cells) table.header.emplace_back(trim_view(cell_text));
  bool complete = true;
  for (const std::string& wanted : required) {
    const std::string name = normalize_header_name(wanted);
    std::optional<std::size_t> found;
    for (std::size_t c = 0; c < table.header.size() && !found; ++c) {
      if (normalize_header_name(table.header[c]) == name) found = c;
    }
    if (!found) {
      errors.push_back({1, wanted, "missing_column", ""});
      complete = false;
      continue;
    }
    table.columns.push_back(*found);
  }
  if (!complete) return std::nullopt;
  return table;
}

std::string_view cell(const TableRow& row, std::size_t column) noexcept {
  return column < row.cells.size() ? trim_view(row.cells[column]) : std::string_view();
}

std::optional<std::int64_t> parse_count(std::string_view text) noexcept {
  // Digits only, by hand: called 1.8 million times for the single-year file,
  // where std::from_chars was a sixth of the reading time.
  if (text.empty() || text.size() > 15) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

MappedNumber map_municipality(std::string_view number, const MunicipalityHistory& history) {
  if (!is_valid_municipality_number(number)) return {"", "invalid_value"};
  if (history.is_current(number)) return {std::string(number), ""};
  std::vector<MunicipalityNumber> current = history.current_numbers_for(number);
  if (current.empty()) return {"", "unknown_municipality"};
  // A split municipality's people cannot be shared out by age from its number alone.
  if (current.size() > 1) return {"", "split_municipality"};
  return {current.front().digits, ""};
}

bool add_error(std::vector<ImportError>& errors, ImportError error) {
  if (errors.size() >= kMaxErrors) {
    if (errors.back().code != "too_many_errors") errors.push_back({0, "", "too_many_errors", ""});
    return false;
  }
  errors.push_back(std::move(error));
  return true;
}

void add_read_failure(const RowSource& rows, std::vector<ImportError>& errors) {
  if (const auto& failure = rows.failure()) {
    errors.push_back({failure->row, "", failure->code, ""});
  }
}

}  // namespace kompetent::io::population
