#include "core/forecast/forecast_staff.h"

#include <map>
#include <utility>

namespace kompetent::forecast {

ForecastStaff forecast_staff(const Snapshot& snapshot, const OrgTree& tree, const ServiceTable& services) {
  struct Person {
    int birth_year = 0;
    std::string category;
    std::int32_t largest = -1;
    std::int64_t hundredths = 0;
  };
  ForecastStaff out;
  // Keyed by (service, employee id); the vector keeps first-seen order so the result is stable.
  std::map<std::pair<std::size_t, std::string>, std::size_t> index;
  std::vector<std::pair<std::size_t, Person>> people;
  for (const PositionRecord& record : snapshot.positions) {
    std::string_view sector, unit_name;
    if (auto unit = tree.find_unit(record.unit_code)) {
      sector = tree.units()[*unit].sector_code;
      unit_name = tree.units()[*unit].name;
    }
    const auto service = services.assign(sector, record.category, unit_name);
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
