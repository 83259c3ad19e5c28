// store::ScenarioStore on SQLite: scenarios come back as saved, sorted by name
// within their scope; names are unique per scope (a municipality and a region
// are different scopes even for the same name), and every miss says which id.
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace kompetent::store::testing {
namespace {

SavedScenario scenario(std::string name, ScenarioScope scope,
                       std::string levers = R"({"turnover":0.08})") {
  SavedScenario s;
  s.scope = std::move(scope);
  s.name = std::move(name);
  s.levers_json = std::move(levers);
  s.created_by = "fauske.hr";
  return s;
}

const ScenarioScope kFauskeScope{"1841", ""};
const ScenarioScope kSaltdalScope{"1840", ""};
const ScenarioScope kSaltenScope{"", "salten"};

class ScenarioStoreTest : public StoreTest {
 protected:
  ScenarioStore& scenarios() { return database().scenarios(); }
  std::int64_t insert(const SavedScenario& s) {
    auto id = scenarios().insert_scenario(s);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().code);
    return id.ok() ? id.value() : 0;
  }
  std::vector<std::string> names(const ScenarioScope& scope) {
    auto listed = scenarios().list_scenarios(scope);
    EXPECT_TRUE(listed.ok());
    std::vector<std::string> found;
    if (listed.ok()) {
      for (const SavedScenario& s : listed.value()) found.push_back(s.name);
    }
    return found;
  }
};

TEST_F(ScenarioStoreTest, KeepsEveryFieldAsSaved) {
  const std::string levers = R"({"turnover": 0.08, "population":"low", "task_shift":["a:b:0.1"]})";
  const std::int64_t id = insert(scenario("Heltid 2030 – «Sámi»", kFauskeScope, levers));
  auto found = scenarios().find_scenario(id);
  ASSERT_TRUE(found.ok());
  SavedScenario expected = scenario("Heltid 2030 – «Sámi»", kFauskeScope, levers);
  expected.id = id;
  expected.created_at = kNow;
  expected.updated_at = kNow;
  EXPECT_EQ(found.value(), expected);
}

TEST_F(ScenarioStoreTest, ListsOneScopeSortedByName) {
  insert(scenario("Lav turnover", kFauskeScope));
  insert(scenario("Heltid", kFauskeScope));
  insert(scenario("Andre", kSaltdalScope));
  insert(scenario("Felles", kSaltenScope));
  EXPECT_EQ(names(kFauskeScope), (std::vector<std::string>{"Heltid", "Lav turnover"}));
  EXPECT_EQ(names(kSaltdalScope), (std::vector<std::string>{"Andre"}));
  EXPECT_EQ(names(kSaltenScope), (std::vector<std::string>{"Felles"}));
  EXPECT_EQ(names(ScenarioScope{"", "nord-troms"}), std::vector<std::string>{});
}

TEST_F(ScenarioStoreTest, NamesAreUniquePerScope) {
  insert(scenario("Heltid", kFauskeScope));
  auto again = scenarios().insert_scenario(scenario("Heltid", kFauskeScope));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().code, "scenario_name_taken");
  EXPECT_EQ(again.error().args, std::vector<std::string>{"Heltid"});
  // Another municipality, and a region, may use the name.
  insert(scenario("Heltid", kSaltdalScope));
  insert(scenario("Heltid", kSaltenScope));
  auto region_again = scenarios().insert_scenario(scenario("Heltid", kSaltenScope));
  ASSERT_FALSE(region_again.ok());
  EXPECT_EQ(region_again.error().code, "scenario_name_taken");
}

TEST_F(ScenarioStoreTest, RefusesWhatCannotBeStored) {
  const SavedScenario cases[] = {
      scenario("Begge", ScenarioScope{"1841", "salten"}),
      scenario("Ingen", ScenarioScope{"", ""}),
      scenario("", kFauskeScope),
      scenario("Liste", kFauskeScope, "[1, 2]"),
      scenario("Ikke JSON", kFauskeScope, "{turnover: 0.08"),
  };
  for (const SavedScenario& s : cases) {
    auto id = scenarios().insert_scenario(s);
    ASSERT_FALSE(id.ok()) << s.name;
    EXPECT_EQ(id.error().code, "invalid_scenario") << s.name;
  }
  EXPECT_EQ(names(kFauskeScope), std::vector<std::string>{});
}

TEST_F(ScenarioStoreTest, UpdateRenamesAndReplacesTheLevers) {
  const std::int64_t id = insert(scenario("Heltid", kFauskeScope));
  const std::int64_t other = insert(scenario("Lav turnover", kFauskeScope));
  clock_ = FixedClock{kNow + 1h};
  ASSERT_TRUE(scenarios().update_scenario(id, "Heltid 2035", R"({"turnover":0.05})").ok());
  auto found = scenarios().find_scenario(id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found.value().name, "Heltid 2035");
  EXPECT_EQ(found.value().levers_json, R"({"turnover":0.05})");
  EXPECT_EQ(found.value().scope, kFauskeScope);
  EXPECT_EQ(found.value().created_by, "fauske.hr");
  EXPECT_EQ(found.value().created_at, kNow);
  EXPECT_EQ(found.value().updated_at, kNow + 1h);
  // Keeping one's own name is no conflict; taking another's is.
  EXPECT_TRUE(scenarios().update_scenario(id, "Heltid 2035", R"({})").ok());
  auto taken = scenarios().update_scenario(other, "Heltid 2035", R"({})");
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, "scenario_name_taken");
  EXPECT_EQ(names(kFauskeScope), (std::vector<std::string>{"Heltid 2035", "Lav turnover"}));
}

TEST_F(ScenarioStoreTest, MissingIdsAreNotFoundWithTheId) {
  const std::int64_t id = insert(scenario("Heltid", kFauskeScope));
  ASSERT_TRUE(scenarios().delete_scenario(id).ok());
  auto found = scenarios().find_scenario(id);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().kind, ErrorKind::not_found);
  EXPECT_EQ(found.error().code, "scenario_not_found");
  EXPECT_EQ(found.error().args, std::vector<std::string>{std::to_string(id)});
  auto deleted = scenarios().delete_scenario(id);
  ASSERT_FALSE(deleted.ok());
  EXPECT_EQ(deleted.error().code, "scenario_not_found");
  auto updated = scenarios().update_scenario(id, "Ny", "{}");
  ASSERT_FALSE(updated.ok());
  EXPECT_EQ(updated.error().code, "scenario_not_found");
}

TEST_F(ScenarioStoreTest, SurvivesReopening) {
  const std::int64_t id = insert(scenario("Heltid", kSaltenScope));
  reopen();
  auto found = scenarios().find_scenario(id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found.value().scope, kSaltenScope);
  EXPECT_TRUE(database().integrity_check().ok());
}

}  // namespace
}  // namespace kompetent::store::testing
