#include "io/text/utf8.h"

#include <cstring>

namespace kompetent::io {
namespace {

constexpr std::uint64_t kAsciiHighBits = 0x8080808080808080ULL;

}  // namespace

bool is_valid_utf8(std::string_view text) noexcept {
  Utf8Validator validator;
  validator.feed(text);
  return validator.finish();
}

bool Utf8Validator::feed(std::string_view bytes) noexcept {
  if (failed_) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* const end = p + bytes.size();
  const std::uint64_t base = offset_;
  const auto* const begin = p;
  auto fail = [&](std::uint64_t at) {
    failed_ = true;
    error_offset_ = at;
    offset_ = base + bytes.size();
    return false;
  };
  while (p < end) {
    if (continuations_needed_ == 0) {
      // Exports are mostly ASCII: skip eight plain bytes at a time.
      while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, sizeof word);
        if (word & kAsciiHighBits) break;
        p += 8;
      }
      if (p == end) break;
      const unsigned char lead = *p;
      if (lead < 0x80) {
        ++p;
        continue;
      }
      sequence_start_ = base + static_cast<std::uint64_t>(p - begin);
      next_low_ = 0x80;
      next_high_ = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
        continuations_needed_ = 1;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuations_needed_ = 2;
        if (lead == 0xE0) next_low_ = 0xA0;   // below: overlong
        if (lead == 0xED) next_high_ = 0x9F;  // above: surrogates
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuations_needed_ = 3;
        if (lead == 0xF0) next_low_ = 0x90;   // below: overlong
        if (lead == 0xF4) next_high_ = 0x8F;  // above: beyond U+10FFFF
      } else {
        return fail(sequence_start_);  // 80..C1 and F5..FF never lead
      }
      ++p;
      continue;
    }
    const unsigned char byte = *p;
    if (byte < next_low_ || byte > next_high_) return fail(sequence_start_);
    next_low_ = 0x80;
    next_high_ = 0xBF;
    --continuations_needed_;
    ++p;
  }
  offset_ = base + bytes.size();
  return true;
}

bool Utf8Validator::finish() noexcept {
  if (failed_) return false;
  if (continuations_needed_ != 0) {
    failed_ = true;
    error_offset_ = sequence_start_;
    return false;
  }
  return true;
}

}  // namespace kompetent::io
