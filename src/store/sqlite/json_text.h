// The little JSON the store writes and reads back (see position_block.h):
// strings kept byte for byte, integers, booleans, null, arrays and objects.
// Internal to store/sqlite.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kompetent::store::sqlite {

// Appends `text` as a JSON string. Only '"', '\' and control characters are
// escaped; every other byte (UTF-8 included) is copied as it is.
void append_json_string(std::string_view text, std::string& out);

// Appends `value` in decimal.
void append_json_integer(std::int64_t value, std::string& out);

// Reads JSON from the front of a text. Every take_* returns false (or nullopt)
// if the next token is not what it asks for; after that the reader's position
// is unspecified and the caller gives up on the text.
class JsonReader {
 public:
  explicit JsonReader(std::string_view text) noexcept : text_(text) {}

  // true if only whitespace is left.
  [[nodiscard]] bool at_end() noexcept;
  // Takes `c` (one of []{}:, ) if it is the next token.
  [[nodiscard]] bool take(char c) noexcept;
  // Takes `null` if it is the next token.
  [[nodiscard]] bool take_null() noexcept;
  // A string into `out` (replaced), escapes decoded to UTF-8.
  [[nodiscard]] bool take_string(std::string& out);
  [[nodiscard]] std::optional<std::int64_t> take_integer() noexcept;
  [[nodiscard]] std::optional<bool> take_boolean() noexcept;

 private:
  void skip_space() noexcept;
  bool take_literal(std::string_view literal) noexcept;
  bool take_escape(std::string& out);
  std::optional<std::uint32_t> take_hex4() noexcept;

  std::string_view text_;
  std::size_t position_ = 0;
};

}  // namespace kompetent::store::sqlite
