// write_csv: the exact bytes for nb and en, and the same file read back by
// pandas with the documented settings gives the table's numbers.
#include "io/export/csv_table_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "unit/io_export/export_test_tools.h"
#include "unit/io_export/sample_tables.h"

namespace kompetent::io {
namespace {

using nlohmann::json;
using testing::TempFolder;

std::string csv_of(const ExportTable& table, Language language) {
  std::ostringstream out;
  const Status written = write_csv(table, out, language);
  EXPECT_TRUE(written.ok());
  return out.str();
}

TEST(CsvExport, WritesTheNorwegianTable) {
  // 1023.25 and 1058.75 round half away from zero, as on screen: 1023,3 and 1058,8.
  EXPECT_EQ(csv_of(testing::staffing_table(), Language::nb),
            "\xEF\xBB\xBF"
            "Enhet;Ansatte;Årsverk;Deltid (%);Merknad\r\n"
            "Skjervøy sykehjem;42;31,5;65,7;Ærlig øl på Åsen\r\n"
            "Nordreisa hjemmetjeneste;1234;1023,3;50,0;"
            R"csv("'=HYPERLINK(""http://evil"";""klikk"")")csv"
            "\r\n"
            "Kåfjord legekontor;:;:;:;\r\n"
            "Totalt;1280;1058,8;51,8;\r\n");
}

TEST(CsvExport, WritesTheEnglishTableWithDecimalPointsAndSemicolons) {
  EXPECT_EQ(csv_of(testing::staffing_table(), Language::en),
            "\xEF\xBB\xBF"
            "Enhet;Ansatte;Årsverk;Deltid (%);Merknad\r\n"
            "Skjervøy sykehjem;42;31.5;65.7;Ærlig øl på Åsen\r\n"
            "Nordreisa hjemmetjeneste;1234;1023.3;50.0;"
            R"csv("'=HYPERLINK(""http://evil"";""klikk"")")csv"
            "\r\n"
            "Kåfjord legekontor;:;:;:;\r\n"
            "Totalt;1280;1058.8;51.8;\r\n");
}

TEST(CsvExport, SpellsEachKindOfCell) {
  const ExportColumn text{"t", "Tekst"};
  const ExportColumn integer{"i", "Antall", ColumnKind::integer};
  const ExportColumn decimal{"d", "Årsverk", ColumnKind::decimal, 2};
  const ExportColumn percent{"p", "Andel", ColumnKind::percent, 1};
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const struct {
    ExportCell cell;
    ExportColumn column;
    Language language;
    std::string expected;
  } cases[] = {
      {std::nullopt, integer, Language::nb, ":"},
      {std::string("–"), percent, Language::nb, "–"},  // text is kept, whatever the column
      {std::int64_t{1234567}, integer, Language::nb, "1234567"},  // no thousands separator
      {std::int64_t{-12}, integer, Language::en, "-12"},
      {2.5, integer, Language::nb, "3"},  // half away from zero
      {-1234.5, decimal, Language::nb, "-1234,50"},
      {-1234.5, decimal, Language::en, "-1234.50"},
      {std::int64_t{7}, decimal, Language::nb, "7,00"},
      {0.0005, percent, Language::nb, "0,1"},
      {std::int64_t{1}, percent, Language::en, "100.0"},
      {0.125, text, Language::nb, "0,1"},  // a number in a text column: the column's decimals
      {std::int64_t{9007199254740993}, integer, Language::nb, "9007199254740993"},  // exact
      {nan, decimal, Language::nb, ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(csv_cell_text(c.cell, c.column, c.language), c.expected) << c.expected;
  }
}

TEST(CsvExport, KeepsNegativeNumbersButNeutralisesFormulas) {
  ExportTable table;
  table.columns = {{"t", "Tekst"}, {"d", "Endring", ColumnKind::decimal, 1}};
  table.rows = {{std::string("+47 999"), -1.5},
                {std::string("@SUM(A1)"), std::nullopt},
                {std::string("\tfane"), 0.0}};
  EXPECT_EQ(csv_of(table, Language::nb),
            "\xEF\xBB\xBF"
            "Tekst;Endring\r\n"
            "'+47 999;-1,5\r\n"
            "'@SUM(A1);:\r\n"
            "'\tfane;0,0\r\n");
}

TEST(CsvExport, IsReadBackByPandasWithTheSameNumbers) {
  TempFolder folder;
  const struct {
    Language language;
    char decimal;
    const char* name;
  } cases[] = {{Language::nb, ',', "nb.csv"}, {Language::en, '.', "en.csv"}};
  for (const auto& c : cases) {
    const auto path = folder.file(c.name);
    ASSERT_TRUE(write_csv(testing::staffing_table(), path, c.language).ok());
    const json frame = testing::read_csv_with_pandas(path, c.decimal);
    EXPECT_EQ(frame["columns"], json({"Enhet", "Ansatte", "Årsverk", "Deltid (%)", "Merknad"}));
    const json& data = frame["data"];
    ASSERT_EQ(data.size(), 4u) << frame.dump();
    const json expected_numbers[] = {
        {42, 31.5, 65.7}, {1234, 1023.3, 50.0}, {nullptr, nullptr, nullptr}, {1280, 1058.8, 51.8}};
    for (std::size_t r = 0; r < 4; ++r) {
      for (std::size_t n = 0; n < 3; ++n) {
        const json& read = data[r][n + 1];
        const json& expected = expected_numbers[r][n];
        if (expected.is_null()) {
          EXPECT_TRUE(read.is_null()) << c.name << " row " << r;  // ":" is missing, not text
        } else {
          ASSERT_TRUE(read.is_number()) << c.name << " row " << r << ": " << read;
          EXPECT_DOUBLE_EQ(read.get<double>(), expected.get<double>()) << c.name << " row " << r;
        }
      }
    }
    EXPECT_EQ(data[0][0], "Skjervøy sykehjem");
    EXPECT_EQ(data[0][4], "Ærlig øl på Åsen");
    EXPECT_EQ(data[1][4], R"('=HYPERLINK("http://evil";"klikk"))");
  }
}

TEST(CsvExport, ReportsAFolderThatDoesNotExist) {
  TempFolder folder;
  const auto path = folder.file("mangler") / "eksport.csv";
  const Status written = write_csv(testing::staffing_table(), path, Language::nb);
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error(), Error::io("file_not_writable", {path.string()}));
}

TEST(CsvExport, ReportsAStreamThatFails) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  const Status written = write_csv(testing::staffing_table(), out, Language::nb);
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error(), Error::io("file_not_writable", {"-"}));
}

TEST(CsvExport, RefusesARowWiderThanTheHeader) {
  ExportTable table = testing::staffing_table();
  const ExportCell extra = std::string("ekstra");
  table.rows[1].push_back(extra);
  std::ostringstream out;
  const Status written = write_csv(table, out, Language::nb);
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error(), Error::internal("export_row_too_wide", {"2", "6", "5"}));
  EXPECT_TRUE(out.str().empty());  // nothing half-written
}

}  // namespace
}  // namespace kompetent::io
