#include "io/reference/named_table.h"

#include <optional>

#include "io/import/text_match.h"
#include "io/text/header_name.h"
#include "io/table/open_table.h"

namespace kompetent::io {

NamedTable read_named_table(const std::filesystem::path& path,
                            const std::vector<std::string>& required,
                            const std::vector<std::string>& optional) {
  NamedTable table;
  auto opened = open_table(path);
  if (!opened.ok()) {
    table.errors.push_back({0, "", opened.error().code, path.string()});
    return table;
  }
  RowSource& rows = *opened.value().rows;
  TableRow row;
  if (!rows.next(row)) {
    const auto& failure = rows.failure();
    table.errors.push_back({failure ? failure->row : 0, "", failure ? failure->code : "empty_file", ""});
    return table;
  }
  std::vector<std::string> wanted = required;
  wanted.insert(wanted.end(), optional.begin(), optional.end());
  std::vector<std::optional<std::size_t>> column_of(wanted.size());
  for (std::size_t w = 0; w < wanted.size(); ++w) {
    const std::string name = normalize_header_name(wanted[w]);
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (normalize_header_name(row.cells[c]) == name) {
        column_of[w] = c;
        break;
      }
    }
    if (!column_of[w] && w < required.size()) {
      table.errors.push_back({1, wanted[w], "missing_column", ""});
    }
  }
  if (!table.errors.empty()) return table;

  while (rows.next(row)) {
    NamedRow named{row.number, {}};
    named.values.reserve(wanted.size());
    for (const auto& column : column_of) {
      named.values.emplace_back(column && *column < row.cells.size()
                                    ? std::string(trim_view(row.cells[*column]))
                                    : std::string());
    }
    table.rows.push_back(std::move(named));
  }
  if (const auto& failure = rows.failure()) {
    table.errors.push_back({failure->row, "", failure->code, ""});
  }
  return table;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    std::size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace kompetent::io
