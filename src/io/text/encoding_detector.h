// Decides how a text file is encoded, from one streaming pass over its bytes.
//
//   EncodingDetector detector;
//   while (read(chunk)) detector.feed(chunk);
//   EncodingVerdict verdict = detector.finish();
//
// The rule (docs/import-format.md): valid UTF-8 (BOM or not) is UTF-8;
// otherwise, if every byte is defined in Windows-1252, it is Windows-1252;
// otherwise the text is undecodable. NUL bytes never occur in the text files we
// read, so any NUL makes the file undecodable, as does a UTF-16 BOM (FF FE or
// FE FF): UTF-16 is refused, not guessed at.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "io/text/utf8.h"

namespace kompetent::io {

enum class TextEncoding {
  utf8,
  windows_1252,
};

// "utf-8" or "windows-1252", for logs and messages.
[[nodiscard]] std::string_view encoding_name(TextEncoding encoding) noexcept;

struct EncodingVerdict {
  std::optional<TextEncoding> encoding;  // nullopt: undecodable
  // Bytes of UTF-8 BOM (EF BB BF) at the start, to skip: 0 or 3. Also set when
  // the rest is not UTF-8, so the BOM never shows up as "ï»¿" in a header.
  std::uint64_t bom_bytes = 0;
  // When undecodable: offset of the first byte from which neither encoding can
  // read the file (the later of the first bad byte for each).
  std::uint64_t undecodable_offset = 0;
  // True if there is nothing but a BOM and spaces, tabs, CR and LF.
  bool blank = true;
  bool operator==(const EncodingVerdict&) const = default;
};

class EncodingDetector {
 public:
  // Feeds the next bytes of the file, in order; pieces may split characters.
  void feed(std::string_view bytes) noexcept;
  // The verdict on everything fed. Call once, after the last feed().
  [[nodiscard]] EncodingVerdict finish() noexcept;

 private:
  void scan_bytes(std::string_view bytes) noexcept;

  Utf8Validator utf8_;
  std::uint64_t offset_ = 0;
  std::array<unsigned char, 3> head_{};  // the first bytes, for the BOM checks
  std::uint64_t head_size_ = 0;
  std::optional<std::uint64_t> first_nul_;
  std::optional<std::uint64_t> first_undefined_1252_;
  std::optional<std::uint64_t> first_content_;      // first byte that is not whitespace
  std::optional<std::uint64_t> first_late_content_;  // same, from offset 3 on (after a BOM)
};

}  // namespace kompetent::io
