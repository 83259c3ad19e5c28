#include "io/text/norwegian_number.h"

#include <charconv>
#include <string>

namespace kompetent::io {
namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";  // U+00A0 in UTF-8

// The parts of a number as written, before any arithmetic, so each caller
// decides exactly how many decimals it takes.
struct WrittenNumber {
  bool negative = false;
  std::string whole;     // digits only, thousands separators removed
  std::string_view decimals;  // digits after the separator (may be empty)
  bool percent = false;
};

// Length of the space (ASCII space, tab or U+00A0) at the start of `text`, or 0.
std::size_t space_length(std::string_view text) noexcept {
  if (text.empty()) return 0;
  if (text.front() == ' ' || text.front() == '\t') return 1;
  if (text.starts_with(kNoBreakSpace)) return kNoBreakSpace.size();
  return 0;
}

std::string_view trim_spaces(std::string_view text) noexcept {
  while (std::size_t n = space_length(text)) text.remove_prefix(n);
  for (;;) {
    if (text.ends_with(' ') || text.ends_with('\t')) {
      text.remove_suffix(1);
    } else if (text.ends_with(kNoBreakSpace)) {
      text.remove_suffix(kNoBreakSpace.size());
    } else {
      return text;
    }
  }
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::optional<WrittenNumber> split_number(std::string_view text) {
  WrittenNumber number;
  text = trim_spaces(text);
  if (text.ends_with('%')) {
    number.percent = true;
    text = trim_spaces(text.substr(0, text.size() - 1));
  }
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    number.negative = text.front() == '-';
    text.remove_prefix(1);
  }
  // Whole part: digits, where a space may only separate groups of three.
  std::size_t group_length = 0;
  bool grouped = false;
  while (!text.empty()) {
    if (is_digit(text.front())) {
      number.whole.push_back(text.front());
      ++group_length;
      text.remove_prefix(1);
      continue;
    }
    const std::size_t space = space_length(text);
    if (space == 0) break;
    // "1 234": the first group has 1-3 digits, every later one exactly 3.
    if (group_length == 0 || group_length > 3 || (grouped && group_length != 3)) return std::nullopt;
    grouped = true;
    group_length = 0;
    text.remove_prefix(space);
  }
  if (number.whole.empty() || (grouped && group_length != 3)) return std::nullopt;
  if (!text.empty() && (text.front() == ',' || text.front() == '.')) {
    text.remove_prefix(1);
    std::size_t digits = 0;
    while (digits < text.size() && is_digit(text[digits])) ++digits;
    if (digits == 0) return std::nullopt;
    number.decimals = text.substr(0, digits);
    text.remove_prefix(digits);
  }
  if (!text.empty()) return std::nullopt;
  return number;
}

// Parses digits into a non-negative int64; nullopt on overflow.
std::optional<std::int64_t> to_int64(std::string_view digits) noexcept {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::int64_t> parse_hundredths(std::string_view text) noexcept {
  try {
    const std::optional<WrittenNumber> number = split_number(text);
    if (!number || number->decimals.size() > 2) return std::nullopt;
    std::string digits = number->whole;
    digits.append(number->decimals);
    digits.append(2 - number->decimals.size(), '0');
    const std::optional<std::int64_t> value = to_int64(digits);
    if (!value) return std::nullopt;
    return number->negative ? -*value : *value;
  } catch (const std::bad_alloc&) {
    return std::nullopt;
  }
}

std::optional<std::int64_t> parse_whole_number(std::string_view text) noexcept {
  try {
    const std::optional<WrittenNumber> number = split_number(text);
    if (!number || number->percent) return std::nullopt;
    if (number->decimals.find_first_not_of('0') != std::string_view::npos) return std::nullopt;
    const std::optional<std::int64_t> value = to_int64(number->whole);
    if (!value) return std::nullopt;
    return number->negative ? -*value : *value;
  } catch (const std::bad_alloc&) {
    return std::nullopt;
  }
}

std::optional<double> parse_decimal(std::string_view text) noexcept {
  try {
    const std::optional<WrittenNumber> number = split_number(text);
    if (!number) return std::nullopt;
    // from_chars rounds correctly, which summing digits by hand would not.
    std::string normalized = number->negative ? "-" : "";
    normalized.append(number->whole);
    if (!number->decimals.empty()) {
      normalized.push_back('.');
      normalized.append(number->decimals);
    }
    double value = 0;
    const auto [end, error] =
        std::from_chars(normalized.data(), normalized.data() + normalized.size(), value);
    if (error != std::errc{} || end != normalized.data() + normalized.size()) return std::nullopt;
    return value;
  } catch (const std::bad_alloc&) {
    return std::nullopt;
  }
}

}  // namespace kompetent::io
