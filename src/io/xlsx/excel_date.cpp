#include "io/xlsx/excel_date.h"

#include <chrono>
#include <cmath>

namespace kompetent::io {

std::optional<Date> date_from_serial(double serial, DateSystem system) noexcept {
  using std::chrono::days;
  using std::chrono::sys_days;
  if (std::isnan(serial)) return std::nullopt;
  const double whole = std::floor(serial);
  // 2958465 is 9999-12-31 in the 1900 system, the last date Excel shows.
  if (whole > 2958465.0) return std::nullopt;
  const auto day_count = static_cast<long>(whole);
  if (system == DateSystem::from_1904) {
    if (day_count < 0) return std::nullopt;
    return Date{sys_days{make_date(1904, 1, 1)} + days{day_count}};
  }
  if (day_count < 1 || day_count == 60) return std::nullopt;
  // Lotus 1-2-3 counted 1900 as a leap year and Excel kept the bug for
  // compatibility, so every serial after the phantom day is one too high.
  const Date epoch = day_count < 60 ? make_date(1899, 12, 31) : make_date(1899, 12, 30);
  return Date{sys_days{epoch} + days{day_count}};
}

bool is_builtin_date_format(int format_id) noexcept {
  return (format_id >= 14 && format_id <= 22) || (format_id >= 45 && format_id <= 47);
}

bool is_date_format_code(std::string_view code) noexcept {
  for (std::size_t i = 0; i < code.size(); ++i) {
    switch (code[i]) {
      case '"': {
        const std::size_t close = code.find('"', i + 1);
        if (close == std::string_view::npos) return false;
        i = close;
        break;
      }
      case '[': {
        const std::size_t close = code.find(']', i + 1);
        if (close == std::string_view::npos) return false;
        i = close;
        break;
      }
      case '\\':  // the next character is literal
      case '_':   // the next character only sets a width
      case '*':   // the next character fills the cell
        ++i;
        break;
      case 'd':
      case 'D':
      case 'm':
      case 'M':
      case 'y':
      case 'Y':
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace kompetent::io
