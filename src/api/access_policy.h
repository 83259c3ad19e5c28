// The access policy: one table with one rule per route (access_policy.cpp),
// and the scope checks those rules name. Deny by default: a route without a
// rule is refused, and tests/unit/api/access_policy_test.cpp fails for any
// route in router.cpp without one. docs/privacy.md explains the rules.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/principal.h"
#include "core/org/municipality.h"
#include "core/org/org_tree.h"

namespace kompetent::api {

// Which roles may call a route at all (a bit per Role), or anyone.
struct RoleSet {
  unsigned bits = 0;
  [[nodiscard]] bool has(Role role) const noexcept { return bits & (1u << static_cast<unsigned>(role)); }
};
[[nodiscard]] RoleSet roles(std::initializer_list<Role> list);
[[nodiscard]] RoleSet any_role();

// What a route touches, beyond the role: checked with the route's parameters.
enum class Scope {
  none,                  // nothing tenant-specific (health, login, own session, lists filtered per user)
  municipality_read,     // {number}: a municipality the user may see the structure of
  municipality_hr,       // {number}: the user's own municipality, as its HR
  positions,             // {number}: position-level data (HR own; unit leader own units, filtered)
  indicators,            // ?municipality= / ?region= / ?node=: indicator_access() decides
  import_job,            // {id}: the user who started the job, or an administrator
  forecast_scenario,     // {id}: the saved scenario's municipality or region, as for saving it
};

struct AccessRule {
  std::string_view route_id;
  bool is_public = false;   // no session needed
  RoleSet allowed;          // ignored when public
  bool needs_csrf = false;  // state-changing: X-CSRF-Token must match the session
  Scope scope = Scope::none;
};

// The rule of `route_id`, or null (deny).
[[nodiscard]] const AccessRule* rule_for(std::string_view route_id);
[[nodiscard]] std::span<const AccessRule> all_rules();

// May this user see the tree and snapshot list of `municipality`?
// administrator: any; coordinator: their region's members; hr, unit leader: own.
[[nodiscard]] bool may_read_municipality(const Principal& who, std::string_view municipality,
                                         std::span<const Region> regions);

// Is this user the HR of `municipality` (may import, delete, read positions)?
[[nodiscard]] bool is_hr_of(const Principal& who, std::string_view municipality);

// What an indicator request covers: one municipality (optionally a node in
// it) or a region.
struct IndicatorScope {
  std::string municipality;          // set for a municipality
  std::string region;                // set for a region
  std::optional<NodePath> node;      // a node filter inside the scope
};

struct IndicatorAccess {
  bool allowed = false;
  bool suppressed = true;  // small groups withheld (aggregate-only view)
};

// administrator: anything, suppressed. coordinator: own region or one of its
// members, suppressed. hr: own municipality unsuppressed; a region containing
// it suppressed. unit leader: own municipality with a node at or below one of
// their units, unsuppressed. employee: nothing.
[[nodiscard]] IndicatorAccess indicator_access(const Principal& who, const IndicatorScope& scope,
                                               std::span<const Region> regions);

// For position-level reads by a unit leader: is `node` (a unit path) one of theirs?
[[nodiscard]] bool leads_unit(const Principal& who, const NodePath& unit);

}  // namespace kompetent::api
