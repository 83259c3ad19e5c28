// The JSON of a block of positions (store/sqlite/position_block.h): what is
// written reads back exactly, is JSON that SQLite itself accepts, and anything
// else is refused rather than misread.
#include "store/sqlite/position_block.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "store_fixture.h"

namespace kompetent::store::testing {
namespace {

using sqlite::PositionBlockWriter;
using sqlite::read_position_block;

std::string block_text(const std::vector<PositionRecord>& records) {
  PositionBlockWriter writer;
  for (const PositionRecord& record : records) writer.add(record);
  return std::string{writer.text()};
}

// Text that needs every kind of escape, and text that needs none.
std::vector<PositionRecord> awkward_records() {
  PositionRecord controls = full_record(1);
  controls.employee_id = std::string{"nul\0byte", 8};
  controls.position_title = "tab\there\nline\r\"quoted\" back\\slash /slash \x01\x1f\x7f";
  controls.certifications = {{"", std::nullopt}, {"\"\\", make_date(1999, 1, 1)}};
  PositionRecord unicode = full_record(2);
  unicode.employee_id = "ÆØÅ-æøå-ŋđčšžá-😀";
  unicode.position_title = "Førstehjelp (HLR) – Sámi: Giellagáldu";
  unicode.percent = PositionPercent{-1};
  unicode.birth_year = 0;
  unicode.further_education_credits = 2147483647;
  PositionRecord sparse;  // defaults: empty strings, no dates, no certifications
  PositionRecord long_text = full_record(3);
  long_text.position_title = std::string(10'000, 'x') + "\"" + std::string(7, 'y');
  return {controls, unicode, sparse, long_text, full_record(4)};
}

TEST(PositionBlockTest, RoundTripsEveryField) {
  const std::vector<PositionRecord> records = awkward_records();
  const std::string text = block_text(records);
  std::vector<PositionRecord> read = {full_record(9)};  // appended after what is there
  ASSERT_TRUE(read_position_block(text, static_cast<std::int64_t>(records.size()), read));
  ASSERT_EQ(read.size(), records.size() + 1);
  EXPECT_EQ(std::vector<PositionRecord>(read.begin() + 1, read.end()), records);
}

TEST(PositionBlockTest, EmptyBlockRoundTrips) {
  std::vector<PositionRecord> read;
  EXPECT_TRUE(read_position_block(block_text({}), 0, read));
  EXPECT_TRUE(read.empty());
}

TEST(PositionBlockTest, ClearStartsANewBlock) {
  PositionBlockWriter writer;
  writer.add(full_record(1));
  writer.clear();
  writer.add(full_record(2));
  EXPECT_EQ(writer.size(), 1);
  std::vector<PositionRecord> read;
  ASSERT_TRUE(read_position_block(writer.text(), 1, read));
  EXPECT_EQ(read, std::vector<PositionRecord>{full_record(2)});
}

TEST(PositionBlockTest, IsJsonThatSqliteReads) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  const std::string text = block_text(awkward_records());
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT json_valid(?1), json_extract(?1, '$.employee_id[1]'),"
                               " json_extract(?1, '$.certifications[0][1].name'),"
                               " json_array_length(?1, '$.start_date')",
                               -1, &statement, nullptr),
            SQLITE_OK);
  sqlite3_bind_text(statement, 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(statement, 0), 1);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 1)),
               "ÆØÅ-æøå-ŋđčšžá-😀");
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 2)), "\"\\");
  EXPECT_EQ(sqlite3_column_int(statement, 3), 5);
  sqlite3_finalize(statement);
  sqlite3_close(db);
}

TEST(PositionBlockTest, ReadsAnyJsonSpellingOfTheSameBlock) {
  // As SQLite's json functions or a person might rewrite it: spaces, escapes
  // we never write, keys in another order, "expires": null.
  PositionRecord record;
  record.employee_id = "é/😀";
  record.gender = Gender::male;
  record.certifications = {{"A", std::nullopt}};
  const std::string text =
      "{ \"certifications\" : [ [ { \"expires\" : null , \"name\" : \"\\u0041\" } ] ],\n"
      "  \"employee_id\": [\"\\u00e9\\/\\ud83d\\ude00\"], \"position_number\": [\"\"],"
      "  \"unit_code\": [\"\"], \"position_code\": [\"\"], \"position_title\": [\"\"],"
      "  \"category\": [\"\"], \"percent_hundredths\": [0], \"birth_year\": [0],"
      "  \"gender\": [\"male\"], \"start_date\": [null], \"employment\": [\"permanent\"],"
      "  \"education\": [\"unknown\"], \"relevant_education\": [false],"
      "  \"further_education_credits\": [0] }\n";
  std::vector<PositionRecord> read;
  ASSERT_TRUE(read_position_block(text, 1, read));
  EXPECT_EQ(read, std::vector<PositionRecord>{record});
}

TEST(PositionBlockTest, RefusesWhatIsNotABlockOfThatSize) {
  const std::string good = block_text({full_record(1), full_record(2)});
  const auto with = [&](std::string_view from, std::string_view to) {
    std::string text = good;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
  };
  struct Case {
    const char* what;
    std::string text;
    std::int64_t count;
  };
  const Case cases[] = {
      {"fewer records than counted", good, 3},
      {"more records than counted", good, 1},
      {"negative count", good, -1},
      {"count beyond the text", "{}", 1'000'000'000'000},
      {"empty text", "", 0},
      {"not an object", "[]", 0},
      {"missing column", with("\"category\":[\"helsefagarbeider\",\"helsefagarbeider\"],", ""), 2},
      {"unknown column", with("\"category\"", "\"kategori\""), 2},
      {"repeated column", with("\"category\"", "\"unit_code\""), 2},
      {"one array short", with("\"unit_code\":[\"HJS\",", "\"unit_code\":["), 2},
      {"unknown gender", with("\"female\"", "\"kvinne\""), 2},
      {"invalid date", with("\"2001-02-28\"", "\"2001-02-30\""), 2},
      {"number for a string", with("\"7174\"", "7174"), 2},
      {"fraction", with("7550", "7550.5"), 2},
      {"leading zero", with("7550", "07550"), 2},
      {"out of int range", with("7550", "2147483648"), 2},
      {"bad escape", with("Legemiddel", "\\qLegemiddel"), 2},
      {"lone surrogate", with("Legemiddel", "\\ud83dLegemiddel"), 2},
      {"raw control character", with("Legemiddel", "\tLegemiddel"), 2},
      {"certification without name", with("{\"name\":\"Legemiddelhåndtering\",", "{"), 2},
      {"unterminated string", good.substr(0, good.size() - 10), 2},
      {"trailing text", good + "x", 2},
  };
  for (const Case& c : cases) {
    std::vector<PositionRecord> read;
    EXPECT_FALSE(read_position_block(c.text, c.count, read)) << c.what;
  }
}

}  // namespace
}  // namespace kompetent::store::testing
