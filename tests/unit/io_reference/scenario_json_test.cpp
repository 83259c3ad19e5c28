// A scenario's levers as one JSON object and back (io/reference/scenario_json.h): the form of
// scenario files, saved scenarios and the API.
#include "io/reference/scenario_json.h"

#include <gtest/gtest.h>

namespace kompetent::io {
namespace {

forecast::Scenario rich_scenario() {
  forecast::Scenario s;
  s.productivity_per_year = 0.01;
  s.staffing_change = {0.05, {{"pleie_omsorg", 0.2}}};
  s.task_shifts = {{"sykepleier", "helsefagarbeider", 0.1, "pleie_omsorg"},
                   {"laerer", "assistent", 0.05, ""}};
  s.population = forecast::PopulationAlternative::high;
  s.turnover = {0.07, {{"sykepleier", 0.09}, {"helsefagarbeider", 0.125}}};
  s.position_size = forecast::PositionSizeTarget{0.9, 2033};
  s.sick_leave = {0.085, 0.06, 2031};
  s.retirement_age_shift = -2;
  return s;
}

TEST(ScenarioJson, RoundTrip) {
  const forecast::Scenario original = rich_scenario();
  const nlohmann::ordered_json levers = levers_json(original);
  EXPECT_EQ(levers["turnover.sykepleier"], 0.09);
  EXPECT_EQ(levers["population"], "high");
  EXPECT_EQ(levers["position_size"], 0.9);
  ASSERT_TRUE(levers["task_shift"].is_array());
  EXPECT_EQ(levers["task_shift"].size(), 2u);

  forecast::Scenario back;
  // Through text, as a file or a database column would hold it.
  ASSERT_TRUE(apply_levers(back, nlohmann::json::parse(levers.dump())).ok());
  EXPECT_EQ(back, original);
}

TEST(ScenarioJson, DefaultsHaveNoTaskShiftAndNoPositionSize) {
  const nlohmann::ordered_json levers = levers_json(forecast::Scenario{});
  EXPECT_FALSE(levers.contains("task_shift"));
  EXPECT_FALSE(levers.contains("position_size"));
  forecast::Scenario back;
  ASSERT_TRUE(apply_levers(back, nlohmann::json::parse(levers.dump())).ok());
  EXPECT_EQ(back, forecast::Scenario{});
}

TEST(ScenarioJson, Errors) {
  forecast::Scenario s;
  EXPECT_EQ(apply_levers(s, nlohmann::json::array()).error().code, "invalid_scenario");
  EXPECT_EQ(apply_levers(s, nlohmann::json{{"no_such_lever", 1}}).error().code, "unknown_lever");
  EXPECT_EQ(apply_levers(s, nlohmann::json{{"turnover", "many"}}).error().code,
            "invalid_lever_value");
}

}  // namespace
}  // namespace kompetent::io
