#include "io/text/windows_1252.h"

#include <gtest/gtest.h>

#include <string>

#include "io/text/utf8.h"

namespace kompetent::io {
namespace {

struct TranscodeCase {
  std::string_view windows_1252;
  std::string_view utf8;
};

constexpr TranscodeCase kTranscodeCases[] = {
    {"Ansattnummer", "Ansattnummer"},
    {"F\xF8" "dsels\xE5r", "F\xC3\xB8" "dsels\xC3\xA5r"},       // Fødselsår
    {"\xC6\xD8\xC5\xE6\xF8\xE5", "\xC3\x86\xC3\x98\xC3\x85\xC3\xA6\xC3\xB8\xC3\xA5"},  // ÆØÅæøå
    {"\x80", "\xE2\x82\xAC"},                                    // €
    {"\x82", "\xE2\x80\x9A"},                                    // ‚
    {"\x84", "\xE2\x80\x9E"},                                    // „
    {"\x85", "\xE2\x80\xA6"},                                    // …
    {"\x89", "\xE2\x80\xB0"},                                    // ‰
    {"\x8A", "\xC5\xA0"},                                        // Š
    {"\x96\x97", "\xE2\x80\x93\xE2\x80\x94"},                    // – —
    {"\x99", "\xE2\x84\xA2"},                                    // ™
    {"\x9F", "\xC5\xB8"},                                        // Ÿ
    {"\xA0", "\xC2\xA0"},                                        // no-break space
    {"\xFF", "\xC3\xBF"},                                        // ÿ
};

TEST(Windows1252Test, TranscodesToUtf8) {
  for (const TranscodeCase& c : kTranscodeCases) {
    SCOPED_TRACE(std::string(c.utf8));
    std::string out = "x";
    EXPECT_TRUE(append_windows_1252_as_utf8(c.windows_1252, out));
    EXPECT_EQ(out, "x" + std::string(c.utf8));
  }
}

TEST(Windows1252Test, EveryDefinedByteBecomesValidUtf8) {
  int undefined = 0;
  for (int byte = 0; byte < 256; ++byte) {
    const std::string in(1, static_cast<char>(byte));
    std::string out;
    const bool defined = append_windows_1252_as_utf8(in, out);
    EXPECT_EQ(defined, is_defined_in_windows_1252(static_cast<unsigned char>(byte))) << byte;
    EXPECT_TRUE(is_valid_utf8(out)) << byte;
    EXPECT_LE(out.size(), 3u);
    if (!defined) {
      ++undefined;
      EXPECT_EQ(out, "\xEF\xBF\xBD");  // U+FFFD
    }
  }
  EXPECT_EQ(undefined, 5);  // 81 8D 8F 90 9D
}

TEST(Windows1252Test, UndefinedBytes) {
  for (const unsigned char byte : {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
    EXPECT_FALSE(is_defined_in_windows_1252(byte)) << int{byte};
  }
  std::string out;
  EXPECT_FALSE(append_windows_1252_as_utf8("a\x81" "b", out));
  EXPECT_EQ(out, "a\xEF\xBF\xBD" "b");
}

}  // namespace
}  // namespace kompetent::io
