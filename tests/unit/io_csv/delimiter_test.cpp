#include "io/csv/delimiter.h"

#include <gtest/gtest.h>

#include <string_view>

namespace kompetent::io {
namespace {

struct DelimiterCase {
  std::string_view text;
  std::optional<HeaderDelimiter> whole;    // when `text` is all of the input
  std::optional<HeaderDelimiter> partial;  // when more may follow
};

constexpr HeaderDelimiter kSemicolon{';', false, 1};
constexpr HeaderDelimiter kComma{',', false, 1};
constexpr HeaderDelimiter kUnsupported{';', true, 1};

constexpr DelimiterCase kCases[] = {
    {"a;b;c\n1,5", kSemicolon, kSemicolon},
    {"a,b,c\r\n", kComma, kComma},
    {"a;b,c\n", kSemicolon, kSemicolon},
    {"a,b;c,d", kComma, std::nullopt},
    {"\"x;y;z\",b,c\n", kComma, kComma},
    {"\"say \"\"a;b\"\"\",c\n", kComma, kComma},
    {"\"unterminated;x", kSemicolon, std::nullopt},
    {"a\"b;c;d\"e,f\n", kSemicolon, kSemicolon},  // a quote mid-field is literal
    {"a\tb\tc\n", kUnsupported, kUnsupported},
    {"a|b\n", kUnsupported, kUnsupported},
    {"a|b;c\n", kSemicolon, kSemicolon},
    {"Ansattnummer\n", kSemicolon, kSemicolon},
    {"\n \r\n\ta,b\n", HeaderDelimiter{',', false, 3}, HeaderDelimiter{',', false, 3}},
    {"", kSemicolon, std::nullopt},
    {"  \n", HeaderDelimiter{';', false, 2}, std::nullopt},
};

TEST(DelimiterTest, DetectsFromTheHeaderLine) {
  for (const DelimiterCase& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(detect_delimiter(c.text, true), c.whole);
    EXPECT_EQ(detect_delimiter(c.text, false), c.partial);
  }
}

}  // namespace
}  // namespace kompetent::io
