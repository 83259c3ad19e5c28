// The five roles of a kompetent user. What each may see and do is decided in
// api/ (access policy); here are only the names, so storage, the API and the
// command line spell a role the same way.
#pragma once

#include <optional>
#include <string_view>

namespace kompetent {

enum class Role {
  administrator,         // runs the installation: users, audit; sees aggregates everywhere
  regional_coordinator,  // one region's aggregates (suppressed)
  municipality_hr,       // one municipality, position-level data included
  unit_leader,           // the units they lead within one municipality
  employee,              // their own record only
};

// The stable key stored in the database and sent in JSON: "administrator",
// "coordinator", "hr", "unit_leader" or "employee".
[[nodiscard]] std::string_view role_name(Role role) noexcept;

// The role named by `name` (exactly one of role_name()'s keys), or nullopt.
[[nodiscard]] std::optional<Role> parse_role(std::string_view name) noexcept;

}  // namespace kompetent
