// XlsxReader on damaged and hostile workbooks: every one must end in a
// FileFailure with the code of docs/import-format.md, never a crash, a hang,
// unbounded memory, or a file's content leaking into the cells.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "io/xlsx/xlsx_reader.h"
#include "unit/io_xlsx/xlsx_test_files.h"

namespace kompetent::io {
namespace {

using testing::read_all;
using testing::ReadResult;
using testing::TempFolder;
using testing::ZipEntry;

const std::string kOneRow = testing::sheet_xml(R"(<row r="1"><c r="A1"><v>1</v></c></row>)");

std::vector<ZipEntry> without(std::vector<ZipEntry> entries, const std::string& name) {
  std::erase_if(entries, [&](const ZipEntry& entry) { return entry.name == name; });
  return entries;
}

std::vector<ZipEntry> replaced(std::vector<ZipEntry> entries, const std::string& name,
                               std::string content) {
  for (ZipEntry& entry : entries) {
    if (entry.name == name) entry.content = std::move(content);
  }
  return entries;
}

std::string failure_code(const ReadResult& result) {
  return result.failure ? result.failure->code : "(none)";
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool any_cell_contains(const ReadResult& result, const std::string& text) {
  for (const TableRow& row : result.rows) {
    for (const std::string& cell : row.cells) {
      if (cell.find(text) != std::string::npos) return true;
    }
  }
  return false;
}

TEST(XlsxHostile, RefusesDamagedWorkbooksAsInvalid) {
  const std::vector<ZipEntry> good = testing::workbook_entries(kOneRow);
  const std::string no_sheets =
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>)";
  const struct {
    const char* name;
    std::vector<ZipEntry> entries;
  } cases[] = {
      {"missing sheet part", without(good, "xl/worksheets/sheet1.xml")},
      {"missing workbook", without(good, "xl/workbook.xml")},
      {"workbook without sheets", replaced(good, "xl/workbook.xml", no_sheets)},
      {"missing relationships", without(good, "xl/_rels/workbook.xml.rels")},
      {"malformed sheet", replaced(good, "xl/worksheets/sheet1.xml", "<worksheet><sheetData>")},
      {"malformed shared strings", replaced(good, "xl/sharedStrings.xml", "<sst><si></sst>")},
      {"malformed styles", replaced(good, "xl/styles.xml", "<<>")},
      {"undefined entity", replaced(good, "xl/worksheets/sheet1.xml",
                                    testing::sheet_xml("<row><c><v>&bogus;</v></c></row>"))},
      {"shared string out of range",
       replaced(good, "xl/worksheets/sheet1.xml",
                testing::sheet_xml(R"(<row><c t="s"><v>7</v></c></row>)"))},
      {"column beyond XFD", replaced(good, "xl/worksheets/sheet1.xml",
                                     testing::sheet_xml(R"(<row><c r="XFE1"><v>1</v></c></row>)"))},
      {"row zero", replaced(good, "xl/worksheets/sheet1.xml",
                            testing::sheet_xml(R"(<row r="0"><c><v>1</v></c></row>)"))},
      {"row beyond Excel",
       replaced(good, "xl/worksheets/sheet1.xml",
                testing::sheet_xml(R"(<row r="1048577"><c><v>1</v></c></row>)"))},
  };
  TempFolder folder;
  for (const auto& c : cases) {
    const auto path = folder.file("damaged.xlsx");
    testing::write_zip(path, c.entries);
    const ReadResult result = read_all(path);
    EXPECT_EQ(failure_code(result), "xlsx_invalid") << c.name;
  }
}

// A ZIP that is no Office package at all is not a workbook a user meant to send.
TEST(XlsxHostile, RefusesZipWithoutContentTypesAsNotAWorkbook) {
  TempFolder folder;
  const auto path = folder.file("archive.xlsx");
  testing::write_zip(path, {{"readme.txt", "hei"}});
  EXPECT_EQ(failure_code(read_all(path)), "not_csv_or_xlsx");
}

TEST(XlsxHostile, RefusesTruncatedAndGarbageFilesAsInvalid) {
  TempFolder folder;
  const auto good = folder.file("good.xlsx");
  testing::write_zip(good, testing::workbook_entries(kOneRow));
  const std::string bytes = read_bytes(good);
  const struct {
    const char* name;
    std::string bytes;
  } cases[] = {
      {"first half", bytes.substr(0, bytes.size() / 2)},
      {"without the last byte", bytes.substr(0, bytes.size() - 1)},
      {"garbage", std::string(4096, '\x5a')},
      {"zip signature only", "PK\x03\x04"},
      {"text", "Ansattnummer;Enhet\n1;2\n"},
  };
  for (const auto& c : cases) {
    const auto path = folder.file("broken.xlsx");
    write_bytes(path, c.bytes);
    EXPECT_EQ(failure_code(read_all(path)), "xlsx_invalid") << c.name;
  }
}

TEST(XlsxHostile, ReportsRowsBeforeDamageThenFails) {
  TempFolder folder;
  const auto path = folder.file("cut.xlsx");
  testing::write_zip(
      path, testing::workbook_entries(
                R"(<worksheet><sheetData><row r="1"><c><v>1</v></c></row><row r="2"><c>)"));
  const ReadResult result = read_all(path);
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(failure_code(result), "xlsx_invalid");
}

TEST(XlsxHostile, ReportsEmptyFileAndEmptySheet) {
  TempFolder folder;
  const auto empty = folder.file("empty.xlsx");
  write_bytes(empty, "");
  EXPECT_EQ(failure_code(read_all(empty)), "empty_file");

  const auto blank = folder.file("blank.xlsx");
  testing::write_zip(blank, testing::workbook_entries(testing::sheet_xml(
                                R"(<row r="1"><c r="A1" s="1"/></row><row r="2"/>)")));
  EXPECT_EQ(failure_code(read_all(blank)), "empty_file");
}

// 50 MB of zeros inflate from about 50 KB: far over 100 times.
TEST(XlsxHostile, RefusesAZipBomb) {
  TempFolder folder;
  const auto path = folder.file("bomb.xlsx");
  const std::string zeros(50'000'000, '\0');
  testing::write_zip(
      path, replaced(testing::workbook_entries(kOneRow), "xl/worksheets/sheet1.xml", zeros));
  EXPECT_EQ(failure_code(read_all(path)), "xlsx_too_large");
}

// Rewrites the uncompressed size that the local header and the central
// directory declare for entry `name`, as a crafted bomb would.
void declare_size(const std::filesystem::path& path, const std::string& name, std::uint32_t size) {
  std::string bytes = read_bytes(path);
  const auto patch = [&](const std::string& signature, std::size_t name_at, std::size_t size_at) {
    for (std::size_t at = bytes.find(signature); at != std::string::npos;
         at = bytes.find(signature, at + 1)) {
      if (bytes.compare(at + name_at, name.size(), name) != 0) continue;
      for (int i = 0; i < 4; ++i) bytes[at + size_at + i] = static_cast<char>(size >> (8 * i));
    }
  };
  patch(std::string("PK\x03\x04", 4), 30, 22);
  patch(std::string("PK\x01\x02", 4), 46, 24);
  write_bytes(path, bytes);
}

// The directory claims a small size; the reader counts what it inflates.
// Whitespace is valid XML, so only the byte caps can stop these.
TEST(XlsxHostile, RefusesAZipBombThatLiesAboutItsSize) {
  TempFolder folder;
  const auto path = folder.file("liar.xlsx");
  const std::string padding(20'000'000, ' ');
  const struct {
    const char* part;
    std::string content;
  } cases[] = {
      {"xl/worksheets/sheet1.xml", testing::sheet_xml(padding)},
      {"xl/sharedStrings.xml", testing::shared_strings_xml(padding)},
  };
  for (const auto& c : cases) {
    testing::write_zip(path, replaced(testing::workbook_entries(kOneRow), c.part, c.content));
    declare_size(path, c.part, 1000);
    const ReadResult result = read_all(path);
    EXPECT_EQ(failure_code(result), "xlsx_too_large") << c.part;
    ASSERT_TRUE(result.failure);
    EXPECT_THAT(result.failure->detail, ::testing::HasSubstr("times its compressed size"));
  }
}

TEST(XlsxHostile, RefusesMoreThanTenThousandEntries) {
  TempFolder folder;
  const auto path = folder.file("many.xlsx");
  std::vector<ZipEntry> entries = testing::workbook_entries(kOneRow);
  while (entries.size() < 10'001) {
    entries.push_back({"xl/media/padding" + std::to_string(entries.size()) + ".bin", "x"});
  }
  testing::write_zip(path, entries);
  EXPECT_EQ(failure_code(read_all(path)), "xlsx_too_large");

  entries.pop_back();
  testing::write_zip(path, entries);
  EXPECT_EQ(failure_code(read_all(path)), "(none)");
}

TEST(XlsxHostile, EnforcesTheConfigurableCaps) {
  TempFolder folder;
  const auto path = folder.file("caps.xlsx");
  const std::string strings = testing::shared_strings_xml("<si><t>en</t></si><si><t>to</t></si>");
  const std::string sheet = testing::sheet_xml(
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>)");
  testing::write_zip(path, testing::workbook_entries(sheet, strings));
  ASSERT_EQ(failure_code(read_all(path)), "(none)");

  const struct {
    const char* name;
    XlsxLimits limits;
  } cases[] = {
      {"shared string count", {.max_shared_strings = 1}},
      {"shared string bytes", {.max_shared_string_bytes = 3}},
      {"total bytes", {.max_total_bytes = 500}},
      {"cell bytes", {.max_cell_bytes = 1}},
      {"row bytes", {.max_row_bytes = 3}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(failure_code(read_all(path, c.limits)), "xlsx_too_large") << c.name;
  }
}

const char* kBillionLaughs = R"(<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
)";

TEST(XlsxHostile, RefusesDtdsAndEntitiesInEveryPart) {
  const std::string laughs_sheet =
      std::string(kBillionLaughs) +
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>)";
  const std::string laughs_strings =
      std::string(kBillionLaughs) + R"(<sst><si><t>&lol9;</t></si></sst>)";
  const std::string external_sheet =
      R"(<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)"
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>)";
  const std::string external_strings =
      R"(<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst><si><t>&xxe;</t></si></sst>)";
  const std::string external_dtd =
      R"(<?xml version="1.0"?><!DOCTYPE sst SYSTEM "file:///etc/passwd"><sst><si><t>x</t></si></sst>)";
  const std::string parameter_entity =
      R"(<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><sst/>)";
  const std::string shared_string_sheet =
      testing::sheet_xml(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)");
  const std::string doctype_only = R"(<?xml version="1.0"?><!DOCTYPE x><x/>)";
  const std::vector<ZipEntry> good =
      testing::workbook_entries(shared_string_sheet, testing::shared_strings_xml("<si/>"));
  const struct {
    const char* name;
    std::vector<ZipEntry> entries;
  } cases[] = {
      {"billion laughs in the sheet", replaced(good, "xl/worksheets/sheet1.xml", laughs_sheet)},
      {"billion laughs in shared strings", replaced(good, "xl/sharedStrings.xml", laughs_strings)},
      {"external entity in the sheet", replaced(good, "xl/worksheets/sheet1.xml", external_sheet)},
      {"external entity in shared strings",
       replaced(good, "xl/sharedStrings.xml", external_strings)},
      {"external DTD", replaced(good, "xl/sharedStrings.xml", external_dtd)},
      {"parameter entity", replaced(good, "xl/sharedStrings.xml", parameter_entity)},
      {"DOCTYPE in workbook", replaced(good, "xl/workbook.xml", doctype_only)},
      {"DOCTYPE in relationships", replaced(good, "xl/_rels/workbook.xml.rels", doctype_only)},
      {"DOCTYPE in root relationships", replaced(good, "_rels/.rels", doctype_only)},
      {"DOCTYPE in styles", replaced(good, "xl/styles.xml", doctype_only)},
  };
  TempFolder folder;
  for (const auto& c : cases) {
    const auto path = folder.file("evil.xlsx");
    testing::write_zip(path, c.entries);
    const ReadResult result = read_all(path);
    EXPECT_EQ(failure_code(result), "xlsx_forbidden_xml") << c.name;
    EXPECT_TRUE(result.rows.empty()) << c.name;
    EXPECT_FALSE(any_cell_contains(result, "root:")) << c.name;
  }
}

TEST(XlsxHostile, LooksUpPathLikeEntryNamesWithoutTouchingFiles) {
  // A relationship may point anywhere; the target is only ever a name in the
  // archive, so "../../etc/passwd" resolves to nothing and is refused.
  const std::string relationships =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../../../../etc/passwd"/></Relationships>)";
  TempFolder folder;
  const auto path = folder.file("escape.xlsx");
  testing::write_zip(path, replaced(testing::workbook_entries(kOneRow),
                                    "xl/_rels/workbook.xml.rels", relationships));
  const ReadResult result = read_all(path);
  EXPECT_EQ(failure_code(result), "xlsx_invalid");
  EXPECT_FALSE(any_cell_contains(result, "root:"));
}

}  // namespace
}  // namespace kompetent::io
