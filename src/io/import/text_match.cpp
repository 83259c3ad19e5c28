#include "io/import/text_match.h"

namespace kompetent::io {

std::string_view trim_view(std::string_view text) noexcept {
  auto is_space_at_front = [&](std::string_view s) -> std::size_t {
    if (s.empty()) return 0;
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n') return 1;
    if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') return 2;
    return 0;
  };
  auto is_space_at_back = [&](std::string_view s) -> std::size_t {
    if (s.empty()) return 0;
    char c = s.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
    if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && c == '\xA0') return 2;
    return 0;
  };
  while (std::size_t n = is_space_at_front(text)) text.remove_prefix(n);
  while (std::size_t n = is_space_at_back(text)) text.remove_suffix(n);
  return text;
}

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c + 32));
    } else if (c == 0xC3 && i + 1 < text.size()) {
      // Latin-1 supplement capitals U+00C0..U+00DE (except ×) sit 0x20 below their lower case.
      unsigned char next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) next = static_cast<unsigned char>(next + 0x20);
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(next));
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

}  // namespace kompetent::io

