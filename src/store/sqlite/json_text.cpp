#include "store/sqlite/json_text.h"

#include <charconv>
#include <cstring>

namespace kompetent::store::sqlite {
namespace {

void append_utf8(std::uint32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// True if any of the 8 bytes of `word` is a control character, '"' or '\\'
// (the classic "has zero byte" bit trick, applied to the word and to its XOR
// with each of the two characters).
constexpr bool needs_escape(std::uint64_t word) noexcept {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kHighs = 0x8080808080808080u;
  const std::uint64_t quote = word ^ (kOnes * '"');
  const std::uint64_t backslash = word ^ (kOnes * '\\');
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word;
  const std::uint64_t is_quote = (quote - kOnes) & ~quote;
  const std::uint64_t is_backslash = (backslash - kOnes) & ~backslash;
  return ((below_space | is_quote | is_backslash) & kHighs) != 0;
}

// The length of the longest prefix of `text` with no control character, '"'
// or '\\': what a JSON string holds unescaped. Most text is all prefix, so it
// is skipped a word at a time.
std::size_t plain_prefix(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i + 8 <= text.size()) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    if (needs_escape(word)) break;
    i += 8;
  }
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\' || c < 0x20) break;
    ++i;
  }
  return i;
}

}  // namespace

void append_json_string(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  while (true) {
    const std::size_t plain = plain_prefix(text);
    out.append(text.data(), plain);
    if (plain == text.size()) break;
    const auto c = static_cast<unsigned char>(text[plain]);
    text.remove_prefix(plain + 1);
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default: {
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
        out.append(escaped, sizeof escaped);
      }
    }
  }
  out.push_back('"');
}

void append_json_integer(std::int64_t value, std::string& out) {
  char buffer[24];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, end);
}

bool JsonReader::at_end() noexcept {
  skip_space();
  return position_ == text_.size();
}

bool JsonReader::take(char c) noexcept {
  skip_space();
  if (position_ == text_.size() || text_[position_] != c) return false;
  ++position_;
  return true;
}

bool JsonReader::take_null() noexcept { return take_literal("null"); }

std::optional<bool> JsonReader::take_boolean() noexcept {
  if (take_literal("true")) return true;
  if (take_literal("false")) return false;
  return std::nullopt;
}

std::optional<std::int64_t> JsonReader::take_integer() noexcept {
  skip_space();
  const char* begin = text_.data() + position_;
  const char* end = text_.data() + text_.size();
  std::int64_t value = 0;
  const auto [stop, error] = std::from_chars(begin, end, value);  // no '+', as in JSON
  if (error != std::errc{} || stop == begin) return std::nullopt;
  // JSON numbers have no leading zeros, fractions or exponents.
  const char* digits = *begin == '-' ? begin + 1 : begin;
  if (*digits == '0' && stop - digits > 1) return std::nullopt;
  if (stop != end && (*stop == '.' || *stop == 'e' || *stop == 'E')) return std::nullopt;
  position_ += static_cast<std::size_t>(stop - begin);
  return value;
}

bool JsonReader::take_string(std::string& out) {
  if (!take('"')) return false;
  out.clear();
  while (true) {
    const std::size_t plain = plain_prefix(text_.substr(position_));
    out.append(text_.data() + position_, plain);
    position_ += plain;
    if (position_ == text_.size()) return false;
    const char c = text_[position_++];
    if (c == '"') return true;
    if (c != '\\' || !take_escape(out)) return false;  // else a control character
  }
}

void JsonReader::skip_space() noexcept {
  while (position_ < text_.size()) {
    const char c = text_[position_];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
    ++position_;
  }
}

bool JsonReader::take_literal(std::string_view literal) noexcept {
  skip_space();
  if (text_.substr(position_, literal.size()) != literal) return false;
  position_ += literal.size();
  return true;
}

bool JsonReader::take_escape(std::string& out) {
  if (position_ == text_.size()) return false;
  switch (text_[position_++]) {
    case '"':
      out.push_back('"');
      return true;
    case '\\':
      out.push_back('\\');
      return true;
    case '/':
      out.push_back('/');
      return true;
    case 'b':
      out.push_back('\b');
      return true;
    case 'f':
      out.push_back('\f');
      return true;
    case 'n':
      out.push_back('\n');
      return true;
    case 'r':
      out.push_back('\r');
      return true;
    case 't':
      out.push_back('\t');
      return true;
    case 'u':
      break;
    default:
      return false;
  }
  auto unit = take_hex4();
  if (!unit) return false;
  std::uint32_t code_point = *unit;
  if (code_point >= 0xD800 && code_point <= 0xDBFF) {  // a UTF-16 surrogate pair
    if (text_.substr(position_, 2) != "\\u") return false;
    position_ += 2;
    auto low = take_hex4();
    if (!low || *low < 0xDC00 || *low > 0xDFFF) return false;
    code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
  } else if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
    return false;
  }
  append_utf8(code_point, out);
  return true;
}

std::optional<std::uint32_t> JsonReader::take_hex4() noexcept {
  if (text_.size() - position_ < 4) return std::nullopt;
  std::uint32_t value = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = text_[position_++];
    value <<= 4;
    if (c >= '0' && c <= '9') {
      value |= static_cast<std::uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      value |= static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      value |= static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
  }
  return value;
}

}  // namespace kompetent::store::sqlite
