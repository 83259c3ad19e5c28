// A problem found while importing: where (row, column), what (a stable code)
// and the value as written. Row numbers are the ones a spreadsheet user sees
// (the header is row 1); row 0 means the file as a whole.
#pragma once

#include <cstdint>
#include <string>

namespace kompetent::io {

struct ImportError {
  std::int64_t row = 0;
  std::string column;  // the header as written in the file, or the standard header if missing
  std::string code;    // see docs/import-format.md, "Problems and their codes"
  std::string value;   // the cell as written; empty where echoing it would leak personal data
  bool operator==(const ImportError&) const = default;
};

}  // namespace kompetent::io
