// Which groups of a forecast an aggregate-only view withholds (docs/privacy.md, "Forecasts").
// Decided on the base-year persons alone: every later figure of a group is computed from its
// base-year staff, so hiding a group hides all of it, and the pattern is the same for every
// scenario. Pure.
//
//   std::vector<bool> hidden = withheld_forecast_groups(persons, 5);            // a municipality
//   std::vector<bool> hidden = withheld_region_forecast_groups(keys, persons, members, 5);
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/forecast/workforce_forecast.h"

namespace kompetent::forecast {

// One group's base-year persons in one municipality.
struct GroupPersons {
  ForecastGroupKey key;
  std::int64_t persons = 0;
  bool operator==(const GroupPersons&) const = default;
};

// Per group (parallel to `base_persons`): withheld or not. Primary: 1..k−1 persons. Secondary:
// while the withheld groups together hold 1..k−1 persons (the total, which is always shown,
// minus the shown groups would give them), the shown group with the fewest persons (above 0;
// the first on a tie) is withheld too. k below 3 counts as 3.
[[nodiscard]] std::vector<bool> withheld_forecast_groups(std::span<const std::int64_t> base_persons,
                                                         int min_group);

// A region's groups: as above, and also every group withheld in any member's own view
// (withheld_forecast_groups over that member's groups), since the region's figure minus the
// other members' shown ones would give it; then the secondary rule over the region's groups.
// `members` holds each member's own groups in any order; keys not among `groups` are ignored.
[[nodiscard]] std::vector<bool> withheld_region_forecast_groups(
    std::span<const ForecastGroupKey> groups, std::span<const std::int64_t> base_persons,
    std::span<const std::vector<GroupPersons>> members, int min_group);

}  // namespace kompetent::forecast
