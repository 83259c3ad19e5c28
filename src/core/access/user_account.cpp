#include "core/access/user_account.h"

#include <algorithm>
#include <set>

#include "core/access/code_points.h"
#include "core/org/municipality.h"
#include "core/org/org_tree.h"

namespace kompetent {
namespace {

bool is_username_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '@' ||
         c == '-';
}

bool is_region_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

// C0 controls and DEL: a newline in a name could forge a line in a log or a CSV.
bool has_control_character(std::string_view text) noexcept {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
}

Status check_username(const std::string& username) {
  const bool valid = username.size() >= kUsernameMinLength &&
                     username.size() <= kUsernameMaxLength &&
                     std::all_of(username.begin(), username.end(), is_username_char);
  if (!valid) return Error::invalid("invalid_username", {username});
  return ok_status();
}

Status check_display_name(const std::string& name) {
  if (code_point_count(name) > kDisplayNameMaxLength) {
    return Error::invalid("display_name_too_long", {std::to_string(kDisplayNameMaxLength)});
  }
  if (has_control_character(name)) return Error::invalid("invalid_display_name");
  return ok_status();
}

// Which scope fields a role uses.
struct RoleFields {
  bool municipality = false;
  bool region = false;
  bool units = false;
  bool employee_id = false;
};

RoleFields fields_of(Role role) noexcept {
  switch (role) {
    case Role::administrator:
      return {};
    case Role::regional_coordinator:
      return {.region = true};
    case Role::municipality_hr:
      return {.municipality = true};
    case Role::unit_leader:
      return {.municipality = true, .units = true};
    case Role::employee:
      return {.municipality = true, .employee_id = true};
  }
  return {};
}

Status check_units(const UserAccount& account) {
  std::set<std::string> seen;
  for (const std::string& text : account.units) {
    auto path = parse_node_path(text);
    if (!path.ok() || path.value().level() != NodeLevel::unit) {
      return Error::invalid("invalid_node_path", {text});
    }
    if (path.value().municipality.digits != account.municipality) {
      return Error::invalid("unit_outside_municipality", {text, account.municipality});
    }
    if (!seen.insert(text).second) return Error::invalid("duplicate_unit_path", {text});
  }
  return ok_status();
}

}  // namespace

std::string normalize_username(std::string_view username) {
  std::string lowered{username};
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lowered;
}

Status validate_account(const UserAccount& account) {
  if (auto valid = check_username(account.username); !valid.ok()) return valid;
  if (auto valid = check_display_name(account.display_name); !valid.ok()) return valid;

  const RoleFields wanted = fields_of(account.role);
  const std::string role{role_name(account.role)};
  // Fields a role does not use are refused, not ignored: a value there means
  // the caller expected a scope the account would not have.
  const std::pair<bool, const char*> unexpected[] = {
      {!wanted.municipality && !account.municipality.empty(), "municipality"},
      {!wanted.region && !account.region.empty(), "region"},
      {!wanted.units && !account.units.empty(), "units"},
      {!wanted.employee_id && !account.employee_id.empty(), "employee_id"},
  };
  for (const auto& [present, field] : unexpected) {
    if (present) return Error::invalid("field_not_for_role", {field, role});
  }

  if (wanted.municipality) {
    if (account.municipality.empty()) return Error::invalid("municipality_required", {role});
    if (!is_valid_municipality_number(account.municipality)) {
      return Error::invalid("invalid_municipality_number", {account.municipality});
    }
  }
  if (wanted.region) {
    if (account.region.empty()) return Error::invalid("region_required", {role});
    if (!std::all_of(account.region.begin(), account.region.end(), is_region_char)) {
      return Error::invalid("unknown_region", {account.region});
    }
  }
  if (wanted.units) {
    if (account.units.empty()) return Error::invalid("units_required", {role});
    if (auto valid = check_units(account); !valid.ok()) return valid;
  }
  if (wanted.employee_id) {
    if (account.employee_id.empty()) return Error::invalid("employee_id_required", {role});
    if (account.employee_id.size() > kEmployeeIdMaxLength ||
        has_control_character(account.employee_id)) {
      return Error::invalid("invalid_employee_id", {std::to_string(kEmployeeIdMaxLength)});
    }
  }
  return ok_status();
}

}  // namespace kompetent
