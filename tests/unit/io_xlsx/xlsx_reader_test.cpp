// XlsxReader on well-formed workbooks: written by libxlsxwriter as Excel
// would, or by hand where a case needs parts no writer library makes.
#include "io/xlsx/xlsx_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <string>
#include <vector>

#include "unit/io_xlsx/xlsx_test_files.h"

namespace kompetent::io {
namespace {

using ::testing::ElementsAre;
using testing::read_all;
using testing::ReadResult;
using testing::TempFolder;
using Cells = std::vector<std::string>;

TEST(XlsxReader, ReadsValuesWrittenByLibxlsxwriter) {
  TempFolder folder;
  const auto path = folder.file("ansatte.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Ansatte");
  lxw_format* date_format = workbook_add_format(workbook);
  format_set_num_format(date_format, "dd.mm.yyyy");
  lxw_format* money = workbook_add_format(workbook);
  format_set_num_format(money, "#,##0.00 \"kr\"");
  worksheet_write_string(sheet, 0, 0, "Ansattnummer", nullptr);
  worksheet_write_string(sheet, 0, 1, "Stillingsprosent", nullptr);
  worksheet_write_string(sheet, 0, 2, "Ansatt dato", nullptr);
  worksheet_write_string(sheet, 0, 3, "Relevant utdanning", nullptr);
  worksheet_write_string(sheet, 0, 4, "Lønn", nullptr);
  worksheet_write_string(sheet, 1, 0, "A-1001", nullptr);
  worksheet_write_number(sheet, 1, 1, 75.5, nullptr);
  lxw_datetime start = {2019, 8, 1, 0, 0, 0};
  worksheet_write_datetime(sheet, 1, 2, &start, date_format);
  worksheet_write_boolean(sheet, 1, 3, 1, nullptr);
  worksheet_write_number(sheet, 1, 4, 512000, money);
  worksheet_write_string(sheet, 2, 0, "Ærlig Øst Å", nullptr);
  worksheet_write_number(sheet, 2, 1, 100, nullptr);
  worksheet_write_boolean(sheet, 2, 3, 0, nullptr);
  worksheet_write_formula_str(sheet, 2, 4, "=1+1", nullptr, "2");
  worksheet_write_string(sheet, 3, 0, "  mellomrom  ", nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

  const ReadResult result = read_all(path);
  ASSERT_FALSE(result.failure) << result.failure->detail;
  ASSERT_EQ(result.rows.size(), 4u);
  EXPECT_EQ(result.rows[0].number, 1);
  EXPECT_THAT(result.rows[0].cells, ElementsAre("Ansattnummer", "Stillingsprosent", "Ansatt dato",
                                                "Relevant utdanning", "Lønn"));
  EXPECT_THAT(result.rows[1].cells, ElementsAre("A-1001", "75.5", "2019-08-01", "1", "512000"));
  EXPECT_THAT(result.rows[2].cells, ElementsAre("Ærlig Øst Å", "100", "", "0", "2"));
  EXPECT_THAT(result.rows[3].cells, ElementsAre("  mellomrom  "));
}

TEST(XlsxReader, ReadsConstantMemoryInlineStrings) {
  TempFolder folder;
  const auto path = folder.file("inline.xlsx");
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  worksheet_write_string(sheet, 0, 0, "Enhet", nullptr);
  worksheet_write_string(sheet, 1, 0, "Helse & omsorg <Nord>", nullptr);
  worksheet_write_number(sheet, 1, 2, 3, nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

  const ReadResult result = read_all(path);
  ASSERT_FALSE(result.failure) << result.failure->detail;
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_THAT(result.rows[1].cells, ElementsAre("Helse & omsorg <Nord>", "", "3"));
}

TEST(XlsxReader, ReadsRichTextAndEscapesInSharedStrings) {
  TempFolder folder;
  const auto path = folder.file("rich.xlsx");
  const std::string strings = testing::shared_strings_xml(
      R"(<si><t xml:space="preserve"> Helse </t></si>)"
      R"(<si><r><rPr><b/></rPr><t>Sykepleier</t></r><r><t xml:space="preserve"> II</t></r>)"
      R"(<rPh sb="0" eb="1"><t>phonetic</t></rPh><phoneticPr fontId="1"/></si>)"
      R"(<si><t>linje1_x000D_
linje2</t></si><si/>)");
  const std::string sheet = testing::sheet_xml(
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
      R"(<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="inlineStr">)"
      R"(<is><r><t>in</t></r><r><t>line</t></r></is></c></row>)");
  testing::write_zip(path, testing::workbook_entries(sheet, strings));

  const ReadResult result = read_all(path);
  ASSERT_FALSE(result.failure) << result.failure->detail;
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_THAT(result.rows[0].cells,
              ElementsAre(" Helse ", "Sykepleier II", "linje1\r\nlinje2", "", "inline"));
}

TEST(XlsxReader, PlacesSparseCellsAndKeepsRowNumbers) {
  TempFolder folder;
  const auto path = folder.file("sparse.xlsx");
  const std::string sheet = testing::sheet_xml(
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="D1"><v>4</v></c></row>)"
      R"(<row r="3" spans="1:3"><c r="A3" s="1"/><c r="B3" t="inlineStr"><is><t></t></is></c></row>)"
      R"(<row r="5"><c r="C5" t="str"><f>A1&amp;"x"</f><v>ax</v></c><c><v>9</v></c></row>)"
      R"(<row><c t="e"><v>#N/A</v></c></row>)"
      R"(<row r="8"><c r="B8"><v>1</v></c><c r="A8"><v>2</v></c></row>)");
  testing::write_zip(path, testing::workbook_entries(sheet));

  const ReadResult result = read_all(path);
  ASSERT_FALSE(result.failure) << result.failure->detail;
  ASSERT_EQ(result.rows.size(), 4u);
  EXPECT_EQ(result.rows[0].number, 1);
  EXPECT_THAT(result.rows[0].cells, ElementsAre("a", "", "", "4"));
  EXPECT_EQ(result.rows[1].number, 5);  // row 3 has only empty cells
  EXPECT_THAT(result.rows[1].cells, ElementsAre("", "", "ax", "9"));
  EXPECT_EQ(result.rows[2].number, 6);  // no r: the one after row 5
  EXPECT_THAT(result.rows[2].cells, ElementsAre("#N/A"));
  EXPECT_EQ(result.rows[3].number, 8);
  EXPECT_THAT(result.rows[3].cells, ElementsAre("2", "1"));
}

TEST(XlsxReader, ConvertsDateStyledNumbersOnly) {
  TempFolder folder;
  const auto path = folder.file("dates.xlsx");
  // s="1": custom dd.mm.yyyy; s="2": built-in 14; s="3": built-in 4 (#,##0.00).
  const std::string sheet = testing::sheet_xml(
      R"(<row r="1"><c r="A1" s="1"><v>45657</v></c><c r="B1" s="2"><v>45658.5</v></c>)"
      R"(<c r="C1" s="3"><v>45657</v></c><c r="D1" s="1" t="s"><v>0</v></c>)"
      R"(<c r="E1" s="2"><v>60</v></c><c r="F1" s="99"><v>1</v></c><c r="G1" t="d"><v>2024-02-29T00:00:00</v></c></row>)");
  testing::write_zip(
      path, testing::workbook_entries(sheet, testing::shared_strings_xml("<si><t>tekst</t></si>")));

  const ReadResult result = read_all(path);
  ASSERT_FALSE(result.failure) << result.failure->detail;
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_THAT(result.rows[0].cells,
              ElementsAre("2024-12-31", "2025-01-01", "45657", "tekst", "60", "1", "2024-02-29"));
}

TEST(XlsxReader, ReadsDatesOfThe1904System) {
  // libxlsxwriter cannot write 1904 workbooks; old Mac Excel did.
  TempFolder folder;
  const auto path = folder.file("mac.xlsx");
  const std::string workbook_xml =
      R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
  // 44560 days after 1904-01-01; the same serial in the 1900 system is 1995-12-31.
  const std::string sheet = testing::sheet_xml(
      R"(<row r="1"><c r="A1" s="1"><v>44560</v></c><c r="B1"><v>44560</v></c></row>)");
  testing::write_zip(
      path, testing::workbook_entries(sheet, testing::shared_strings_xml(""), workbook_xml));

  const ReadResult result = read_all(path);
  ASSERT_FALSE(result.failure) << result.failure->detail;
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_THAT(result.rows[0].cells, ElementsAre("2025-12-31", "44560"));
}

TEST(XlsxReader, ReadsOnlyTheFirstSheetInWorkbookOrder) {
  TempFolder folder;
  const auto path = folder.file("two.xlsx");
  // The second tab's part comes first in the archive and has the lower id.
  const std::string workbook_xml =
      R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="Data" sheetId="2" r:id="rId9"/><sheet name="Notater" sheetId="1" r:id="rId1"/></sheets></workbook>)";
  const std::string relationships =
      R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>)";
  testing::write_zip(
      path, {{"[Content_Types].xml", testing::kContentTypes},
             {"xl/workbook.xml", workbook_xml},  // no _rels/.rels: the conventional name is used
             {"xl/_rels/workbook.xml.rels", relationships},
             {"xl/worksheets/sheet1.xml",
              testing::sheet_xml(R"(<row r="1"><c r="A1"><v>1</v></c></row>)")},
             {"xl/worksheets/data.xml",
              testing::sheet_xml(R"(<row r="2"><c r="A2"><v>2</v></c></row>)")}});

  const ReadResult result = read_all(path);
  ASSERT_FALSE(result.failure) << result.failure->detail;
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0].number, 2);
  EXPECT_THAT(result.rows[0].cells, ElementsAre("2"));
}

TEST(XlsxReader, ReadsPrefixedElementNames) {
  TempFolder folder;
  const auto path = folder.file("prefixed.xlsx");
  const std::string sheet =
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>)";
  testing::write_zip(path, testing::workbook_entries(sheet));

  const ReadResult result = read_all(path);
  ASSERT_FALSE(result.failure) << result.failure->detail;
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_THAT(result.rows[0].cells, ElementsAre("", "b"));
}

TEST(XlsxReader, ReportsProgressOverTheSheetPart) {
  TempFolder folder;
  const auto path = folder.file("progress.xlsx");
  std::string rows;
  for (int i = 1; i <= 20000; ++i) {
    rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"A" + std::to_string(i) + "\"><v>" +
            std::to_string(i) + "</v></c></row>";
  }
  const std::string sheet = testing::sheet_xml(rows);
  testing::write_zip(path, testing::workbook_entries(sheet));

  Result<std::unique_ptr<XlsxReader>> opened = XlsxReader::open(path);
  ASSERT_TRUE(opened.ok());
  XlsxReader& reader = *opened.value();
  EXPECT_EQ(reader.bytes_total(), sheet.size());
  TableRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_GT(reader.bytes_done(), 0u);
  EXPECT_LT(reader.bytes_done(), reader.bytes_total());
  std::int64_t count = 1;
  while (reader.next(row)) ++count;
  EXPECT_EQ(count, 20000);
  EXPECT_EQ(row.number, 20000);
  EXPECT_FALSE(reader.failure());
  EXPECT_EQ(reader.bytes_done(), reader.bytes_total());
}

TEST(XlsxReader, FailsOpenOnlyForAnUnreadablePath) {
  TempFolder folder;
  Result<std::unique_ptr<XlsxReader>> opened = XlsxReader::open(folder.file("missing.xlsx"));
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "file_unreadable");
  EXPECT_EQ(opened.error().kind, ErrorKind::io);
}

}  // namespace
}  // namespace kompetent::io
