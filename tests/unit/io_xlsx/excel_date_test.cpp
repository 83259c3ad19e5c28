#include "io/xlsx/excel_date.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace kompetent::io {
namespace {

std::string iso(double serial, DateSystem system = DateSystem::from_1900) {
  const std::optional<Date> date = date_from_serial(serial, system);
  return date ? to_iso(*date) : "none";
}

TEST(DateFromSerial, Follows1900SystemWithLotusBug) {
  const struct {
    double serial;
    const char* date;
  } cases[] = {
      {1, "1900-01-01"},
      {59, "1900-02-28"},
      {60, "none"},  // the phantom 1900-02-29
      {61, "1900-03-01"},
      {45657, "2024-12-31"},
      {45658.75, "2025-01-01"},
      {2958465, "9999-12-31"},
      {2958466, "none"},
      {0, "none"},
      {-5, "none"},
      {0.5, "none"},
  };
  for (const auto& c : cases) EXPECT_EQ(iso(c.serial), c.date) << c.serial;
}

TEST(DateFromSerial, Follows1904System) {
  EXPECT_EQ(iso(0, DateSystem::from_1904), "1904-01-01");
  EXPECT_EQ(iso(44195, DateSystem::from_1904), "2024-12-31");  // 45657 - 1462
  EXPECT_EQ(iso(-1, DateSystem::from_1904), "none");
}

TEST(DateFormats, KnowsBuiltInDateIds) {
  for (int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47}) {
    EXPECT_TRUE(is_builtin_date_format(id)) << id;
  }
  for (int id : {0, 1, 2, 4, 9, 10, 13, 23, 44, 48, 49, 164}) {
    EXPECT_FALSE(is_builtin_date_format(id)) << id;
  }
}

TEST(DateFormats, FindsDateCodesOutsideQuotesAndBrackets) {
  const struct {
    const char* code;
    bool date;
  } cases[] = {
      {"dd.mm.yyyy", true},
      {"d/m/yy", true},
      {"mmm yy", true},
      {"[$-414]dd\\.mm\\.yyyy", true},
      {"YYYY-MM-DD", true},
      {"General", false},
      {"0.0 \"dager\"", false},
      {"[Red]#,##0", false},
      {"#,##0.00 \"kr\";[Red]-#,##0.00", false},
      {"\\d0", false},
      {"[h]:ss", false},
      {"_-* #,##0_-", false},
      {"\"unterminated", false},
  };
  for (const auto& c : cases) EXPECT_EQ(is_date_format_code(c.code), c.date) << c.code;
}

}  // namespace
}  // namespace kompetent::io
