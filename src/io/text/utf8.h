// UTF-8 validation, whole or in pieces.
//
//   Utf8Validator validator;
//   for (std::string_view chunk : chunks) validator.feed(chunk);
//   if (!validator.finish()) report(validator.error_offset());
//
// Valid means well-formed per RFC 3629: no overlong forms, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF, no sequence cut off at the end.
#pragma once

#include <cstdint>
#include <string_view>

namespace kompetent::io {

// True if `text` is complete, valid UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view text) noexcept;

// Validates a byte stream fed in arbitrary pieces; a sequence may straddle two pieces.
class Utf8Validator {
 public:
  // Feeds the next bytes. Returns false once the input so far is invalid, and
  // stays false after that (later bytes are not looked at).
  bool feed(std::string_view bytes) noexcept;

  // Ends the stream: returns true if everything fed was valid and no sequence
  // was left incomplete. Call once, after the last feed().
  bool finish() noexcept;

  [[nodiscard]] bool valid() const noexcept { return !failed_; }

  // When !valid(): offset, from the first byte ever fed, of the first byte of
  // the first invalid sequence. Meaningless while valid().
  [[nodiscard]] std::uint64_t error_offset() const noexcept { return error_offset_; }

 private:
  std::uint64_t offset_ = 0;          // bytes fed so far
  std::uint64_t sequence_start_ = 0;  // offset of the lead byte of the open sequence
  std::uint64_t error_offset_ = 0;
  int continuations_needed_ = 0;
  // Allowed range for the next continuation byte; narrower than 80..BF right
  // after E0, ED, F0 and F4, which is how overlongs and surrogates are refused.
  unsigned char next_low_ = 0x80;
  unsigned char next_high_ = 0xBF;
  bool failed_ = false;
};

}  // namespace kompetent::io
