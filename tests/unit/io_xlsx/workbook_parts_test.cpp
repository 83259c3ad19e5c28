#include "io/xlsx/workbook_parts.h"

#include <gtest/gtest.h>

namespace kompetent::io {
namespace {

TEST(ResolvePartName, ResolvesRelativeAndAbsoluteTargets) {
  const struct {
    const char* source;
    const char* target;
    const char* part;
  } cases[] = {
      {"xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"},
      {"xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"},
      {"xl/workbook.xml", "./worksheets//sheet1.xml", "xl/worksheets/sheet1.xml"},
      {"xl/workbook.xml", "../docProps/app.xml", "docProps/app.xml"},
      {"", "xl/workbook.xml", "xl/workbook.xml"},
      {"xl/workbook.xml", "../../etc/passwd", ""},
      {"", "/../x", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(resolve_part_name(c.source, c.target), c.part) << c.source << " + " << c.target;
  }
}

}  // namespace
}  // namespace kompetent::io
