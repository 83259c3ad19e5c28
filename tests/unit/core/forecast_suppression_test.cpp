// Which forecast groups an aggregate-only view withholds (docs/privacy.md, "Forecasts"), on small
// hand-built cases: primary, secondary, and a region whose member withholds a group.
#include "core/forecast/forecast_suppression.h"

#include <gtest/gtest.h>

namespace kompetent::forecast {
namespace {

struct ViewCase {
  const char* situation;
  std::vector<std::int64_t> persons;
  int k;
  std::vector<bool> withheld;
};

// clang-format off
const ViewCase kViewCases[] = {
    {"nothing small",                          {40, 12, 5},        5, {false, false, false}},
    {"zero is not small",                      {40, 0, 9},         5, {false, false, false}},
    {"one small group takes the smallest other along", {40, 3, 9}, 5, {false, true, true}},
    {"two small groups that together are k",   {40, 3, 2},         5, {false, true, true}},
    {"two small groups that together are small", {40, 2, 1, 30},  5, {false, true, true, true}},
    {"the secondary group is the smallest shown above 0", {40, 1, 2, 0, 9}, 5, {false, true, true, false, true}},
    {"secondary skips groups of 0",            {0, 4, 7},          5, {false, true, true}},
    {"a tie takes the first",                  {6, 4, 6},          5, {true, true, false}},
    {"k below 3 counts as 3",                  {2, 3, 10},         1, {true, true, false}},
    {"all small and nothing to add",           {2},                5, {true}},
};
// clang-format on

TEST(ForecastSuppression, OneView) {
  for (const ViewCase& c : kViewCases) {
    EXPECT_EQ(withheld_forecast_groups(c.persons, c.k), c.withheld) << c.situation;
  }
}

TEST(ForecastSuppression, RegionWithholdsWhatAMemberWithholds) {
  // Nurses: A has 3 (withheld in A's own view), B has 20. The region's 23 would give A's 3 back
  // as 23 − 20 from B's view, so the region withholds nurses too; the 23 withheld persons are not
  // a small sum, so nothing else goes.
  const std::vector<ForecastGroupKey> groups{
      {"sykepleier", ""}, {"helsefagarbeider", ""}, {"laerer", ""}};
  const std::vector<std::int64_t> persons{23, 40, 15};
  const std::vector<std::vector<GroupPersons>> members{
      {{{"sykepleier", ""}, 3}, {{"helsefagarbeider", ""}, 20}, {{"laerer", ""}, 15}},
      {{{"helsefagarbeider", ""}, 20}, {{"sykepleier", ""}, 20}},
  };
  // In A's own view the 3 nurses take the smallest other group (15 teachers) along.
  EXPECT_EQ(withheld_region_forecast_groups(groups, persons, members, 5),
            (std::vector<bool>{true, false, true}));
}

TEST(ForecastSuppression, RegionAppliesTheSecondaryRuleToItsOwnGroups) {
  // Region: nurses 2 (small), teachers 6, assistants 30.
  const std::vector<ForecastGroupKey> groups{{"sykepleier", ""}, {"laerer", ""}, {"assistent", ""}};
  const std::vector<std::int64_t> persons{2, 6, 30};
  const std::vector<std::vector<GroupPersons>> members{
      {{{"sykepleier", ""}, 0}, {{"laerer", ""}, 6}, {{"assistent", ""}, 15}},
      {{{"sykepleier", ""}, 2},
       {{"assistent", ""}, 15}},  // withholds its 2 nurses and its 15 assistants
  };
  // Nurses are small in the region too; assistants go because the second member withholds
  // them; the 32 withheld persons are not a small sum, so the teachers stay.
  EXPECT_EQ(withheld_region_forecast_groups(groups, persons, members, 5),
            (std::vector<bool>{true, false, true}));
}

TEST(ForecastSuppression, RegionIgnoresKeysItDoesNotHave) {
  const std::vector<ForecastGroupKey> groups{{"", "skole"}, {"", "barnehage"}};
  const std::vector<std::int64_t> persons{50, 30};
  const std::vector<std::vector<GroupPersons>> members{
      {{{"", "teknisk"}, 2}, {{"", "skole"}, 50}, {{"", "barnehage"}, 30}}};
  // The member's 2 in teknisk take its 30 in barnehage along (the smallest other).
  EXPECT_EQ(withheld_region_forecast_groups(groups, persons, members, 5),
            (std::vector<bool>{false, true}));
}

}  // namespace
}  // namespace kompetent::forecast
