// Windows-1252 to UTF-8: the code page Excel's "CSV (semikolonseparert)" writes
// on Norwegian Windows. Bytes 00..7F are ASCII, A0..FF are Latin-1 (æ ø å Æ Ø Å),
// and 80..9F hold the extras (€ ‚ „ … ‰ Š – — ™ ...), except five bytes that
// the code page leaves undefined: 81 8D 8F 90 9D.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace kompetent::io {

// False for the five undefined bytes 0x81 0x8D 0x8F 0x90 0x9D, true otherwise.
[[nodiscard]] constexpr bool is_defined_in_windows_1252(unsigned char byte) noexcept {
  return byte != 0x81 && byte != 0x8D && byte != 0x8F && byte != 0x90 && byte != 0x9D;
}

// Each byte becomes one to three UTF-8 bytes, so `out` needs room for
// 3 * in.size() bytes (precondition). Writes the UTF-8 for `in` to the start of
// `out` and returns how many bytes it wrote. An undefined byte becomes U+FFFD;
// callers that must refuse such input check is_defined_in_windows_1252 first.
std::size_t transcode_windows_1252(std::string_view in, std::span<char> out) noexcept;

// Appends the UTF-8 for `in` to `out`. Returns false if `in` held an undefined
// byte (written as U+FFFD); `out` is complete either way.
bool append_windows_1252_as_utf8(std::string_view in, std::string& out);

}  // namespace kompetent::io
