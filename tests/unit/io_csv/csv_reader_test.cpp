#include "io/csv/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "unit/io_csv/temp_file.h"

namespace kompetent::io {
namespace {

using namespace std::string_literals;  // "..."s keeps NUL bytes
using testing::TempFile;

struct Row {
  std::int64_t number;
  std::vector<std::string> cells;
  bool operator==(const Row&) const = default;
};

void PrintTo(const Row& row, std::ostream* out) {
  *out << row.number << ":";
  for (const std::string& cell : row.cells) *out << " [" << cell << "]";
}

struct Outcome {
  std::vector<Row> rows;
  std::optional<FileFailure> failure;
  char delimiter = ';';
  TextEncoding encoding = TextEncoding::utf8;
};

Outcome read_all(const std::filesystem::path& path, CsvReaderOptions options = {}) {
  Result<std::unique_ptr<CsvReader>> opened = CsvReader::open(path, options);
  EXPECT_TRUE(opened.ok());
  if (!opened.ok()) return {};
  CsvReader& reader = *opened.value();
  Outcome outcome;
  TableRow row;
  while (reader.next(row)) outcome.rows.push_back({row.number, row.cells});
  EXPECT_FALSE(reader.next(row));  // stays at the end
  outcome.failure = reader.failure();
  outcome.delimiter = reader.delimiter();
  outcome.encoding = reader.encoding();
  if (!outcome.failure) {
    EXPECT_EQ(reader.bytes_done(), reader.bytes_total());
  }
  return outcome;
}

FileFailure failure(std::string code, std::int64_t row) { return {std::move(code), "", row}; }

struct ReadCase {
  std::string name;
  std::string bytes;
  std::vector<Row> rows;
  std::optional<FileFailure> failure = std::nullopt;  // detail is not compared
  char delimiter = ';';
  TextEncoding encoding = TextEncoding::utf8;
};

std::vector<ReadCase> cases() {
  constexpr auto kCp1252 = TextEncoding::windows_1252;
  return {
      {"semicolons and LF", "Ansattnummer;Enhet\n1;Skole\n2;Sykehjem\n",
       {{1, {"Ansattnummer", "Enhet"}}, {2, {"1", "Skole"}}, {3, {"2", "Sykehjem"}}}},
      {"CRLF and BOM", "\xEF\xBB\xBF" "a;b\r\n1;2\r\n",
       {{1, {"a", "b"}}, {2, {"1", "2"}}}},
      {"no line end at the end", "a;b\n1;2", {{1, {"a", "b"}}, {2, {"1", "2"}}}},
      {"lone CR line ends", "a;b\r1;2\r", {{1, {"a", "b"}}, {2, {"1", "2"}}}},
      {"commas", "a,b,c\n1,2,3\n", {{1, {"a", "b", "c"}}, {2, {"1", "2", "3"}}}, {}, ','},
      {"more semicolons than commas", "a;b,c;d\n1;2,5;3\n",
       {{1, {"a", "b,c", "d"}}, {2, {"1", "2,5", "3"}}}},
      {"more commas than semicolons", "a,b;c,d\n", {{1, {"a", "b;c", "d"}}}, {}, ','},
      {"tie goes to semicolon", "a;b,c\n", {{1, {"a", "b,c"}}}},
      {"comma inside quotes does not count", "\"a,b,c\";d\n", {{1, {"a,b,c", "d"}}}},
      {"one column", "Ansattnummer\n17\n", {{1, {"Ansattnummer"}}, {2, {"17"}}}},
      {"quoted fields", "a;b\n\"x;y\";\"say \"\"hi\"\"\"\n",
       {{1, {"a", "b"}}, {2, {"x;y", "say \"hi\""}}}},
      {"empty quoted field", "a;b;c\n\"\";x;\"\"\n", {{1, {"a", "b", "c"}}, {2, {"", "x", ""}}}},
      {"embedded line breaks count as one row",
       "a;b\n\"line 1\nline 2\";x\n\"3\r\n4\";y\nlast;z\n",
       {{1, {"a", "b"}}, {2, {"line 1\nline 2", "x"}}, {3, {"3\r\n4", "y"}}, {4, {"last", "z"}}}},
      {"quote inside an unquoted field is literal", "a;b\n12\"3;x\"y\n",
       {{1, {"a", "b"}}, {2, {"12\"3", "x\"y"}}}},
      {"text after a closing quote is kept", "a;b\n\"x\"y;z\n", {{1, {"a", "b"}}, {2, {"xy", "z"}}}},
      {"blank lines are skipped but counted", "\na;b\n\n1;2\n   \n;;\n\"\";\" \"\n3;4\n\n",
       {{2, {"a", "b"}}, {4, {"1", "2"}}, {8, {"3", "4"}}}},
      {"trailing and empty cells are kept", "a;b;c\n1;;\n;2\n",
       {{1, {"a", "b", "c"}}, {2, {"1", "", ""}}, {3, {"", "2"}}}},
      {"cells are not trimmed", "a ; b\n", {{1, {"a ", " b"}}}},
      {"windows-1252", "F\xF8" "dsels\xE5r;Bel\xF8p\n1980;\x80 5\n",
       {{1, {"F\xC3\xB8" "dsels\xC3\xA5r", "Bel\xC3\xB8p"}}, {2, {"1980", "\xE2\x82\xAC 5"}}},
       {}, ';', kCp1252},
      {"windows-1252 extras", "a\n\x82\x84\x85\x89\x8A\x96\x99\n",
       {{1, {"a"}}, {2, {"\xE2\x80\x9A\xE2\x80\x9E\xE2\x80\xA6\xE2\x80\xB0\xC5\xA0\xE2\x80\x93\xE2\x84\xA2"}}},
       {}, ';', kCp1252},
      {"utf-8 letters", "Kj\xC3\xB8nn;Enhet\nK;\xC3\x85sen skole\n",
       {{1, {"Kj\xC3\xB8nn", "Enhet"}}, {2, {"K", "\xC3\x85sen skole"}}}},
      // Failures.
      {"empty file", "", {}, failure("empty_file", 0)},
      {"only a BOM", "\xEF\xBB\xBF", {}, failure("empty_file", 0)},
      {"only whitespace", " \r\n\n\t\n", {}, failure("empty_file", 0)},
      {"only blank rows", ";;;\n;;;\n", {}, failure("empty_file", 0)},
      {"tab separated", "Ansattnummer\tEnhet\n1\tSkole\n", {}, failure("wrong_delimiter", 1)},
      {"pipe separated", "\nAnsattnummer|Enhet\n1|Skole\n", {}, failure("wrong_delimiter", 2)},
      {"undefined 1252 byte", "a;b\n1;2\n3;\x81\n", {}, failure("undecodable_text", 3)},
      {"undefined byte after a 1252 letter", "a;b\n\xF8;2\n\n\"x\ny\";\x8D\n", {},
       failure("undecodable_text", 4)},
      {"utf-16le with BOM", "\xFF\xFE" "a\0;\0b\0\n\0"s, {}, failure("undecodable_text", 1)},
      {"utf-16le without BOM", "a\0;\0b\0\n\0"s, {}, failure("undecodable_text", 1)},
      {"NUL byte", "a;b\n1;2\n3;\0\n"s, {}, failure("undecodable_text", 3)},
      {"unterminated quote", "a;b\n1;2\n\"3;4\n5;6\n", {{1, {"a", "b"}}, {2, {"1", "2"}}},
       failure("unterminated_quote", 3)},
      {"unterminated quote after embedded newline", "a\n\"x\ny\"\n\"z\n", {{1, {"a"}}, {2, {"x\ny"}}},
       failure("unterminated_quote", 3)},
  };
}

TEST(CsvReaderTest, ReadsCases) {
  for (const ReadCase& c : cases()) {
    // The smallest read size puts a buffer boundary inside almost every row.
    for (const std::size_t read_bytes : {std::size_t{1} << 20, std::size_t{64}}) {
      SCOPED_TRACE(c.name + ", read size " + std::to_string(read_bytes));
      const TempFile file(c.bytes);
      const Outcome outcome = read_all(file.path(), {.read_bytes = read_bytes});
      EXPECT_THAT(outcome.rows, ::testing::ElementsAreArray(c.rows));
      ASSERT_EQ(outcome.failure.has_value(), c.failure.has_value());
      if (c.failure) {
        EXPECT_EQ(outcome.failure->code, c.failure->code);
        EXPECT_EQ(outcome.failure->row, c.failure->row);
        EXPECT_FALSE(outcome.failure->detail.empty());
      }
      if (!c.failure || c.failure->code != "empty_file") {
        EXPECT_EQ(outcome.delimiter, c.delimiter);
        EXPECT_EQ(outcome.encoding, c.encoding);
      }
    }
  }
}

TEST(CsvReaderTest, RefusesAMissingFile) {
  const Result<std::unique_ptr<CsvReader>> opened = CsvReader::open("/nonexistent/dir/x.csv");
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error(), Error::io("file_not_readable", {"/nonexistent/dir/x.csv"}));
}

TEST(CsvReaderTest, RefusesADirectory) {
  const TempFile file("a;b\n");
  const Result<std::unique_ptr<CsvReader>> opened = CsvReader::open(file.path().parent_path());
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "file_not_readable");
}

// The header has one field longer than the read size, so delimiter detection
// has to read more than one buffer, and so do the rows.
TEST(CsvReaderTest, ReadsRowsLongerThanTheBuffer) {
  const std::string long_cell(10'000, 'x');
  const std::string text = long_cell + "," + "b\n\"" + long_cell + ",\"\"\"," + long_cell + "\n";
  const TempFile file(text);
  const Outcome outcome = read_all(file.path(), {.read_bytes = 64});
  ASSERT_EQ(outcome.rows.size(), 2u);
  EXPECT_EQ(outcome.delimiter, ',');
  EXPECT_EQ(outcome.rows[1].cells, (std::vector<std::string>{long_cell + ",\"", long_cell}));
}

TEST(CsvReaderTest, StreamsALongFileInABoundedBuffer) {
  constexpr int kRows = 200'000;
  std::string text = "Ansattnummer;Enhet;Stillingsprosent;F\xF8" "dsels\xE5r\r\n";
  for (int i = 1; i <= kRows; ++i) {
    text += std::to_string(i) + ";Enhet " + std::to_string(i % 97) + ";\"75,5\";19" +
            std::to_string(50 + i % 50) + "\r\n";
  }
  const TempFile file(text);
  Result<std::unique_ptr<CsvReader>> opened = CsvReader::open(file.path(), {.read_bytes = 4096});
  ASSERT_TRUE(opened.ok());
  CsvReader& reader = *opened.value();
  EXPECT_EQ(reader.encoding(), TextEncoding::windows_1252);
  TableRow row;
  std::int64_t count = 0;
  TableRow last;
  while (reader.next(row)) {
    ++count;
    last = row;
    EXPECT_LE(reader.bytes_done(), reader.bytes_total());
  }
  EXPECT_FALSE(reader.failure().has_value());
  EXPECT_EQ(count, kRows + 1);
  EXPECT_EQ(last.number, kRows + 1);
  EXPECT_EQ(last.cells, (std::vector<std::string>{"200000", "Enhet 83", "75,5", "1950"}));
  EXPECT_EQ(reader.bytes_total(), text.size());
  EXPECT_EQ(reader.bytes_done(), text.size());
  // Three bytes of UTF-8 per input byte, plus the sentinel: never the file.
  EXPECT_LE(reader.buffer_capacity(), 3 * 4096 + 1);
}

TEST(CsvReaderTest, ReportsProgress) {
  std::string text = "a;b\n";
  for (int i = 0; i < 1000; ++i) text += "1;2\n";
  const TempFile file(text);
  Result<std::unique_ptr<CsvReader>> opened = CsvReader::open(file.path(), {.read_bytes = 256});
  ASSERT_TRUE(opened.ok());
  CsvReader& reader = *opened.value();
  EXPECT_EQ(reader.bytes_total(), text.size());
  TableRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(reader.bytes_done(), 4u);
  std::uint64_t previous = 0;
  while (reader.next(row)) {
    EXPECT_GE(reader.bytes_done(), previous);
    previous = reader.bytes_done();
  }
  EXPECT_EQ(reader.bytes_done(), text.size());
}

TEST(CsvReaderTest, ReusesTheCellsOfTheRowPassedIn) {
  const TempFile file("a;b;c\n1;2;3\n4;5\n");
  Result<std::unique_ptr<CsvReader>> opened = CsvReader::open(file.path());
  ASSERT_TRUE(opened.ok());
  TableRow row;
  row.cells.assign(5, std::string(100, 'z'));
  ASSERT_TRUE(opened.value()->next(row));
  EXPECT_EQ(row.cells, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_TRUE(opened.value()->next(row));
  ASSERT_TRUE(opened.value()->next(row));
  EXPECT_EQ(row.number, 3);
  EXPECT_EQ(row.cells, (std::vector<std::string>{"4", "5"}));
}

}  // namespace
}  // namespace kompetent::io
