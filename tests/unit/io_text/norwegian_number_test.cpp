#include "io/text/norwegian_number.h"

#include <gtest/gtest.h>

#include <optional>
#include <string_view>

namespace kompetent::io {
namespace {

constexpr std::optional<std::int64_t> kInvalid = std::nullopt;

struct HundredthsCase {
  std::string_view text;
  std::optional<std::int64_t> hundredths;
};

constexpr HundredthsCase kHundredths[] = {
    {"75,5", 7550},
    {"75.5", 7550},
    {"100", 10000},
    {"75,55", 7555},
    {"75,555", kInvalid},  // three decimals: a typing mistake, not to be rounded away
    {"75,5 %", 7550},
    {"75,5%", 7550},
    {" 80 % ", 8000},
    {"\xC2\xA0" "80\xC2\xA0%", 8000},  // no-break spaces, as Excel writes them
    {"0,05", 5},
    {"0", 0},
    {"-5", -500},
    {"+5", 500},
    {"1 234,5", 123450},
    {"abc", kInvalid},
    {"", kInvalid},
    {"   ", kInvalid},
    {"%", kInvalid},
    {"75,", kInvalid},
    {",5", kInvalid},
    {"75,5,5", kInvalid},
    {"75.5.5", kInvalid},
    {"7 5", kInvalid},
    {"75 %%", kInvalid},
    {"--5", kInvalid},
    {"- 5", kInvalid},
    {"5-", kInvalid},
    {"1e3", kInvalid},
    {"0x10", kInvalid},
    {"92233720368547758", 9223372036854775800},
    {"92233720368547759", kInvalid},  // overflows int64 once scaled by 100
};

TEST(NorwegianNumberTest, ParsesHundredthsExactly) {
  for (const HundredthsCase& c : kHundredths) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(parse_hundredths(c.text), c.hundredths);
  }
}

struct WholeCase {
  std::string_view text;
  std::optional<std::int64_t> value;
};

constexpr WholeCase kWhole[] = {
    {"100", 100},
    {"1 234", 1234},
    {"1\xC2\xA0" "234", 1234},
    {"12 345 678", 12345678},
    {" 60 ", 60},
    {"-5", -5},
    {"10,0", 10},
    {"10,00", 10},
    {"10,5", kInvalid},
    {"75,5 %", kInvalid},
    {"80 %", kInvalid},
    {"12 34", kInvalid},     // not groups of three: a typo, not a thousands separator
    {"1234 567", kInvalid},
    {"1 234 56", kInvalid},
    {"1.234", kInvalid},     // a point is a decimal point, and 234 thousandths is not whole
    {"abc", kInvalid},
    {"", kInvalid},
    {"9223372036854775807", 9223372036854775807},
    {"9223372036854775808", kInvalid},
};

TEST(NorwegianNumberTest, ParsesWholeNumbers) {
  for (const WholeCase& c : kWhole) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(parse_whole_number(c.text), c.value);
  }
}

struct DecimalCase {
  std::string_view text;
  std::optional<double> value;
};

const DecimalCase kDecimal[] = {
    {"75,5", 75.5},
    {"75.5", 75.5},
    {"0,125", 0.125},
    {"75,555", 75.555},
    {"1 234,5", 1234.5},
    {"-2,5", -2.5},
    {" 80 % ", 80.0},
    {"0,1", 0.1},
    {"abc", std::nullopt},
    {"", std::nullopt},
    {"1,2,3", std::nullopt},
    {"1e5", std::nullopt},
    {"inf", std::nullopt},
    {"nan", std::nullopt},
};

TEST(NorwegianNumberTest, ParsesDecimals) {
  for (const DecimalCase& c : kDecimal) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(parse_decimal(c.text), c.value);
  }
}

}  // namespace
}  // namespace kompetent::io
