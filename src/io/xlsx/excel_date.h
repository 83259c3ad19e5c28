// How Excel represents dates: a number of days since an epoch, shown as a
// date only because the cell's number format says so.
#pragma once

#include <optional>
#include <string_view>

#include "core/calendar/date.h"

namespace kompetent::io {

enum class DateSystem {
  from_1900,  // serial 1 = 1900-01-01, with Lotus 1-2-3's phantom 1900-02-29 as serial 60
  from_1904,  // serial 0 = 1904-01-01 (old Mac Excel; workbook.xml says date1904="1")
};

// The calendar date of a serial number; a fraction (the time of day) is
// dropped. nullopt for serials before the first day (below 1 in the 1900
// system, below 0 in 1904), after 9999-12-31, for NaN, and for serial 60 of the
// 1900 system: 1900-02-29 never existed, and guessing a neighbour would
// silently shift a date.
[[nodiscard]] std::optional<Date> date_from_serial(double serial, DateSystem system) noexcept;

// Whether a built-in number format (numFmtId without a <numFmt>) shows a date:
// 14–22 and 45–47, as listed in ECMA-376 Part 1, 18.8.30.
[[nodiscard]] bool is_builtin_date_format(int format_id) noexcept;

// Whether a custom format code shows a date: it has d, m or y (either case)
// outside quoted text, [brackets] (colours, conditions, elapsed hours) and
// escaped characters. "dd.mm.yyyy" and "mmm yy" are dates; "0.0 \"dager\"",
// "[Red]#,##0" and "General" are not.
[[nodiscard]] bool is_date_format_code(std::string_view code) noexcept;

}  // namespace kompetent::io
