// The forecast's view of a snapshot: one StaffMember per person and service, following the
// person rules of docs/indicators.md (a person's records in the group are summed; the
// category is that of the largest record, the first on a tie).
#pragma once

#include <vector>

#include "core/forecast/service.h"
#include "core/forecast/workforce_forecast.h"
#include "core/org/org_tree.h"
#include "core/workforce/snapshot.h"

namespace kompetent::forecast {

struct ForecastStaff {
  std::vector<StaffMember> members;
  std::int64_t records_without_service = 0;  // matched by no rule; left out, and reported
};

// Assigns each record to a service by its unit's sector and name (services.assign) and
// groups the records per person and service. Never fails; a record whose unit is not in
// `tree` is matched with an empty sector code and unit name.
[[nodiscard]] ForecastStaff forecast_staff(const Snapshot& snapshot, const OrgTree& tree, const ServiceTable& services);

}  // namespace kompetent::forecast
