// Text length as people count it: Unicode code points, not UTF-8 bytes, so a
// password or name of "æøå" is three characters long.
#pragma once

#include <cstddef>
#include <string_view>

namespace kompetent {

// The number of code points in UTF-8 `text`: every byte that does not continue
// a sequence. Invalid UTF-8 is counted the same way and never fails.
[[nodiscard]] constexpr std::size_t code_point_count(std::string_view text) noexcept {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace kompetent
