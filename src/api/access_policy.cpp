#include "api/access_policy.h"

#include <algorithm>
#include <array>

namespace kompetent::api {
namespace {

constexpr Role kAdmin = Role::administrator;
constexpr Role kCoordinator = Role::regional_coordinator;
constexpr Role kHr = Role::municipality_hr;
constexpr Role kUnitLeader = Role::unit_leader;
constexpr Role kEmployee = Role::employee;

const Region* find_region(std::span<const Region> regions, std::string_view id) {
  for (const Region& region : regions) {
    if (region.id == id) return &region;
  }
  return nullptr;
}

bool region_has(const Region& region, std::string_view municipality) {
  return std::any_of(region.members.begin(), region.members.end(),
                     [&](const MunicipalityNumber& m) { return m.digits == municipality; });
}

// A node at or below `unit` (a unit path has no level below it, so: equal).
bool within(const NodePath& node, const NodePath& unit) {
  if (node.municipality != unit.municipality) return false;
  if (!unit.sector_code) return true;
  if (node.sector_code != unit.sector_code) return false;
  if (!unit.unit_code) return true;
  return node.unit_code == unit.unit_code;
}

}  // namespace

RoleSet roles(std::initializer_list<Role> list) {
  RoleSet set;
  for (Role role : list) set.bits |= 1u << static_cast<unsigned>(role);
  return set;
}

RoleSet any_role() { return roles({kAdmin, kCoordinator, kHr, kUnitLeader, kEmployee}); }

// THE table. One line per route in router.cpp; nothing else grants access.
std::span<const AccessRule> all_rules() {
  static const std::array rules = {
      AccessRule{"landing_page", true, {}, false, Scope::none},
      AccessRule{"setup_page", true, {}, false, Scope::none},
      AccessRule{"setup_script", true, {}, false, Scope::none},
      AccessRule{"web_app", true, {}, false, Scope::none},  // static files; the data is behind /api
      AccessRule{"health", true, {}, false, Scope::none},
      AccessRule{"setup", true, {}, false, Scope::none},
      AccessRule{"login", true, {}, false, Scope::none},
      AccessRule{"session", false, any_role(), false, Scope::none},
      AccessRule{"logout", false, any_role(), true, Scope::none},
      AccessRule{"password_change", false, any_role(), true, Scope::none},
      AccessRule{"users_list", false, roles({kAdmin}), false, Scope::none},
      AccessRule{"user_add", false, roles({kAdmin}), true, Scope::none},
      AccessRule{"user_disable", false, roles({kAdmin}), true, Scope::none},
      AccessRule{"audit", false, roles({kAdmin}), false, Scope::none},
      AccessRule{"regions", false, any_role(), false, Scope::none},
      AccessRule{"municipalities", false, any_role(), false, Scope::none},
      AccessRule{"categories", false, any_role(), false, Scope::none},
      AccessRule{"tree", false, roles({kAdmin, kCoordinator, kHr, kUnitLeader}), false,
                 Scope::municipality_read},
      AccessRule{"snapshots", false, roles({kAdmin, kCoordinator, kHr, kUnitLeader}), false,
                 Scope::municipality_read},
      AccessRule{"snapshot_delete", false, roles({kHr}), true, Scope::municipality_hr},
      AccessRule{"positions", false, roles({kHr, kUnitLeader}), false, Scope::positions},
      AccessRule{"my_positions", false, roles({kEmployee}), false, Scope::none},
      AccessRule{"indicators", false, roles({kAdmin, kCoordinator, kHr, kUnitLeader}), false,
                 Scope::indicators},
      AccessRule{"indicators_export", false, roles({kAdmin, kCoordinator, kHr, kUnitLeader}), false,
                 Scope::indicators},
      AccessRule{"import_start", false, roles({kHr}), true, Scope::municipality_hr},
      AccessRule{"import_job", false, roles({kAdmin, kHr}), false, Scope::import_job},
      AccessRule{"import_errors", false, roles({kAdmin, kHr}), false, Scope::import_job},
      // A forecast is the indicators' kind of aggregate: the same scopes and suppression.
      AccessRule{"forecast", false, roles({kAdmin, kCoordinator, kHr}), false, Scope::indicators},
      AccessRule{"forecast_export", false, roles({kAdmin, kCoordinator, kHr}), false, Scope::indicators},
      AccessRule{"forecast_levers", false, roles({kAdmin, kCoordinator, kHr}), false, Scope::none},
      AccessRule{"forecast_scenarios", false, roles({kAdmin, kCoordinator, kHr}), false, Scope::indicators},
      // Saving is for whoever plans for the scope: hr for its municipality, a coordinator for the region.
      AccessRule{"forecast_scenario_save", false, roles({kCoordinator, kHr}), true, Scope::forecast_scenario},
      AccessRule{"forecast_scenario_update", false, roles({kCoordinator, kHr}), true, Scope::forecast_scenario},
      AccessRule{"forecast_scenario_delete", false, roles({kCoordinator, kHr}), true, Scope::forecast_scenario},
  };
  return rules;
}

const AccessRule* rule_for(std::string_view route_id) {
  for (const AccessRule& rule : all_rules()) {
    if (rule.route_id == route_id) return &rule;
  }
  return nullptr;
}

bool may_read_municipality(const Principal& who, std::string_view municipality,
                           std::span<const Region> regions) {
  const UserAccount& user = who.account;
  switch (user.role) {
    case kAdmin: return true;
    case kCoordinator: {
      const Region* region = find_region(regions, user.region);
      return region && region_has(*region, municipality);
    }
    case kHr:
    case kUnitLeader: return user.municipality == municipality;
    case kEmployee: return false;
  }
  return false;
}

bool is_hr_of(const Principal& who, std::string_view municipality) {
  return who.account.role == kHr && !municipality.empty() && who.account.municipality == municipality;
}

bool leads_unit(const Principal& who, const NodePath& unit) {
  if (who.account.role != kUnitLeader) return false;
  for (const std::string& text : who.account.units) {
    auto path = parse_node_path(text);
    if (path.ok() && within(unit, path.value())) return true;
  }
  return false;
}

IndicatorAccess indicator_access(const Principal& who, const IndicatorScope& scope,
                                 std::span<const Region> regions) {
  const UserAccount& user = who.account;
  const bool is_region = !scope.region.empty();
  const Region* region = is_region ? find_region(regions, scope.region) : nullptr;
  if (is_region && !region) return {false, true};
  // A node must lie inside the scope it narrows.
  if (scope.node) {
    const std::string& node_municipality = scope.node->municipality.digits;
    if (is_region ? !region_has(*region, node_municipality) : node_municipality != scope.municipality) {
      return {false, true};
    }
  }
  switch (user.role) {
    case kAdmin: return {true, true};
    case kCoordinator: {
      const Region* own = find_region(regions, user.region);
      if (!own) return {false, true};
      if (is_region) return {own->id == region->id, true};
      return {region_has(*own, scope.municipality), true};
    }
    case kHr:
      if (is_region) return {region_has(*region, user.municipality), true};
      if (scope.municipality != user.municipality) return {false, true};
      return {true, false};
    case kUnitLeader:
      if (is_region || scope.municipality != user.municipality || !scope.node) return {false, true};
      return {leads_unit(who, *scope.node), false};
    case kEmployee: return {false, true};
  }
  return {false, true};
}

}  // namespace kompetent::api
