// XlsxReader on big and varied workbooks: a 100 000-row sheet streamed
// correctly, and values compared with an independent reader (openpyxl). Cells
// formatted as percent are compared as Excel shows them (0.755 → "75.5%").
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "io/xlsx/xlsx_reader.h"
#include "unit/io_xlsx/xlsx_test_files.h"

namespace kompetent::io {
namespace {

using ::testing::ElementsAre;
using testing::TempFolder;

TEST(XlsxLarge, StreamsAHundredThousandRows) {
  constexpr int kRows = 100'000;
  TempFolder folder;
  const auto path = folder.file("large.xlsx");
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  lxw_format* date_format = workbook_add_format(workbook);
  format_set_num_format(date_format, "dd.mm.yyyy");
  for (int i = 0; i < kRows; ++i) {
    const auto row = static_cast<lxw_row_t>(i);
    worksheet_write_string(sheet, row, 0, ("E" + std::to_string(i)).c_str(), nullptr);
    worksheet_write_number(sheet, row, 1, i % 100 + 0.5, nullptr);
    if (i % 7 != 0) worksheet_write_number(sheet, row, 2, i, nullptr);  // every 7th cell missing
    lxw_datetime date = {2000 + i % 25, 1 + i % 12, 1 + i % 28, 0, 0, 0};
    worksheet_write_datetime(sheet, row, 3, &date, date_format);
  }
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

  Result<std::unique_ptr<XlsxReader>> opened = XlsxReader::open(path);
  ASSERT_TRUE(opened.ok());
  TableRow row;
  int count = 0;
  while (opened.value()->next(row)) {
    const int i = count++;
    ASSERT_EQ(row.number, i + 1);
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2000 + i % 25, 1 + i % 12, 1 + i % 28);
    const std::string percent = std::to_string(i % 100) + ".5";
    const std::string whole = i % 7 != 0 ? std::to_string(i) : "";
    // A plain comparison: a matcher per row makes this test ten times slower.
    const std::vector<std::string> expected = {"E" + std::to_string(i), percent, whole, date};
    ASSERT_EQ(row.cells, expected) << i;
  }
  EXPECT_FALSE(opened.value()->failure());
  EXPECT_EQ(count, kRows);
}

// Runs openpyxl on `path` and returns its rows in our form: "number|cell|cell"
// per non-empty row, trailing empty cells dropped; empty when python fails.
std::vector<std::string> rows_by_openpyxl(const std::filesystem::path& path) {
  const std::string script = R"(
import sys, datetime, decimal, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
ws = wb.worksheets[0]
def text(v, number_format):
    if v is None: return ''
    if isinstance(v, bool): return '1' if v else '0'
    if isinstance(v, datetime.datetime): return v.date().isoformat()
    if '%' in number_format:
        # Shown as a percentage, as Excel shows it: exact decimal arithmetic.
        return format((decimal.Decimal(repr(v)) * 100).normalize(), 'f') + '%'
    if isinstance(v, float) and v.is_integer(): return str(int(v))
    return str(v)
for row in ws.iter_rows():
    cells = [text(c.value, c.number_format) for c in row]
    while cells and cells[-1] == '': cells.pop()
    if cells: print('|'.join([str(row[0].row)] + cells))
)";
  const std::string command =
      "/usr/bin/python3 -c \"$KOMPETENT_OPENPYXL_SCRIPT\" '" + path.string() + "' 2>&1";
  setenv("KOMPETENT_OPENPYXL_SCRIPT", script.c_str(), 1);
  std::vector<std::string> lines;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return lines;
  std::string line;
  for (int c = std::fgetc(pipe); c != EOF; c = std::fgetc(pipe)) {
    if (c == '\n') {
      lines.push_back(line);
      line.clear();
    } else {
      line += static_cast<char>(c);
    }
  }
  if (pclose(pipe) != 0) return {};
  return lines;
}

TEST(XlsxLarge, AgreesWithOpenpyxl) {
  if (std::system("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3 with openpyxl is not installed";
  }
  TempFolder folder;
  const auto path = folder.file("compare.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Ansatte");
  workbook_add_worksheet(workbook, "Ignorert");
  lxw_format* date_format = workbook_add_format(workbook);
  format_set_num_format(date_format, "d.m.yyyy");
  lxw_format* builtin_date = workbook_add_format(workbook);
  format_set_num_format_index(builtin_date, 14);
  lxw_format* percent = workbook_add_format(workbook);
  format_set_num_format(percent, "0.0 %");
  const char* words[] = {"Sykepleier", "Helsefagarbeider", "Lærer", "Øvrige ansatte", "Bachelor"};
  const double numbers[] = {75.5, 100, 0.1, 1e-7, 123456789.25, -42, 0.3333333333333333, 3e15};
  for (int i = 0; i < 300; ++i) {
    const auto row = static_cast<lxw_row_t>(i + (i / 50));  // a blank row after every 50
    worksheet_write_string(sheet, row, 0, words[i % 5], nullptr);
    worksheet_write_number(sheet, row, 1, numbers[i % 8], i % 3 == 0 ? percent : nullptr);
    lxw_datetime date = {1950 + i % 70, 1 + i % 12, 1 + i % 28, 0, 0, 0};
    worksheet_write_datetime(sheet, row, 2, &date, i % 2 == 0 ? date_format : builtin_date);
    if (i % 4 == 0) worksheet_write_boolean(sheet, row, 4, i % 8 == 0, nullptr);
    if (i % 5 == 0)
      worksheet_write_string(sheet, row, 6, ("ID-" + std::to_string(i)).c_str(), nullptr);
  }
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

  const std::vector<std::string> expected = rows_by_openpyxl(path);
  ASSERT_EQ(expected.size(), 300u)
      << "openpyxl failed: " << (expected.empty() ? "" : expected.front());
  const testing::ReadResult result = testing::read_all(path);
  ASSERT_FALSE(result.failure);
  std::vector<std::string> actual;
  for (const TableRow& row : result.rows) {
    std::string line = std::to_string(row.number);
    for (const std::string& cell : row.cells) line += "|" + cell;
    actual.push_back(line);
  }
  EXPECT_EQ(actual, expected);
}

}  // namespace
}  // namespace kompetent::io
