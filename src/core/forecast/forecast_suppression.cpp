#include "core/forecast/forecast_suppression.h"

#include <algorithm>
#include <optional>

namespace kompetent::forecast {
namespace {

bool is_small_forecast_group(std::int64_t persons, int k) noexcept {
  return persons >= 1 && persons < k;
}

// The secondary rule: the withheld groups must not together be a small group, or the total
// minus the shown groups would give a small group's persons (or a sum of small ones).
void protect_withheld_sum(std::span<const std::int64_t> base_persons, int k,
                          std::vector<bool>& withheld) {
  for (;;) {
    std::int64_t hidden = 0;
    for (std::size_t g = 0; g < withheld.size(); ++g) {
      if (withheld[g]) hidden += base_persons[g];
    }
    if (!is_small_forecast_group(hidden, k)) return;
    std::optional<std::size_t> smallest;
    for (std::size_t g = 0; g < withheld.size(); ++g) {
      if (withheld[g] || base_persons[g] <= 0) continue;
      if (!smallest || base_persons[g] < base_persons[*smallest]) smallest = g;
    }
    if (!smallest) return;  // nothing left to withhold: the groups are all hidden already
    withheld[*smallest] = true;
  }
}

}  // namespace

std::vector<bool> withheld_forecast_groups(std::span<const std::int64_t> base_persons,
                                           int min_group) {
  const int k = std::max(min_group, 3);
  std::vector<bool> withheld(base_persons.size(), false);
  for (std::size_t g = 0; g < base_persons.size(); ++g)
    withheld[g] = is_small_forecast_group(base_persons[g], k);
  protect_withheld_sum(base_persons, k, withheld);
  return withheld;
}

std::vector<bool> withheld_region_forecast_groups(
    std::span<const ForecastGroupKey> groups, std::span<const std::int64_t> base_persons,
    std::span<const std::vector<GroupPersons>> members, int min_group) {
  const int k = std::max(min_group, 3);
  std::vector<bool> withheld(groups.size(), false);
  for (std::size_t g = 0; g < groups.size(); ++g)
    withheld[g] = is_small_forecast_group(base_persons[g], k);
  for (const std::vector<GroupPersons>& member : members) {
    std::vector<std::int64_t> persons;
    for (const GroupPersons& group : member) persons.push_back(group.persons);
    const std::vector<bool> own = withheld_forecast_groups(persons, k);
    for (std::size_t i = 0; i < member.size(); ++i) {
      if (!own[i]) continue;
      const auto it = std::find(groups.begin(), groups.end(), member[i].key);
      if (it != groups.end()) withheld[static_cast<std::size_t>(it - groups.begin())] = true;
    }
  }
  protect_withheld_sum(base_persons, k, withheld);
  return withheld;
}

}  // namespace kompetent::forecast
