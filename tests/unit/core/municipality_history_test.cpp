// MunicipalityHistory: a table of real renumberings, and a check of the shipped
// data/municipality_numbers.csv against the 357 numbers of 2024. Expected values
// come from SSB's change table for classification 131 as stored in
// opisthokonta/kommuneendringer (see data/reference/PROVENANCE.md, §8).
// The loader in io/reference is not tested here: core_test links only
// kompetent_core, so the CSV is split with a few lines of test code instead.
#include "core/org/municipality_history.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace kompetent {
namespace {

std::vector<MunicipalityNumber> numbers(std::initializer_list<const char*> digits) {
  std::vector<MunicipalityNumber> out;
  for (const char* d : digits) out.push_back(MunicipalityNumber{d});
  return out;
}

MunicipalityNumberChange change(const char* number, std::optional<int> from, int to,
                                std::initializer_list<const char*> successors) {
  return {MunicipalityNumber{number}, from, to, numbers(successors)};
}

// Direct successors, as SSB records them, so the chains must be followed.
MunicipalityHistory nord_history() {
  return MunicipalityHistory(
      {
          change("1943", std::nullopt, 2019, {"5429"}),  // Kvænangen
          change("5429", 2020, 2023, {"5546"}),
          change("1940", std::nullopt, 2019, {"5426"}),  // Kåfjord
          change("5426", 2020, 2023, {"5540"}),
          change("1849", std::nullopt, 2019, {"1875"}),          // Hamarøy
          change("1850", std::nullopt, 2019, {"1806", "1875"}),  // Tysfjord, split
          change("1805", std::nullopt, 2019, {"1806"}),          // Narvik
          change("1613", std::nullopt, 2017, {"5012"}),          // Snillfjord
          change("5012", 2018, 2019, {"5055", "5056", "5059"}),
      },
      numbers({"1804", "1806", "1875", "5540", "5546", "5055", "5056", "5059"}));
}

struct CurrentNumbersCase {
  const char* what;
  const char* number;
  std::vector<MunicipalityNumber> expected;
};

TEST(MunicipalityHistoryTest, CurrentNumbersFollowChainsAndSplits) {
  const MunicipalityHistory history = nord_history();
  const CurrentNumbersCase cases[] = {
      {"Kvænangen 2016 number, via 5429", "1943", numbers({"5546"})},
      {"Kvænangen 2020–2023 number", "5429", numbers({"5546"})},
      {"Kåfjord 2016 number, via 5426", "1940", numbers({"5540"})},
      {"Hamarøy merged with part of Tysfjord", "1849", numbers({"1875"})},
      {"Tysfjord split between Narvik and Hamarøy", "1850", numbers({"1806", "1875"})},
      {"Snillfjord renumbered 2018, split 2020", "1613", numbers({"5055", "5056", "5059"})},
      {"a current number gives itself", "5546", numbers({"5546"})},
      {"an unchanged current number gives itself", "1804", numbers({"1804"})},
      {"an unknown number", "9999", {}},
      {"not four digits", "194", {}},
      {"not digits", "19a3", {}},
      {"empty", "", {}},
  };
  for (const CurrentNumbersCase& c : cases) {
    EXPECT_EQ(history.current_numbers_for(c.number), c.expected)
        << c.what << " (" << c.number << ")";
  }
}

TEST(MunicipalityHistoryTest, ChangeOfReturnsTheRecordOnlyForRetiredNumbers) {
  const MunicipalityHistory history = nord_history();
  auto kvaenangen = history.change_of("5429");
  ASSERT_TRUE(kvaenangen.has_value());
  EXPECT_EQ(kvaenangen->valid_from_year, 2020);
  EXPECT_EQ(kvaenangen->valid_to_year, 2023);
  EXPECT_EQ(kvaenangen->successors, numbers({"5546"}));
  EXPECT_EQ(history.change_of("1850")->successors, numbers({"1806", "1875"}));
  EXPECT_FALSE(history.change_of("5546").has_value());
  EXPECT_FALSE(history.change_of("9999").has_value());
  EXPECT_EQ(history.change_count(), 9u);
}

TEST(MunicipalityHistoryTest, CyclesAndDeadEndsGiveNoNumbersInsteadOfLooping) {
  const MunicipalityHistory history(
      {change("0001", std::nullopt, 2019, {"0002"}), change("0002", 2020, 2023, {"0001"}),
       change("0003", std::nullopt, 2019, {"0004", "1804"})},
      numbers({"1804"}));
  EXPECT_TRUE(history.current_numbers_for("0001").empty());
  EXPECT_EQ(history.current_numbers_for("0003"), numbers({"1804"}));  // 0004 leads nowhere
}

TEST(MunicipalityHistoryTest, EmptyHistoryKnowsNothing) {
  const MunicipalityHistory history;
  EXPECT_TRUE(history.current_numbers_for("1804").empty());
  EXPECT_FALSE(history.change_of("1943").has_value());
}

// --- The shipped table -------------------------------------------------------

std::vector<std::vector<std::string>> read_semicolon_file(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cells;
    std::stringstream stream(line);
    std::string cell;
    while (std::getline(stream, cell, ';')) cells.push_back(cell);
    if (!line.empty() && line.back() == ';') cells.emplace_back();
    rows.push_back(std::move(cells));
  }
  return rows;
}

std::vector<std::string> split_bar(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, '|')) out.push_back(item);
  return out;
}

TEST(MunicipalityHistoryTest, ShippedTableMapsEveryRetiredNumberToA2024Number) {
  const std::string root = KOMPETENT_SOURCE_DIR;
  const auto municipalities =
      read_semicolon_file(root + "/data/reference/kommuner_2024_med_folkemengde.csv");
  const auto table = read_semicolon_file(root + "/data/municipality_numbers.csv");
  ASSERT_EQ(municipalities.size(), 358u);  // header + 357
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(table[0], (std::vector<std::string>{"kommunenummer", "navn", "gyldig_fra", "gyldig_til",
                                                "erstattet_av", "merknad"}));

  std::set<std::string> current;
  std::vector<MunicipalityNumber> current_list;
  for (std::size_t i = 1; i < municipalities.size(); ++i) {
    current.insert(municipalities[i][0]);
    current_list.push_back(MunicipalityNumber{municipalities[i][0]});
  }
  ASSERT_EQ(current.size(), 357u);

  std::vector<MunicipalityNumberChange> changes;
  std::set<std::string> retired;
  std::set<std::string> reached;
  for (std::size_t i = 1; i < table.size(); ++i) {
    const auto& row = table[i];
    ASSERT_EQ(row.size(), 6u) << "row " << i + 1;
    EXPECT_TRUE(is_valid_municipality_number(row[0])) << row[0];
    EXPECT_EQ(current.count(row[0]), 0u) << row[0] << " is retired but also a 2024 number";
    EXPECT_TRUE(retired.insert(row[0]).second) << row[0] << " twice";
    const int to = std::stoi(row[3]);
    EXPECT_GE(to, 2016) << row[0];  // only numbers in use 2016 or later
    EXPECT_LE(to, 2023) << row[0];
    MunicipalityNumberChange c{MunicipalityNumber{row[0]}, std::nullopt, to, {}};
    if (!row[2].empty()) {
      c.valid_from_year = std::stoi(row[2]);
      EXPECT_LE(*c.valid_from_year, to) << row[0];
    }
    for (const std::string& successor : split_bar(row[4])) {
      EXPECT_EQ(current.count(successor), 1u)
          << row[0] << " → " << successor << " is not a 2024 number";
      c.successors.push_back(MunicipalityNumber{successor});
      reached.insert(successor);
    }
    EXPECT_FALSE(c.successors.empty()) << row[0];
    changes.push_back(std::move(c));
  }

  // Every Troms (55) and Finnmark (56) number of 2024 replaced an older one.
  for (const std::string& number : current) {
    if (number.starts_with("55") || number.starts_with("56")) {
      EXPECT_EQ(reached.count(number), 1u) << number << " has no predecessor in the table";
    }
  }

  const MunicipalityHistory history(std::move(changes), std::move(current_list));
  EXPECT_EQ(history.current_numbers_for("1943"), numbers({"5546"}));
  EXPECT_EQ(history.current_numbers_for("5429"), numbers({"5546"}));
  EXPECT_EQ(history.current_numbers_for("1940"), numbers({"5540"}));
  EXPECT_EQ(history.current_numbers_for("1849"), numbers({"1875"}));
  EXPECT_EQ(history.current_numbers_for("1850"), numbers({"1806", "1875"}));
  EXPECT_EQ(history.current_numbers_for("1507"), numbers({"1508", "1580"}));
  EXPECT_EQ(history.current_numbers_for("1534"), numbers({"1580"}));
  EXPECT_EQ(history.current_numbers_for("0233"), numbers({"3232"}));  // Nittedal
  EXPECT_EQ(history.current_numbers_for("1841"), numbers({"1841"}));  // Fauske never changed
  for (const char* troms_2016 : {"1902", "1903", "1911", "1913", "1917", "1919", "1920", "1922",
                                 "1923", "1924", "1925", "1926", "1927", "1928", "1929", "1931",
                                 "1933", "1936", "1938", "1939", "1940", "1941", "1942", "1943"}) {
    const auto now = history.current_numbers_for(troms_2016);
    ASSERT_EQ(now.size(), 1u) << troms_2016;
    EXPECT_TRUE(now[0].digits.starts_with("55")) << troms_2016 << " → " << now[0].digits;
  }
}

}  // namespace
}  // namespace kompetent
