#include "io/text/windows_1252.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace kompetent::io {
namespace {

// Code points of bytes 0x80..0x9F (the rest of the page is Latin-1). From the
// Unicode mapping table cp1252.txt; U+FFFD marks the five undefined bytes.
constexpr std::array<char32_t, 32> kHighControls = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  //
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,  //
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  //
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

struct Utf8Bytes {
  std::array<char, 3> bytes{};
  std::uint8_t length = 0;
};

constexpr Utf8Bytes encode(char32_t code_point) {
  Utf8Bytes out;
  if (code_point < 0x80) {
    out.bytes[0] = static_cast<char>(code_point);
    out.length = 1;
  } else if (code_point < 0x800) {
    out.bytes[0] = static_cast<char>(0xC0 | (code_point >> 6));
    out.bytes[1] = static_cast<char>(0x80 | (code_point & 0x3F));
    out.length = 2;
  } else {
    out.bytes[0] = static_cast<char>(0xE0 | (code_point >> 12));
    out.bytes[1] = static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out.bytes[2] = static_cast<char>(0x80 | (code_point & 0x3F));
    out.length = 3;
  }
  return out;
}

constexpr std::array<Utf8Bytes, 256> make_table() {
  std::array<Utf8Bytes, 256> table{};
  for (int byte = 0; byte < 256; ++byte) {
    const char32_t code_point = (byte >= 0x80 && byte < 0xA0)
                                    ? kHighControls[static_cast<std::size_t>(byte - 0x80)]
                                    : static_cast<char32_t>(byte);
    table[static_cast<std::size_t>(byte)] = encode(code_point);
  }
  return table;
}

constexpr std::array<Utf8Bytes, 256> kTable = make_table();

}  // namespace

std::size_t transcode_windows_1252(std::string_view in, std::span<char> out) noexcept {
  char* o = out.data();
  for (const char c : in) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      *o++ = c;
      continue;
    }
    const Utf8Bytes& utf8 = kTable[byte];
    std::memcpy(o, utf8.bytes.data(), utf8.length);
    o += utf8.length;
  }
  return static_cast<std::size_t>(o - out.data());
}

bool append_windows_1252_as_utf8(std::string_view in, std::string& out) {
  const std::size_t old_size = out.size();
  out.resize(old_size + 3 * in.size());
  const std::size_t written =
      transcode_windows_1252(in, std::span<char>(out.data() + old_size, 3 * in.size()));
  out.resize(old_size + written);
  bool all_defined = true;
  for (const char c : in) all_defined &= is_defined_in_windows_1252(static_cast<unsigned char>(c));
  return all_defined;
}

}  // namespace kompetent::io
