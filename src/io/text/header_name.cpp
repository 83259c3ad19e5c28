#include "io/text/header_name.h"

namespace kompetent::io {
namespace {

// Second bytes of the two-byte UTF-8 sequences C3 xx for the letters we fold.
constexpr unsigned char kLowerAe = 0xA6;      // æ
constexpr unsigned char kLowerOSlash = 0xB8;  // ø
constexpr unsigned char kLowerARing = 0xA5;   // å
constexpr unsigned char kLowerAUmlaut = 0xA4;  // ä
constexpr unsigned char kLowerOUmlaut = 0xB6;  // ö

// Lower-cases, folds the Nordic letters and makes whitespace runs one space.
std::string lower_and_fold(std::string_view header) {
  std::string out;
  out.reserve(header.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const auto byte = static_cast<unsigned char>(header[i]);
    const bool nbsp = byte == 0xC2 && i + 1 < header.size() &&
                      static_cast<unsigned char>(header[i + 1]) == 0xA0;
    if (byte == ' ' || byte == '\t' || byte == '\r' || byte == '\n' || nbsp) {
      pending_space = !out.empty();
      if (nbsp) ++i;
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    if (byte >= 'A' && byte <= 'Z') {
      out.push_back(static_cast<char>(byte + ('a' - 'A')));
      continue;
    }
    if (byte == 0xC3 && i + 1 < header.size()) {
      auto second = static_cast<unsigned char>(header[i + 1]);
      // À..Þ (C3 80..9E) lower-case to C3 A0..BE; × (C3 97) has no case.
      if (second >= 0x80 && second <= 0x9E && second != 0x97) second += 0x20;
      ++i;
      switch (second) {
        case kLowerAe:
        case kLowerAUmlaut:
          out += "ae";
          continue;
        case kLowerOSlash:
        case kLowerOUmlaut:
          out += 'o';
          continue;
        case kLowerARing:
          out += 'a';
          continue;
        default:
          out.push_back(static_cast<char>(0xC3));
          out.push_back(static_cast<char>(second));
          continue;
      }
    }
    out.push_back(static_cast<char>(byte));
  }
  return out;
}

}  // namespace

std::string normalize_header_name(std::string_view header) {
  const std::string folded = lower_and_fold(header);
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    out.push_back(folded[i]);
    // "oe" → "o", "aa" → "a": the second letter is dropped.
    const bool pair = i + 1 < folded.size() &&
                      ((folded[i] == 'o' && folded[i + 1] == 'e') ||
                       (folded[i] == 'a' && folded[i + 1] == 'a'));
    if (pair) ++i;
  }
  return out;
}

}  // namespace kompetent::io
