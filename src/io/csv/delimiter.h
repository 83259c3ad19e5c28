// Which separator a CSV file uses, decided from its header line.
//
// Excel writes ';' on Norwegian Windows and ',' elsewhere; both are read.
// The header line is the first line that is not blank (only spaces, tabs, CR).
// Separators inside quoted fields do not count. A quote opens a quoted field
// only at the start of a field (after a line start, ';' or ','), as in the
// reader, so a stray '"' in a header cannot swallow the rest of the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kompetent::io {

struct HeaderDelimiter {
  char delimiter = ';';         // more ';' than ',' or a tie: ';'
  bool unsupported = false;     // no ';' or ',' but a tab or '|': a format we do not read
  std::int64_t header_row = 1;  // the header's spreadsheet row (1 + blank lines before it)
  bool operator==(const HeaderDelimiter&) const = default;
};

// Looks at the header line at the start of `text`. Returns nullopt if `text`
// ends before the header line does and `text_is_whole_input` is false: the
// caller reads more and asks again. At the end of the whole input, a header
// without a line end is complete, and input without a header gives ';'.
[[nodiscard]] std::optional<HeaderDelimiter> detect_delimiter(std::string_view text,
                                                              bool text_is_whole_input) noexcept;

}  // namespace kompetent::io
