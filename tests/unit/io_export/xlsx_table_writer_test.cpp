// write_xlsx read back by an independent reader (openpyxl): values, number
// formats, layout and charts as a user opening the file in Excel gets them.
#include "io/export/xlsx_table_writer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "unit/io_export/export_test_tools.h"
#include "unit/io_export/sample_tables.h"

namespace kompetent::io {
namespace {

using nlohmann::json;
using testing::TempFolder;

ExportWorkbook workbook_of(ExportTable table) {
  ExportWorkbook workbook;
  workbook.sheets.push_back(std::move(table));
  return workbook;
}

// Writes the two sample tables once and reads them back with openpyxl once:
// starting python for each test would cost most of the suite's time.
class XlsxExport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ExportWorkbook workbook;
    workbook.sheets = {testing::staffing_table(), testing::age_gender_table()};
    workbook.author = "Kari Nordmann";
    workbook.created_iso = "2025-12-31T08:00:00Z";
    TempFolder folder;
    const auto path = folder.file("eksport.xlsx");
    const Status written = write_xlsx(workbook, path);
    if (!written.ok()) throw std::runtime_error("write_xlsx: " + written.error().code);
    read_ = testing::read_xlsx(path);
  }
  void SetUp() override { ASSERT_EQ(read_["sheets"].size(), 2u) << read_.dump(1); }

  static const json& sheet(std::size_t index) { return read_["sheets"][index]; }
  // The cell as openpyxl read it, or null if it is empty.
  static const json& cell(std::size_t index, const std::string& ref) {
    static const json missing;
    const json& cells = sheet(index)["cells"];
    return cells.contains(ref) ? cells[ref] : missing;
  }

  static inline json read_;
};

TEST_F(XlsxExport, WritesNumbersAsNumericCellsWithNumberFormats) {
  const struct {
    std::size_t sheet;
    const char* ref;
    double value;
    const char* format;
  } cases[] = {
      {0, "B6", 42, "#,##0"},        {0, "B7", 1234, "#,##0"},      {0, "B9", 1280, "#,##0"},
      {0, "C6", 31.5, "#,##0.0"},    {0, "C7", 1023.25, "#,##0.0"},  // full precision kept
      {0, "D6", 0.657, "0.0 %"},     {0, "D9", 0.518, "0.0 %"},     {1, "B5", 40, "#,##0"},
      {1, "D4", 10.0 / 13.0, "0 %"}, {1, "D5", 0.8, "0 %"},
  };
  for (const auto& c : cases) {
    const json& read = cell(c.sheet, c.ref);
    EXPECT_EQ(read["type"], "n") << c.ref;
    EXPECT_DOUBLE_EQ(read["value"].get<double>(), c.value) << c.ref;
    EXPECT_EQ(read["format"], c.format) << c.ref;
  }
}

TEST_F(XlsxExport, ShowsSuppressedCellsAsColonWithAFootnote) {
  for (const char* ref : {"B8", "C8", "D8"}) {
    EXPECT_EQ(cell(0, ref)["value"], ":") << ref;
    EXPECT_EQ(cell(0, ref)["type"], "s") << ref;
  }
  EXPECT_EQ(cell(1, "C6")["value"], ":");
  EXPECT_EQ(cell(1, "D6")["value"], ":");
  // One blank row under the last data row (9 and 6), then the footnote.
  EXPECT_TRUE(cell(0, "A10").is_null());
  EXPECT_EQ(cell(0, "A11")["value"], ": Skjult fordi gruppen er for liten.");
  EXPECT_EQ(cell(1, "A8")["value"], ": Skjult fordi gruppen er for liten.");
}

TEST_F(XlsxExport, KeepsFormulaLookingTextAsText) {
  EXPECT_EQ(cell(0, "E7")["type"], "s");
  EXPECT_EQ(cell(0, "E7")["value"], R"(=HYPERLINK("http://evil";"klikk"))");
}

TEST_F(XlsxExport, KeepsNorwegianLetters) {
  EXPECT_EQ(cell(0, "A6")["value"], "Skjervøy sykehjem");
  EXPECT_EQ(cell(0, "A8")["value"], "Kåfjord legekontor");
  EXPECT_EQ(cell(0, "C5")["value"], "Årsverk");
  EXPECT_EQ(cell(0, "E6")["value"], "Ærlig øl på Åsen");
  EXPECT_EQ(cell(1, "A5")["value"], "30–49");
  EXPECT_EQ(sheet(1)["name"], "Alder kjønn 2025");  // "Alder/kjønn: 2025", sanitised
}

TEST_F(XlsxExport, PutsTitleAndNotesAboveABoldFrozenFilteredHeader) {
  EXPECT_EQ(cell(0, "A1")["value"], "Bemanning per enhet, Nord-Troms");
  EXPECT_TRUE(cell(0, "A1")["bold"].get<bool>());
  EXPECT_EQ(cell(0, "A2")["value"], "Kilde: HR-uttrekk per 31.12.2025");
  EXPECT_EQ(cell(0, "A3")["value"], "Grupper med færre enn 5 personer er skjult.");
  EXPECT_TRUE(cell(0, "A4").is_null());
  for (const char* ref : {"A5", "B5", "C5", "D5", "E5"}) {
    EXPECT_TRUE(cell(0, ref)["bold"].get<bool>()) << ref;
  }
  EXPECT_EQ(cell(0, "E5")["value"], "Merknad");
  EXPECT_FALSE(cell(0, "A6")["bold"].get<bool>());
  EXPECT_EQ(sheet(0)["freeze"], "A6");  // rows 1-5 stay in view
  EXPECT_EQ(sheet(0)["autofilter"], "A5:E9");
  // No notes: the header is on row 3.
  EXPECT_EQ(cell(1, "A3")["value"], "Aldersgruppe");
  EXPECT_EQ(sheet(1)["freeze"], "A4");
  EXPECT_EQ(sheet(1)["autofilter"], "A3:D6");
}

TEST_F(XlsxExport, FitsColumnsToTheirWidestText) {
  // "Nordreisa hjemmetjeneste" is 24 characters; "Menn" and ":" and "10" are short.
  const double unit_width = sheet(0)["widths"]["A"].get<double>();
  EXPECT_GE(unit_width, 24);
  EXPECT_LE(unit_width, 30);
  EXPECT_LT(sheet(1)["widths"]["C"].get<double>(), 10);
}

TEST_F(XlsxExport, DrawsOneNativeChartPerSpecBesideTheTable) {
  const json& charts = sheet(0)["charts"];
  ASSERT_EQ(charts.size(), 2u);
  EXPECT_EQ(charts[0]["kind"], "barChart");
  EXPECT_EQ(charts[0]["bar_dir"], "col");
  EXPECT_EQ(charts[0]["grouping"], "clustered");
  EXPECT_EQ(charts[0]["title"], "Ansatte per enhet");
  // Column G (index 6: five table columns and one empty), from the header row down.
  EXPECT_EQ(charts[0]["anchor"], json({{"col", 6}, {"row", 4}}));
  ASSERT_EQ(charts[0]["series"].size(), 1u);
  EXPECT_EQ(charts[0]["series"][0],
            json({{"name", "Bemanning!$B$5"},
                  {"categories", "Bemanning!$A$6:$A$8"},  // row_count 3: not the total
                  {"values", "Bemanning!$B$6:$B$8"}}));

  EXPECT_EQ(charts[1]["kind"], "lineChart");
  EXPECT_EQ(charts[1]["anchor"], json({{"col", 6}, {"row", 20}}));  // under the first
  EXPECT_EQ(charts[1]["value_axis_format"], "0 %");
  EXPECT_EQ(charts[1]["series"][0],
            json({{"name", "Bemanning!$D$5"},
                  {"categories", "Bemanning!$A$6:$A$9"},  // row_count 0: every row
                  {"values", "Bemanning!$D$6:$D$9"}}));
}

TEST_F(XlsxExport, QuotesSheetNamesInChartReferences) {
  const json& charts = sheet(1)["charts"];
  ASSERT_EQ(charts.size(), 2u);
  EXPECT_EQ(charts[0]["kind"], "barChart");
  EXPECT_EQ(charts[0]["bar_dir"], "col");
  EXPECT_EQ(charts[0]["grouping"], "stacked");
  ASSERT_EQ(charts[0]["series"].size(), 2u);
  EXPECT_EQ(charts[0]["series"][1], json({{"name", "'Alder kjønn 2025'!$C$3"},
                                          {"categories", "'Alder kjønn 2025'!$A$4:$A$6"},
                                          {"values", "'Alder kjønn 2025'!$C$4:$C$6"}}));
  EXPECT_EQ(charts[1]["bar_dir"], "bar");
  EXPECT_EQ(charts[1]["value_axis_format"], "0 %");  // the horizontal axis of a bar chart
  EXPECT_EQ(charts[1]["series"][0]["values"], "'Alder kjønn 2025'!$D$4:$D$5");
}

TEST_F(XlsxExport, SetsDocumentProperties) {
  EXPECT_EQ(read_["creator"], "Kari Nordmann");
  EXPECT_EQ(read_["created"], "2025-12-31T08:00:00");
  EXPECT_EQ(read_["title"], "Bemanning per enhet, Nord-Troms");
}

ExportTable small_table() {
  ExportTable table;
  table.sheet_name = "Liten";
  table.columns = {{"unit", "Enhet"}, {"positions", "Ansatte", ColumnKind::integer}};
  table.rows = {{std::string("Sykehjemmet"), std::int64_t{12}}};
  table.suppressed_note = "Skjult fordi gruppen er for liten.";
  return table;
}

TEST(XlsxExportSmall, WritesNoFootnoteWhenNothingIsSuppressed) {
  TempFolder folder;
  const auto path = folder.file("liten.xlsx");
  ASSERT_TRUE(write_xlsx(workbook_of(small_table()), path).ok());
  const json read = testing::read_xlsx(path);
  const json& cells = read["sheets"][0]["cells"];
  EXPECT_EQ(cells.size(), 4u) << cells.dump(1);  // header (A3, B3) and one row (A4, B4)
  EXPECT_EQ(cells["B4"]["value"], 12);
  EXPECT_TRUE(read["sheets"][0]["charts"].empty());
}

TEST(XlsxExportSmall, KeepsAChartTitleStartingWithEqualsAsText) {
  ExportTable table = small_table();
  table.charts = {{ExportChart::Type::column, "=Liten!$A$4", {1}}};
  TempFolder folder;
  const auto path = folder.file("tittel.xlsx");
  ASSERT_TRUE(write_xlsx(workbook_of(table), path).ok());
  EXPECT_EQ(testing::read_xlsx(path)["sheets"][0]["charts"][0]["title"], " =Liten!$A$4");
}

TEST(XlsxExportSmall, ReportsAFolderThatDoesNotExist) {
  TempFolder folder;
  const auto path = folder.file("mangler") / "eksport.xlsx";
  const Status written = write_xlsx(workbook_of(small_table()), path);
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error(), Error::io("file_not_writable", {path.string()}));
}

TEST(XlsxExportSmall, RefusesBadTablesBeforeWritingAnything) {
  ExportTable wide = small_table();
  wide.rows.push_back({std::string("A"), std::int64_t{1}, std::int64_t{2}});
  ExportTable chart_column = small_table();
  chart_column.charts = {{ExportChart::Type::column, "Ansatte", {2}}};
  ExportTable chart_rows = small_table();
  chart_rows.charts = {{ExportChart::Type::column, "Ansatte", {1}, 0, 0, 2}};
  ExportTable no_series = small_table();
  no_series.charts = {{ExportChart::Type::line, "Tom", {}}};
  const struct {
    ExportTable table;
    Error error;
  } cases[] = {
      {wide, Error::internal("export_row_too_wide", {"2", "3", "2"})},
      {chart_column, Error::internal("export_chart_out_of_range", {"Ansatte"})},
      {chart_rows, Error::internal("export_chart_out_of_range", {"Ansatte"})},
      {no_series, Error::internal("export_chart_out_of_range", {"Tom"})},
  };
  TempFolder folder;
  for (const auto& c : cases) {
    const auto path = folder.file("feil.xlsx");
    const Status written = write_xlsx(workbook_of(c.table), path);
    ASSERT_FALSE(written.ok()) << c.error.code;
    EXPECT_EQ(written.error(), c.error);
    EXPECT_FALSE(std::filesystem::exists(path));
  }
}

TEST(XlsxExportSmall, GivesTheWorkbookAsBytes) {
  const Result<std::string> bytes = xlsx_bytes(workbook_of(small_table()));
  ASSERT_TRUE(bytes.ok());
  ASSERT_GT(bytes.value().size(), 4u);
  EXPECT_EQ(bytes.value().substr(0, 4), std::string("PK\x03\x04", 4));  // a zip archive
  TempFolder folder;
  const auto path = folder.file("bytes.xlsx");
  std::ofstream(path, std::ios::binary) << bytes.value();
  EXPECT_EQ(testing::read_xlsx(path)["sheets"][0]["cells"]["A4"]["value"], "Sykehjemmet");
}

TEST(SheetNames, MakesNamesExcelAccepts) {
  const std::string thirty_one_a(31, 'a');
  std::string forty_o_slash;
  for (int i = 0; i < 40; ++i) forty_o_slash += "Ø";
  std::string thirty_one_o_slash;
  for (int i = 0; i < 31; ++i) thirty_one_o_slash += "Ø";
  const struct {
    std::string given;
    std::string expected;
  } cases[] = {
      {"Bemanning", "Bemanning"},
      {"Alder/kjønn: 2025", "Alder kjønn 2025"},  // "/" and ":" → space, runs → one
      {"'Sitat'", "Sitat"},                       // no apostrophe first or last
      {"[*?]", "Ark4"},                           // nothing left: "Ark" and its position
      {"Kompetansebehov for helse og omsorg 2025-2035", "Kompetansebehov for helse og om"},
      {forty_o_slash, thirty_one_o_slash},  // 31 characters, not 31 bytes
      {"bemanning", "bemanning (2)"},       // Excel compares names case-insensitively
      {"History", "History (2)"},           // reserved by Excel
      {"ÆØÅ", "ÆØÅ"},
      {"æøå", "æøå (2)"},
      {thirty_one_a, thirty_one_a},
      {thirty_one_a, std::string(27, 'a') + " (2)"},
      {"123456789012345678901234567890 abc", "123456789012345678901234567890"},
  };
  ExportWorkbook workbook;
  for (const auto& c : cases) {
    ExportTable table = small_table();
    table.sheet_name = c.given;
    workbook.sheets.push_back(table);
  }
  const std::vector<std::string> names = sheet_names(workbook);
  ASSERT_EQ(names.size(), std::size(cases));
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(names[i], cases[i].expected) << cases[i].given;
  }

  // libxlsxwriter accepts every one, and Excel's reader sees the same names.
  TempFolder folder;
  const auto path = folder.file("navn.xlsx");
  const Status written = write_xlsx(workbook, path);
  ASSERT_TRUE(written.ok()) << written.error().code;
  const json read = testing::read_xlsx(path);
  ASSERT_EQ(read["sheets"].size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(read["sheets"][i]["name"], names[i]);
}

}  // namespace
}  // namespace kompetent::io
