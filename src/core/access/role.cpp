#include "core/access/role.h"

namespace kompetent {
namespace {

struct RoleName {
  Role role;
  std::string_view name;
};

constexpr RoleName kRoleNames[] = {
    {Role::administrator, "administrator"}, {Role::regional_coordinator, "coordinator"},
    {Role::municipality_hr, "hr"},          {Role::unit_leader, "unit_leader"},
    {Role::employee, "employee"},
};

}  // namespace

std::string_view role_name(Role role) noexcept {
  for (const RoleName& entry : kRoleNames) {
    if (entry.role == role) return entry.name;
  }
  return "employee";  // unreachable: every enumerator is in the table
}

std::optional<Role> parse_role(std::string_view name) noexcept {
  for (const RoleName& entry : kRoleNames) {
    if (entry.name == name) return entry.role;
  }
  return std::nullopt;
}

}  // namespace kompetent
