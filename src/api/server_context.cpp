#include "api/server_context.h"

#include <algorithm>

namespace kompetent::api {

const Municipality* ReferenceData::find_municipality(std::string_view number) const {
  for (const Municipality& m : municipalities) {
    if (m.number.digits == number) return &m;
  }
  return nullptr;
}

const Region* ReferenceData::find_region(std::string_view id) const {
  for (const Region& r : regions) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string ReferenceData::municipality_name(std::string_view number) const {
  const Municipality* m = find_municipality(number);
  return m ? m->name : std::string(number);
}

std::string ReferenceData::region_of(std::string_view number) const {
  for (const Region& r : regions) {
    if (std::any_of(r.members.begin(), r.members.end(),
                    [&](const MunicipalityNumber& n) { return n.digits == number; })) {
      return r.id;
    }
  }
  return {};
}

}  // namespace kompetent::api
