// The two errors every part of the XLSX reader gives, in one place.
#pragma once

#include <string>
#include <utility>

#include "core/result.h"

namespace kompetent::io {

// The file is not a well-formed workbook; `detail` says what is wrong (in English, for logs).
[[nodiscard]] inline Error xlsx_invalid(std::string detail) {
  return Error::invalid("xlsx_invalid", {std::move(detail)});
}
// The file is past a limit of XlsxLimits (size, ratio, rows, cells).
[[nodiscard]] inline Error xlsx_too_large(std::string detail) {
  return Error::invalid("xlsx_too_large", {std::move(detail)});
}

}  // namespace kompetent::io
