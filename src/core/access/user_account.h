// A person who may log in, with the role and the part of the country their
// access is limited to. The password hash lives beside it in the store, never
// in this value, so an account can be listed and sent as JSON safely.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/role.h"
#include "core/result.h"

namespace kompetent {

struct UserAccount {
  std::int64_t id = 0;       // given by the store
  std::string username;      // 3–64 chars of [a-z0-9._@-], stored lower-case
  std::string display_name;  // e.g. "Kari Nordmann"; may be empty
  Role role = Role::employee;
  std::string municipality;        // kommunenummer for hr, unit_leader, employee; empty otherwise
  std::string region;              // region id (data/regions.csv, e.g. "salten") for coordinators
  std::vector<std::string> units;  // unit leader: node paths "1841/HO/FSH" they lead
  std::string employee_id;         // employee: their id in the HR export
  bool disabled = false;
  std::string created_at;  // ISO 8601 UTC, set by the store
  bool operator==(const UserAccount&) const = default;
};

inline constexpr std::size_t kUsernameMinLength = 3;
inline constexpr std::size_t kUsernameMaxLength = 64;
inline constexpr std::size_t kDisplayNameMaxLength = 200;  // code points
inline constexpr std::size_t kEmployeeIdMaxLength = 64;

// `username` with A–Z lowered: how a name typed at login or on the command
// line is matched against the stored one. Nothing else changes.
[[nodiscard]] std::string normalize_username(std::string_view username);

// Checks the fields against the role. Each role needs its own scope and no
// other (a coordinator with a municipality would be ambiguous):
//   administrator  nothing
//   coordinator    region
//   hr             municipality
//   unit_leader    municipality and one or more unit paths inside it
//   employee       municipality and employee_id
// Whether the municipality and region exist is the caller's to check against
// the reference data. Errors, all invalid:
//   "invalid_username" {username}           not 3–64 of [a-z0-9._@-] (normalize first)
//   "display_name_too_long" {max}, "invalid_display_name" (control characters)
//   "municipality_required" {role}, "invalid_municipality_number" {value}
//   "region_required" {role}, "unknown_region" {region} (not a lower-case slug)
//   "units_required" {role}, "invalid_node_path" {path} (not "NNNN/SECTOR/UNIT"),
//   "unit_outside_municipality" {path, municipality}, "duplicate_unit_path" {path}
//   "employee_id_required" {role}, "invalid_employee_id" {max}
//   "field_not_for_role" {field, role}       e.g. {"region", "hr"}
[[nodiscard]] Status validate_account(const UserAccount& account);

}  // namespace kompetent
