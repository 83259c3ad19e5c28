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
  if (number.find_first_of("eE") != std::string_view::npos) {
    std::string scaled;
    double value = 0;
    std::from_chars(number.data(), number.data() + number.size(), value);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value * 100.0);
    return std::string(buffer) + "%";
  }
  const bool negative = !number.empty() && number.front() == '-';
  if (negative) number.remove_prefix(1);
  const std::size_t point = number.find('.');
  std::string whole(number.substr(0, point));
  std::string fraction = point == std::string_view::npos ? "" : std::string(number.substr(point + 1));
  fraction.resize(std::max<std::size_t>(fraction.size(), 2), '0');
  whole += fraction.substr(0, 2);
  fraction.erase(0, 2);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  const std::size_t first = whole.find_first_not_of('0');
  whole = first == std::string::npos ? "0" : whole.substr(first);
  return (negative ? "-" : "") + whole + (fraction.empty() ? "" : "." + fraction) + "%";
}

}  // namespace kompetent::io
