// levers_of() is the inverse of set_lever(): every scenario comes back the same.
#include <gtest/gtest.h>

#include "core/forecast/scenario.h"

namespace kompetent::forecast {
namespace {

Scenario rich_scenario() {
  Scenario s;
  s.productivity_per_year = 0.01;
  s.staffing_change = {0.05, {{"pleie_omsorg", 0.2}, {"skole", -0.1}}};
  s.task_shifts = {{"sykepleier", "helsefagarbeider", 0.1, "pleie_omsorg"},
                   {"laerer", "assistent", 0.05, ""}};
  s.phase_in_until = 2032;
  s.population = PopulationAlternative::low;
  s.turnover = {0.07, {{"sykepleier", 0.09}, {"helsefagarbeider", 0.125}}};
  s.position_size = PositionSizeTarget{0.9, 2033};
  s.sick_leave = {0.085, 0.06, 2031};
  s.retirement_age_shift = 1.5;
  s.outside_recruit_share = 0.45;
  return s;
}

Scenario rebuilt(const Scenario& original) {
  Scenario back;
  back.name = original.name;  // the name is not a lever
  for (const auto& [lever, value] : levers_of(original)) {
    EXPECT_TRUE(set_lever(back, lever, value).ok()) << lever << "=" << value;
  }
  return back;
}

TEST(ScenarioLevers, DefaultsRoundTrip) { EXPECT_EQ(rebuilt(Scenario{}), Scenario{}); }

TEST(ScenarioLevers, EveryLeverRoundTrips) {
  const Scenario original = rich_scenario();
  EXPECT_EQ(rebuilt(original), original);
}

TEST(ScenarioLevers, RangesCoverTheNumericLevers) {
  for (const char* lever :
       {"productivity_per_year", "staffing_change", "turnover", "position_size", "sick_leave.to",
        "retirement_age_shift", "outside_recruit_share", "task_shift"}) {
    bool found = false;
    for (const LeverRange& range : lever_ranges()) found = found || range.lever == lever;
    EXPECT_TRUE(found) << lever;
  }
}

}  // namespace
}  // namespace kompetent::forecast
