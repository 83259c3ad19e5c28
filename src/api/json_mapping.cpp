#include "api/json_mapping.h"

#include "core/access/role.h"
#include "core/calendar/date.h"
#include "core/clock.h"
#include "core/workforce/education_level.h"

namespace kompetent::api {
namespace {

Json or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

}  // namespace

Json user_json(const UserAccount& user) {
  Json out;
  out["username"] = user.username;
  out["display_name"] = user.display_name;
  out["role"] = std::string(role_name(user.role));
  out["municipality"] = or_null(user.municipality);
  out["region"] = or_null(user.region);
  out["units"] = user.units;
  out["disabled"] = user.disabled;
  return out;
}

Json audit_json(const AuditEntry& entry) {
  Json out;
  out["at"] = to_iso_utc(entry.at);
  out["username"] = entry.username;
  out["role"] = entry.role ? Json(std::string(role_name(*entry.role))) : Json(nullptr);
  out["address"] = entry.address;
  out["action"] = entry.action;
  out["municipality"] = or_null(entry.municipality);
  out["subject"] = entry.subject;
  Json detail = Json::parse(entry.detail_json, nullptr, false);
  out["detail"] = detail.is_discarded() ? Json::object() : detail;
  out["outcome"] = std::string(outcome_name(entry.outcome));
  return out;
}

Json position_json(const PositionRecord& r) {
  Json out;
  out["employee_id"] = r.employee_id;
  out["position_number"] = r.position_number;
  out["unit"] = r.unit_code;
  out["position_code"] = r.position_code;
  out["position_title"] = r.position_title;
  out["category"] = r.category;
  out["percent"] = r.percent.percent();
  out["birth_year"] = r.birth_year;
  out["gender"] = std::string(to_key(r.gender));
  out["start_date"] = r.start_date ? Json(to_iso(*r.start_date)) : Json(nullptr);
  out["employment"] = std::string(to_key(r.employment));
  out["education"] = std::string(to_key(r.education));
  out["relevant_education"] = r.relevant_education;
  out["further_education_credits"] = r.further_education_credits;
  return out;
}

}  // namespace kompetent::api
