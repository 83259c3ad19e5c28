#include "io/xlsx/cell_text.h"

#include <algorithm>
#include <cstdio>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>
#include <utility>

namespace kompetent::io {
namespace {

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(unsigned code_point, std::string& out) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

}  // namespace

std::optional<int> column_of_reference(std::string_view reference) noexcept {
  int column = 0;
  std::size_t letters = 0;
  for (char c : reference) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
    ++letters;
  }
  if (letters == 0) return std::nullopt;
  return column - 1;
}

bool append_number_text(std::string_view stored, std::string& out) {
  // from_chars reads neither a leading '+' nor surrounding space; Excel
  // writes neither.
  double value = 0;
  const char* end = stored.data() + stored.size();
  const auto [stop, error] = std::from_chars(stored.data(), end, value);
  if (error != std::errc() || stop != end || !std::isfinite(value)) return false;
  char buffer[32];
  std::to_chars_result written;
  // 2^53: beyond it not every integer is a double, and the shortest
  // round-trip form is the honest one.
  if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0) {
    written = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(value));
  } else {
    written = std::to_chars(buffer, buffer + sizeof buffer, value);
  }
  out.append(buffer, written.ptr);
  return true;
}

void unescape_xstring(std::string& text) {
  std::size_t at = text.find("_x");
  if (at == std::string::npos) return;
  std::string result(text, 0, at);
  while (at < text.size()) {
    if (text.size() - at >= 7 && text[at] == '_' && text[at + 1] == 'x' && text[at + 6] == '_') {
      int code_point = 0;
      for (std::size_t i = at + 2; i < at + 6 && code_point >= 0; ++i) {
        const int digit = hex_value(text[i]);
        code_point = digit < 0 ? -1 : code_point * 16 + digit;
      }
      // Surrogate halves are not characters; leave such an escape as written.
      if (code_point >= 0 && (code_point < 0xD800 || code_point > 0xDFFF)) {
        append_utf8(static_cast<unsigned>(code_point), result);
        at += 7;
        continue;
      }
    }
    result += text[at++];
  }
  text = std::move(result);
}

std::string percent_text(std::string_view number) {
  const bool negative = !number.empty() && number.front() == '-';
  if (negative) number.remove_prefix(1);
  // Exponent form ("1e-05") shifts the point further: the same text operation.
  int shift = 2;
  if (const std::size_t e = number.find_first_of("eE"); e != std::string_view::npos) {
    int exponent = 0;
    std::string_view text = number.substr(e + 1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    std::from_chars(text.data(), text.data() + text.size(), exponent);
    shift += exponent;
    number = number.substr(0, e);
  }
  const std::size_t point = number.find('.');
  std::string digits(number.substr(0, point));
  if (point != std::string_view::npos) digits += number.substr(point + 1);
  // Position of the decimal point within `digits` after the shift.
  long long at = static_cast<long long>(point == std::string_view::npos ? number.size() : point) + shift;
  if (at <= 0) {
    digits.insert(0, static_cast<std::size_t>(1 - at), '0');
    at = 1;
  }
  if (static_cast<std::size_t>(at) > digits.size()) digits.append(static_cast<std::size_t>(at) - digits.size(), '0');
  std::string whole = digits.substr(0, static_cast<std::size_t>(at));
  std::string fraction = digits.substr(static_cast<std::size_t>(at));
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  const std::size_t first = whole.find_first_not_of('0');
  whole = first == std::string::npos ? "0" : whole.substr(first);
  const bool zero = whole == "0" && fraction.empty();
  return (negative && !zero ? "-" : "") + whole + (fraction.empty() ? "" : "." + fraction) + "%";
}

}  // namespace kompetent::io
