#include "io/xlsx/cell_text.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace kompetent::io {
namespace {

TEST(ColumnOfReference, ReadsLettersBeforeTheRow) {
  const struct {
    const char* reference;
    std::optional<int> column;
  } cases[] = {
      {"A1", 0},
      {"C7", 2},
      {"Z9", 25},
      {"AA10", 26},
      {"az3", 51},
      {"XFD1", 16383},
      {"XFE1", std::nullopt},
      {"ZZZZ1", std::nullopt},
      {"7", std::nullopt},
      {"", std::nullopt},
      {"B", 1},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(column_of_reference(c.reference), c.column) << c.reference;
  }
}

TEST(AppendNumberText, WritesIntegersWithoutFractionAndOthersShortest) {
  const struct {
    const char* stored;
    const char* text;
  } cases[] = {
      {"75", "75"},
      {"75.0", "75"},
      {"7.5E1", "75"},
      {"75.5", "75.5"},
      {"0.1", "0.1"},
      {"-3", "-3"},
      {"-0", "0"},
      {"100.00000000000001", "100.00000000000001"},
      {"0.30000000000000004", "0.30000000000000004"},
      {"45657", "45657"},
      {"12345678901", "12345678901"},
  };
  for (const auto& c : cases) {
    std::string out;
    EXPECT_TRUE(append_number_text(c.stored, out)) << c.stored;
    EXPECT_EQ(out, c.text) << c.stored;
  }
}

TEST(AppendNumberText, RefusesWhatIsNotANumber) {
  for (const char* stored : {"", "abc", "1,5", " 1", "1 ", "nan", "inf", "1e999"}) {
    std::string out = "kept";
    EXPECT_FALSE(append_number_text(stored, out)) << stored;
    EXPECT_EQ(out, "kept");
  }
}

TEST(UnescapeXstring, DecodesHexEscapes) {
  const struct {
    const char* stored;
    const char* text;
  } cases[] = {
      {"plain", "plain"},           {"a_x000D_b", "a\rb"},
      {"_x005F_x000D_", "_x000D_"},  // an escaped underscore keeps the rest literal
      {"Ansatt_nr", "Ansatt_nr"},   {"_x00E6_", "\xC3\xA6"},  // æ
      {"_xD800_", "_xD800_"},                                 // a lone surrogate is no character
      {"_x12G4_", "_x12G4_"},       {"_x00", "_x00"},
  };
  for (const auto& c : cases) {
    std::string text = c.stored;
    unescape_xstring(text);
    EXPECT_EQ(text, c.text) << c.stored;
  }
}

}  // namespace
}  // namespace kompetent::io

namespace kompetent::io {
namespace {

TEST(PercentText, MovesTheDecimalPointWithoutRounding) {
  const struct {
    const char* stored;
    const char* shown;
  } cases[] = {
      {"0.755", "75.5%"}, {"1", "100%"},       {"0", "0%"},         {"0.5", "50%"},
      {"-0.25", "-25%"},  {"0.1234", "12.34%"}, {"12", "1200%"},    {"0.05", "5%"},
      {"1E-3", "0.1%"},   {"1e-07", "0.00001%"}, {"3E+15", "300000000000000000%"},
      {"1.5e2", "15000%"}, {"-0", "0%"},
  };
  for (const auto& c : cases) EXPECT_EQ(percent_text(c.stored), c.shown) << c.stored;
}

}  // namespace
}  // namespace kompetent::io
