// Runs every tests/cases/suppression/*.json through the small-group suppression
// engine and compares each cell's reason with the one worked out by hand. The
// format and the meaning of the cases are in tests/cases/suppression/README.md.
//
// Every case is also checked by an attacker written here, apart from the engine:
// starting from what is shown (and what is known from elsewhere) it solves every
// constraint with one unknown until nothing changes, and no sensitive or
// suppressed cell may come out, except those the case lists as unprotected. The
// attacker runs on the expected reasons too, so a wrong case fails on its own.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "case_files.h"
#include "core/privacy/cell_suppression.h"

namespace kompetent::cases {
namespace {

namespace fs = std::filesystem;
using privacy::CellKind;
using privacy::Reason;

const fs::path kSuppressionDir = fs::path(KOMPETENT_SOURCE_DIR) / "tests" / "cases" / "suppression";

struct CaseFile {
  std::string description;
  int k = 5;
  std::vector<std::string> ids;  // cell index → id, in the order of the file
  privacy::CellTable table;
  std::vector<Reason> expected;  // per cell; cells not in "expect" are none
  std::vector<std::size_t> expected_unprotected;  // ascending
  std::optional<Error> expected_error;             // from validate_rules
};

const char* reason_name(Reason reason) {
  switch (reason) {
    case Reason::none: return "none";
    case Reason::primary: return "primary";
    case Reason::secondary: return "secondary";
    case Reason::group: return "group";
  }
  return "?";
}

const char* kind_name(CellKind kind) {
  switch (kind) {
    case CellKind::published: return "published";
    case CellKind::hidden: return "hidden";
    case CellKind::external: return "external";
  }
  return "?";
}

// Reads a case and checks it is well formed: known keys and ids, and every
// constraint adding up, so a typo in a case fails here instead of passing quietly.
CaseFile read_case(const fs::path& file) {
  CaseFile c;
  const auto doc = nlohmann::json::parse(read_text(file));
  for (const auto& [key, value] : doc.items()) {
    static const std::vector<std::string> kKnown = {"description", "k", "cells", "constraints", "groups",
                                                    "expect", "expect_unprotected", "expect_error"};
    EXPECT_NE(std::find(kKnown.begin(), kKnown.end(), key), kKnown.end()) << "unknown key " << key;
  }
  c.description = doc.at("description").get<std::string>();
  c.k = doc.at("k").get<int>();
  std::map<std::string, std::size_t> index;
  for (const auto& cell : doc.at("cells")) {
    const std::string id = cell.at("id").get<std::string>();
    EXPECT_TRUE(index.emplace(id, c.ids.size()).second) << "cell " << id << " listed twice";
    c.ids.push_back(id);
    privacy::Cell value{cell.at("value").get<std::int64_t>(), CellKind::published};
    const std::string kind = cell.value("kind", std::string("published"));
    if (kind == "hidden") value.kind = CellKind::hidden;
    else if (kind == "external") value.kind = CellKind::external;
    else EXPECT_EQ(kind, "published") << "cell " << id;
    c.table.cells.push_back(value);
  }
  auto cell_index = [&](const nlohmann::json& id) -> std::size_t {
    auto found = index.find(id.get<std::string>());
    if (found == index.end()) {
      ADD_FAILURE() << "unknown cell id " << id;
      return 0;
    }
    return found->second;
  };
  for (const auto& constraint : doc.value("constraints", nlohmann::json::array())) {
    privacy::Constraint added{cell_index(constraint.at("total")), {}};
    std::int64_t sum = 0;
    for (const auto& part : constraint.at("parts")) {
      added.parts.push_back(cell_index(part));
      sum += c.table.cells[added.parts.back()].value;
    }
    EXPECT_EQ(c.table.cells[added.total].value, sum) << "constraint with total " << constraint.at("total")
                                                     << " does not add up";
    c.table.constraints.push_back(added);
  }
  for (const auto& group : doc.value("groups", nlohmann::json::array())) {
    privacy::CellGroup added{cell_index(group.at("anchor")), {}};
    for (const auto& member : group.at("members")) added.members.push_back(cell_index(member));
    c.table.groups.push_back(added);
  }
  c.expected.assign(c.ids.size(), Reason::none);
  // A named copy: items() of a temporary would dangle in the range-for.
  const nlohmann::json expect = doc.value("expect", nlohmann::json::object());
  for (const auto& [id, reason] : expect.items()) {
    const std::size_t cell = cell_index(nlohmann::json(id));
    const std::string name = reason.get<std::string>();
    if (name == "primary") c.expected[cell] = Reason::primary;
    else if (name == "secondary") c.expected[cell] = Reason::secondary;
    else if (name == "group") c.expected[cell] = Reason::group;
    else EXPECT_EQ(name, "none") << "reason of " << id;
  }
  for (const auto& id : doc.value("expect_unprotected", nlohmann::json::array())) {
    c.expected_unprotected.push_back(cell_index(id));
  }
  std::sort(c.expected_unprotected.begin(), c.expected_unprotected.end());
  if (doc.contains("expect_error")) {
    const auto& error = doc.at("expect_error");
    c.expected_error = Error::invalid(error.at("code").get<std::string>(),
                                      error.value("args", std::vector<std::string>{}));
  }
  return c;
}

bool is_sensitive(const privacy::Cell& cell, int k) {
  return cell.kind != CellKind::external && cell.value >= 1 && cell.value <= k - 1;
}

// What the attacker can know: every shown cell, every external cell, and then
// the one unknown cell of any constraint, until nothing changes. Deliberately the
// plain closure (no order, no bookkeeping), so it shares no logic with the engine.
std::vector<bool> attacker_knows(const privacy::CellTable& table, const std::vector<Reason>& reason) {
  std::vector<bool> known(table.cells.size());
  for (std::size_t i = 0; i < table.cells.size(); ++i) {
    known[i] = table.cells[i].kind == CellKind::external ||
               (table.cells[i].kind == CellKind::published && reason[i] == Reason::none);
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& constraint : table.constraints) {
      std::vector<std::size_t> unknown;
      if (!known[constraint.total]) unknown.push_back(constraint.total);
      for (std::size_t part : constraint.parts) {
        if (!known[part]) unknown.push_back(part);
      }
      if (unknown.size() == 1) {
        known[unknown[0]] = true;
        changed = true;
      }
    }
  }
  return known;
}

// Checks that hold for any correct answer, whoever computed it: `who` is
// "expected" (the case) or "engine" (the result).
void check_protection(const CaseFile& c, const std::vector<Reason>& reason,
                      const std::vector<std::size_t>& unprotected, const std::string& who) {
  const auto& cells = c.table.cells;
  const std::vector<bool> known = attacker_knows(c.table, reason);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const bool listed = std::binary_search(unprotected.begin(), unprotected.end(), i);
    if (known[i] && (is_sensitive(cells[i], c.k) || reason[i] != Reason::none)) {
      EXPECT_TRUE(listed) << who << ": the attacker works out " << c.ids[i] << " = " << cells[i].value
                          << " (" << kind_name(cells[i].kind) << ", " << reason_name(reason[i]) << ")";
    }
    if (listed) {
      EXPECT_TRUE(known[i]) << who << ": " << c.ids[i] << " is unprotected but cannot be worked out";
    }
    const bool primary = cells[i].kind == CellKind::published && is_sensitive(cells[i], c.k);
    EXPECT_EQ(reason[i] == Reason::primary, primary) << who << ": " << c.ids[i] << " is "
                                                     << reason_name(reason[i]);
    if (cells[i].kind != CellKind::published) {
      EXPECT_EQ(reason[i], Reason::none) << who << ": " << c.ids[i] << " is not shown, so is never suppressed";
    }
  }
  for (const auto& group : c.table.groups) {
    if (reason[group.anchor] == Reason::none) continue;
    for (std::size_t member : group.members) {
      EXPECT_NE(reason[member], Reason::none)
          << who << ": " << c.ids[member] << " is shown though its anchor " << c.ids[group.anchor] << " is not";
    }
  }
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (reason[i] != Reason::group) continue;
    const bool anchored = std::any_of(c.table.groups.begin(), c.table.groups.end(), [&](const auto& group) {
      return reason[group.anchor] != Reason::none &&
             std::find(group.members.begin(), group.members.end(), i) != group.members.end();
    });
    EXPECT_TRUE(anchored) << who << ": " << c.ids[i] << " has reason group without a suppressed anchor";
  }
}

std::string cell_table(const CaseFile& c, const privacy::SuppressionResult& result) {
  std::ostringstream out;
  out << "cell;value;kind;expected;engine\n";
  for (std::size_t i = 0; i < c.ids.size(); ++i) {
    out << c.ids[i] << ';' << c.table.cells[i].value << ';' << kind_name(c.table.cells[i].kind) << ';'
        << reason_name(c.expected[i]) << ';' << reason_name(result.reason[i])
        << (c.expected[i] == result.reason[i] ? "" : "   <--") << '\n';
  }
  out << "unprotected: expected";
  for (std::size_t i : c.expected_unprotected) out << ' ' << c.ids[i];
  out << "; engine";
  for (std::size_t i : result.unprotected) out << ' ' << (i < c.ids.size() ? c.ids[i] : "#" + std::to_string(i));
  return out.str();
}

std::vector<fs::path> case_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kSuppressionDir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A case here is a file, not a folder: its name without ".json".
std::string suppression_case_name(const testing::TestParamInfo<fs::path>& info) {
  return test_name_of(info.param.stem().string());
}

class SuppressionCase : public testing::TestWithParam<fs::path> {};

TEST_P(SuppressionCase, MatchesExpected) {
  const CaseFile c = read_case(GetParam());
  ASSERT_FALSE(testing::Test::HasFailure()) << "malformed case " << GetParam().filename();
  const privacy::SuppressionRules rules{c.k};

  const Status valid = privacy::validate_rules(rules);
  if (c.expected_error) {
    ASSERT_FALSE(valid.ok()) << "k = " << c.k << " was accepted";
    EXPECT_EQ(valid.error(), *c.expected_error);
    return;
  }
  ASSERT_TRUE(valid.ok()) << "k = " << c.k << " refused: " << valid.error().code;

  check_protection(c, c.expected, c.expected_unprotected, "expected");

  const privacy::SuppressionResult result = privacy::suppress(c.table, rules);
  ASSERT_EQ(result.reason.size(), c.table.cells.size());
  std::vector<std::size_t> unprotected = result.unprotected;
  std::sort(unprotected.begin(), unprotected.end());
  EXPECT_TRUE(result.reason == c.expected && unprotected == c.expected_unprotected) << c.description << '\n' << cell_table(c, result);
  check_protection(c, result.reason, unprotected, "engine");

  const privacy::SuppressionResult again = privacy::suppress(c.table, rules);
  EXPECT_TRUE(again.reason == result.reason && again.unprotected == result.unprotected)
      << "a second run on the same table gave another result";
}

INSTANTIATE_TEST_SUITE_P(Cases, SuppressionCase, testing::ValuesIn(case_files()), suppression_case_name);

// A moved or emptied folder must not pass as "no cases failed".
TEST(SuppressionCaseFiles, FolderHoldsCases) { EXPECT_GE(case_files().size(), 25u); }

}  // namespace
}  // namespace kompetent::cases
