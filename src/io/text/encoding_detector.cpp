#include "io/text/encoding_detector.h"

#include <algorithm>
#include <cstring>

#include "io/text/windows_1252.h"

namespace kompetent::io {
namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

constexpr bool is_blank_byte(unsigned char byte) noexcept {
  return byte == ' ' || byte == '\t' || byte == '\r' || byte == '\n';
}

// Returns the first byte from `p` that is NUL or not ASCII, or `end`. Real
// exports are nearly all such plain bytes, so they are skipped eight at a time.
const unsigned char* skip_plain_ascii(const unsigned char* p, const unsigned char* end) noexcept {
  while (end - p >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    // A byte sets its high bit here if it is >= 0x80 or (by the borrow) zero.
    if (((word - kOnes) | word) & kHighBits) break;
    p += 8;
  }
  while (p < end && *p != 0 && *p < 0x80) ++p;
  return p;
}

}  // namespace

std::string_view encoding_name(TextEncoding encoding) noexcept {
  switch (encoding) {
    case TextEncoding::utf8:
      return "utf-8";
    case TextEncoding::windows_1252:
      return "windows-1252";
  }
  return "unknown";
}

void EncodingDetector::feed(std::string_view bytes) noexcept {
  for (std::size_t i = 0; head_size_ < head_.size() && i < bytes.size(); ++i) {
    head_[head_size_++] = static_cast<unsigned char>(bytes[i]);
  }
  utf8_.feed(bytes);
  scan_bytes(bytes);
  offset_ += bytes.size();
}

// Looks for NULs, undefined Windows-1252 bytes and the first non-blank byte.
void EncodingDetector::scan_bytes(std::string_view bytes) noexcept {
  const auto* const begin = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* const end = begin + bytes.size();
  const auto* p = begin;
  while (p < end) {
    // Until content is found every byte is looked at; it is found at once in
    // any real file.
    if (first_late_content_) {
      p = skip_plain_ascii(p, end);
      if (p == end) break;
    }
    const unsigned char byte = *p;
    const std::uint64_t at = offset_ + static_cast<std::uint64_t>(p - begin);
    if (byte == 0 && !first_nul_) first_nul_ = at;
    if (!is_defined_in_windows_1252(byte) && !first_undefined_1252_) first_undefined_1252_ = at;
    if (!is_blank_byte(byte)) {
      if (!first_content_) first_content_ = at;
      if (!first_late_content_ && at >= 3) first_late_content_ = at;
    }
    ++p;
  }
}

EncodingVerdict EncodingDetector::finish() noexcept {
  EncodingVerdict verdict;
  const bool utf8_bom =
      head_size_ == 3 && head_[0] == 0xEF && head_[1] == 0xBB && head_[2] == 0xBF;
  const bool utf16_bom =
      head_size_ >= 2 && ((head_[0] == 0xFF && head_[1] == 0xFE) ||
                          (head_[0] == 0xFE && head_[1] == 0xFF));
  verdict.bom_bytes = utf8_bom ? 3 : 0;
  verdict.blank = utf8_bom ? !first_late_content_.has_value() : !first_content_.has_value();

  const bool utf8_ok = utf8_.finish();
  constexpr std::uint64_t kNever = UINT64_MAX;
  const std::uint64_t nul = first_nul_.value_or(kNever);
  const std::uint64_t utf8_bad = std::min(utf8_ok ? kNever : utf8_.error_offset(), nul);
  const std::uint64_t cp1252_bad =
      utf16_bom ? 0 : std::min(first_undefined_1252_.value_or(kNever), nul);
  if (utf8_bad == kNever) {
    verdict.encoding = TextEncoding::utf8;
  } else if (cp1252_bad == kNever) {
    verdict.encoding = TextEncoding::windows_1252;
  } else {
    verdict.undecodable_offset = std::max(utf8_bad, cp1252_bad);
  }
  return verdict;
}

}  // namespace kompetent::io
