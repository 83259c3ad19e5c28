#include "core/forecast/forecast_staff.h"

#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace kompetent::forecast {
namespace {

// (service, employee id) → index into the people of forecast_staff. The ids are views of the
// snapshot's records, which outlive the map.
struct StaffKeyHash {
  std::size_t operator()(const std::pair<std::size_t, std::string_view>& key) const noexcept {
    return std::hash<std::string_view>{}(key.second) * 31 + key.first;
  }
};

// The service of a record depends only on its unit and its category, and a municipality has
// few of each, so each (unit, category) pair is assigned once: ServiceTable::assign tries the
// rules with a case-insensitive search of the unit name, which costs far more than this lookup.
class StaffServiceMemo {
 public:
  StaffServiceMemo(const OrgTree& tree, const ServiceTable& services) : tree_(tree), services_(services) {
    codes_.reserve(tree.units().size());
    for (std::size_t i = 0; i < tree.units().size(); ++i) codes_.try_emplace(tree.units()[i].code, i);
    by_unit_.resize(tree.units().size() + 1);
  }

  std::optional<std::size_t> service_of(const PositionRecord& record) {
    // Exact codes first, as OrgTree::find_unit does; its lenient match (trimmed, any case,
    // or the unit's name) only for the rest.
    std::optional<std::size_t> unit;
    if (auto it = codes_.find(record.unit_code); it != codes_.end()) {
      unit = it->second;
    } else {
      unit = tree_.find_unit(record.unit_code);
    }
    auto& known = by_unit_[unit ? *unit : tree_.units().size()];
    for (const auto& [category, service] : known) {
      if (category == record.category) return service;
    }
    std::string_view sector, unit_name;
    if (unit) {
      sector = tree_.units()[*unit].sector_code;
      unit_name = tree_.units()[*unit].name;
    }
    const auto service = services_.assign(sector, record.category, unit_name);
    known.emplace_back(record.category, service);
    return service;
  }

 private:
  const OrgTree& tree_;
  const ServiceTable& services_;
  std::unordered_map<std::string_view, std::size_t> codes_;
  // Per unit (the last entry: records whose unit is not in the tree), the categories met.
  std::vector<std::vector<std::pair<std::string, std::optional<std::size_t>>>> by_unit_;
};

}  // namespace

ForecastStaff forecast_staff(const Snapshot& snapshot, const OrgTree& tree, const ServiceTable& services) {
  struct Person {
    int birth_year = 0;
    std::string category;
    std::int32_t largest = -1;
    std::int64_t hundredths = 0;
  };
  ForecastStaff out;
  StaffServiceMemo memo(tree, services);
  // Keyed by (service, employee id); the vector keeps first-seen order so the result is stable.
  std::unordered_map<std::pair<std::size_t, std::string_view>, std::size_t, StaffKeyHash> index;
  index.reserve(snapshot.positions.size());
  std::vector<std::pair<std::size_t, Person>> people;
  for (const PositionRecord& record : snapshot.positions) {
    const auto service = memo.service_of(record);
    if (!service) {
      ++out.records_without_service;
      continue;
    }
    auto [it, inserted] = index.try_emplace({*service, record.employee_id}, people.size());
    if (inserted) people.push_back({*service, Person{record.birth_year, record.category, -1, 0}});
    Person& person = people[it->second].second;
    person.hundredths += record.percent.hundredths;
    if (record.percent.hundredths > person.largest) {
      person.largest = record.percent.hundredths;
      person.category = record.category;
    }
  }
  out.members.reserve(people.size());
  for (const auto& [service, person] : people) {
    out.members.push_back({person.birth_year, person.category, services.services()[service].key,
                           static_cast<double>(person.hundredths) / PositionPercent::kFullTime});
  }
  return out;
}

}  // namespace kompetent::forecast
