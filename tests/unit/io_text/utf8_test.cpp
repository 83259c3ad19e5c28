#include "io/text/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace kompetent::io {
namespace {

struct Utf8Case {
  std::string_view name;
  std::string_view bytes;
  bool valid;
  std::uint64_t error_offset;  // when !valid
};

// The invalid cases follow RFC 3629 §4 and the Unicode table of well-formed sequences.
constexpr Utf8Case kUtf8Cases[] = {
    {"empty", "", true, 0},
    {"ascii", "Ansattnummer;Enhet\r\n", true, 0},
    {"norwegian letters", "F\xC3\xB8" "dsels\xC3\xA5r \xC3\x86\xC3\x98\xC3\x85", true, 0},
    {"euro sign (3 bytes)", "\xE2\x82\xAC", true, 0},
    {"emoji (4 bytes)", "\xF0\x9F\x98\x80", true, 0},
    {"highest code point", "\xF4\x8F\xBF\xBF", true, 0},
    {"windows-1252 o-slash", "F\xF8" "dsels\xE5r", false, 1},
    {"lone continuation", "ab\x80", false, 2},
    {"overlong slash C0", "\xC0\xAF", false, 0},
    {"overlong C1", "a\xC1\xBF", false, 1},
    {"overlong three bytes", "\xE0\x80\xAF", false, 0},
    {"overlong four bytes", "\xF0\x80\x80\xAF", false, 0},
    {"surrogate", "x\xED\xA0\x80", false, 1},
    {"above U+10FFFF", "\xF4\x90\x80\x80", false, 0},
    {"F5 never leads", "\xF5\x80\x80\x80", false, 0},
    {"FF never occurs", "abc\xFF", false, 3},
    {"truncated at end", "ab\xC3", false, 2},
    {"truncated by ascii", "\xE2\x82" "a", false, 0},
    {"utf-16le bom", "\xFF\xFE" "A\0", false, 0},
};

TEST(Utf8Test, ValidatesWholeText) {
  for (const Utf8Case& c : kUtf8Cases) {
    SCOPED_TRACE(c.name);
    Utf8Validator validator;
    validator.feed(c.bytes);
    EXPECT_EQ(validator.finish(), c.valid);
    EXPECT_EQ(is_valid_utf8(c.bytes), c.valid);
    if (!c.valid) {
      EXPECT_EQ(validator.error_offset(), c.error_offset);
    }
  }
}

// A sequence split across two reads must be judged as if read whole.
TEST(Utf8Test, GivesTheSameAnswerForEverySplit) {
  for (const Utf8Case& c : kUtf8Cases) {
    for (std::size_t split = 0; split <= c.bytes.size(); ++split) {
      SCOPED_TRACE(std::string(c.name) + " split at " + std::to_string(split));
      Utf8Validator validator;
      validator.feed(c.bytes.substr(0, split));
      validator.feed(c.bytes.substr(split));
      EXPECT_EQ(validator.finish(), c.valid);
      if (!c.valid) {
        EXPECT_EQ(validator.error_offset(), c.error_offset);
      }
    }
  }
}

TEST(Utf8Test, FindsAnErrorAfterALongAsciiRun) {
  std::string text(1000, 'a');
  text += "\xC3\xB8";
  text += std::string(37, 'b');
  text += '\xF8';
  text += std::string(20, 'c');
  Utf8Validator validator;
  EXPECT_FALSE(validator.feed(text));
  EXPECT_FALSE(validator.finish());
  EXPECT_EQ(validator.error_offset(), 1039u);
}

}  // namespace
}  // namespace kompetent::io
