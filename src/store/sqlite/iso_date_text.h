// A date as ISO text ("2025-12-31") in a stack buffer, for binding to a
// statement without a heap allocation per row. The same text as to_iso().
// Internal to store/sqlite.
#pragma once

#include <cstdio>
#include <string_view>

#include "core/calendar/date.h"

namespace kompetent::store::sqlite {

class IsoDateText {
 public:
  explicit IsoDateText(const Date& date) noexcept {
    const int year = static_cast<int>(date.year());
    const auto month = static_cast<unsigned>(date.month());
    const auto day = static_cast<unsigned>(date.day());
    if (year < 0 || year > 9999 || month > 99 || day > 99) {
      // Never imported in practice; formatted exactly as to_iso() would.
      size_ = std::snprintf(buffer_, sizeof buffer_, "%04d-%02u-%02u", year, month, day);
      return;
    }
    put(0, static_cast<unsigned>(year), 4);
    buffer_[4] = '-';
    put(5, month, 2);
    buffer_[7] = '-';
    put(8, day, 2);
    size_ = 10;
  }

  // Valid while this object lives.
  [[nodiscard]] std::string_view view() const noexcept {
    return {buffer_, static_cast<std::size_t>(size_)};
  }

 private:
  void put(int at, unsigned value, int digits) noexcept {
    for (int i = digits - 1; i >= 0; --i) {
      buffer_[at + i] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  }

  char buffer_[32];
  int size_ = 0;
};

}  // namespace kompetent::store::sqlite
