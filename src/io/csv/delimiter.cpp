#include "io/csv/delimiter.h"

namespace kompetent::io {

std::optional<HeaderDelimiter> detect_delimiter(std::string_view text,
                                                bool text_is_whole_input) noexcept {
  HeaderDelimiter result;
  std::size_t i = 0;
  // Skip blank lines, counting them: they are rows in the spreadsheet.
  for (;;) {
    std::size_t j = i;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
    if (j == text.size()) {
      if (!text_is_whole_input) return std::nullopt;
      return result;
    }
    if (text[j] != '\n') break;
    ++result.header_row;
    i = j + 1;
  }

  std::int64_t semicolons = 0;
  std::int64_t commas = 0;
  bool tab_or_pipe = false;
  bool in_quotes = false;
  bool field_start = true;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c != '"') continue;
      if (i + 1 == text.size() && !text_is_whole_input) return std::nullopt;
      if (i + 1 < text.size() && text[i + 1] == '"') {
        ++i;  // "" is a quote inside the field
      } else {
        in_quotes = false;
      }
      continue;
    }
    if (c == '\n' || c == '\r') break;
    if (c == '"' && field_start) {
      in_quotes = true;
      field_start = false;
      continue;
    }
    field_start = c == ';' || c == ',';
    if (c == ';') ++semicolons;
    if (c == ',') ++commas;
    if (c == '\t' || c == '|') tab_or_pipe = true;
  }
  if (i == text.size() && !text_is_whole_input) return std::nullopt;
  result.delimiter = commas > semicolons ? ',' : ';';
  result.unsupported = semicolons == 0 && commas == 0 && tab_or_pipe;
  return result;
}

}  // namespace kompetent::io
