#include "core/calendar/date.h"

#include <charconv>
#include <cstdio>

namespace kompetent {
namespace {

// Reads an unsigned decimal of 1..max_digits digits; advances `text`.
std::optional<int> take_number(std::string_view& text, std::size_t min_digits,
                               std::size_t max_digits) {
  std::size_t n = 0;
  while (n < text.size() && n < max_digits && text[n] >= '0' && text[n] <= '9') ++n;
  if (n < min_digits) return std::nullopt;
  int value = 0;
  std::from_chars(text.data(), text.data() + n, value);
  text.remove_prefix(n);
  return value;
}

bool take_char(std::string_view& text, char c) {
  if (text.empty() || text.front() != c) return false;
  text.remove_prefix(1);
  return true;
}

std::optional<Date> valid(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  Date date = make_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  if (!date.ok()) return std::nullopt;
  return date;
}

}  // namespace

std::string to_iso(const Date& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::string to_norwegian(const Date& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02u.%02u.%04d", static_cast<unsigned>(date.day()),
                static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
  return buffer;
}

std::optional<Date> parse_iso_date(std::string_view text) {
  auto y = take_number(text, 4, 4);
  if (!y || !take_char(text, '-')) return std::nullopt;
  auto m = take_number(text, 2, 2);
  if (!m || !take_char(text, '-')) return std::nullopt;
  auto d = take_number(text, 2, 2);
  if (!d || !text.empty()) return std::nullopt;
  return valid(*y, *m, *d);
}

std::optional<Date> parse_norwegian_date(std::string_view text) {
  auto d = take_number(text, 1, 2);
  if (!d || !take_char(text, '.')) return std::nullopt;
  auto m = take_number(text, 1, 2);
  if (!m || !take_char(text, '.')) return std::nullopt;
  auto y = take_number(text, 4, 4);
  if (!y || !text.empty()) return std::nullopt;
  return valid(*y, *m, *d);
}

std::optional<Date> parse_user_date(std::string_view text) {
  if (auto date = parse_norwegian_date(text)) return date;
  return parse_iso_date(text);
}

}  // namespace kompetent
