#include "io/text/encoding_detector.h"

#include <gtest/gtest.h>

#include <string>

namespace kompetent::io {
namespace {

using namespace std::string_literals;  // "..."s keeps NUL bytes

struct DetectCase {
  std::string name;
  std::string bytes;
  EncodingVerdict expected;
};

constexpr std::optional<TextEncoding> kUtf8 = TextEncoding::utf8;
constexpr std::optional<TextEncoding> kCp1252 = TextEncoding::windows_1252;
constexpr std::optional<TextEncoding> kUndecodable = std::nullopt;

std::vector<DetectCase> cases() {
  return {
      // name, bytes, {encoding, bom_bytes, undecodable_offset, blank}
      {"empty", "", {kUtf8, 0, 0, true}},
      {"only whitespace", " \r\n\t\n", {kUtf8, 0, 0, true}},
      {"only bom", "\xEF\xBB\xBF", {kUtf8, 3, 0, true}},
      {"bom and newline", "\xEF\xBB\xBF\r\n", {kUtf8, 3, 0, true}},
      {"ascii", "a;b\n1;2\n", {kUtf8, 0, 0, false}},
      {"utf-8 with bom", "\xEF\xBB\xBF" "F\xC3\xB8" "dsels\xC3\xA5r\n", {kUtf8, 3, 0, false}},
      {"windows-1252", "F\xF8" "dsels\xE5r;Enhet\n1980;\x80\n", {kCp1252, 0, 0, false}},
      {"bom then windows-1252", "\xEF\xBB\xBF" "\xF8\n", {kCp1252, 3, 0, false}},
      {"utf-8 using byte 81", "\xC3\x81" "se\n", {kUtf8, 0, 0, false}},  // Áse
      {"undefined 1252 byte, not utf-8", "ab\ncd\x81\n", {kUndecodable, 0, 5, false}},
      // UTF-8 breaks at 3 (F8), Windows-1252 only at 7 (81): the later one counts.
      {"1252 letter then undefined byte", "a\nb\xF8\nc\x81\n", {kUndecodable, 0, 6, false}},
      // Windows-1252 breaks at 2 (8F inside a valid UTF-8 "ŏ"), UTF-8 at 5 (FF).
      {"utf-8 then invalid byte", "a\xC5\x8F\nb\xFF" "c\n", {kUndecodable, 0, 5, false}},
      {"utf-16le with bom", "\xFF\xFE" "a\0;\0b\0"s, {kUndecodable, 0, 0, false}},
      {"utf-16be with bom", "\xFE\xFF\0a\0;\0b"s, {kUndecodable, 0, 0, false}},
      {"utf-16le without bom", "a\0;\0b\0"s, {kUndecodable, 0, 1, false}},
      {"nul in ascii", "abc;def\n12\0"s, {kUndecodable, 0, 10, false}},
  };
}

TEST(EncodingDetectorTest, DecidesTheEncoding) {
  for (const DetectCase& c : cases()) {
    SCOPED_TRACE(c.name);
    EncodingDetector detector;
    detector.feed(c.bytes);
    EXPECT_EQ(detector.finish(), c.expected);
  }
}

TEST(EncodingDetectorTest, GivesTheSameVerdictForOneByteFeeds) {
  for (const DetectCase& c : cases()) {
    SCOPED_TRACE(c.name);
    EncodingDetector detector;
    for (const char byte : c.bytes) detector.feed(std::string_view(&byte, 1));
    EXPECT_EQ(detector.finish(), c.expected);
  }
}

TEST(EncodingDetectorTest, FindsANulAfterLongAsciiText) {
  std::string text = "header;row\n" + std::string(4096, 'x');
  text += '\0';
  text += "tail";
  EncodingDetector detector;
  detector.feed(text);
  const EncodingVerdict verdict = detector.finish();
  EXPECT_FALSE(verdict.encoding.has_value());
  EXPECT_EQ(verdict.undecodable_offset, 11u + 4096u);
}

TEST(EncodingDetectorTest, NamesEncodings) {
  EXPECT_EQ(encoding_name(TextEncoding::utf8), "utf-8");
  EXPECT_EQ(encoding_name(TextEncoding::windows_1252), "windows-1252");
}

}  // namespace
}  // namespace kompetent::io
