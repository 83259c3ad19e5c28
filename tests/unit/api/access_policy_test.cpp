// The access policy is the one place that grants access, so these tests pin
// it down as tables a reviewer can read against the contract: every route has
// exactly one rule and a handler (a route added without a rule fails here),
// the roles and CSRF of every route, and who sees which indicator scope and
// whether suppressed (docs/privacy.md, docs/openapi.yaml).
#include "api/access_policy.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "api/handlers/handlers.h"
#include "api/router.h"
#include "core/access/role.h"

namespace kompetent::api {
namespace {

// --- Every route has one rule and a handler ---------------------------------

TEST(AccessPolicy, EveryRouteHasExactlyOneRuleAndAHandler) {
  for (const Route& route : all_routes()) {
    int rules = 0;
    for (const AccessRule& rule : all_rules()) rules += rule.route_id == route.id ? 1 : 0;
    EXPECT_EQ(rules, 1) << "route " << route.id << " (" << route.method << " " << route.pattern
                        << ") needs exactly one rule in access_policy.cpp";
    EXPECT_NE(handlers::handler_for(route.id), nullptr)
        << "route " << route.id << " has no handler";
    const AccessRule* rule = rule_for(route.id);
    ASSERT_NE(rule, nullptr) << route.id;
    EXPECT_EQ(rule->route_id, route.id);
  }
}

TEST(AccessPolicy, NoRuleNamesARouteThatDoesNotExist) {
  std::set<std::string_view> route_ids;
  for (const Route& route : all_routes()) route_ids.insert(route.id);
  for (const AccessRule& rule : all_rules()) {
    EXPECT_TRUE(route_ids.count(rule.route_id)) << "rule for unknown route " << rule.route_id;
  }
  EXPECT_EQ(all_rules().size(), route_ids.size());
}

TEST(AccessPolicy, RouteIdsAreUnique) {
  std::set<std::string_view> seen;
  for (const Route& route : all_routes()) {
    EXPECT_TRUE(seen.insert(route.id).second) << "route id twice: " << route.id;
  }
}

TEST(AccessPolicy, UnknownRouteHasNoRuleAndNoHandler) {
  EXPECT_EQ(rule_for("nonexistent"), nullptr);
  EXPECT_EQ(rule_for(""), nullptr);
  EXPECT_EQ(rule_for("HEALTH"), nullptr);  // ids compare exactly
  EXPECT_EQ(handlers::handler_for("nonexistent"), nullptr);
}

// --- The role table ---------------------------------------------------------

// "public", or the allowed roles' keys in enum order, space-separated.
std::string who_may(const AccessRule& rule) {
  if (rule.is_public) return "public";
  std::string out;
  for (Role role : {Role::administrator, Role::regional_coordinator, Role::municipality_hr,
                    Role::unit_leader, Role::employee}) {
    if (!rule.allowed.has(role)) continue;
    if (!out.empty()) out += ' ';
    out += role_name(role);
  }
  return out.empty() ? "nobody" : out;
}

constexpr std::string_view kEveryone = "administrator coordinator hr unit_leader employee";
constexpr std::string_view kAggregates = "administrator coordinator hr unit_leader";

struct RuleRow {
  std::string_view route_id;
  std::string_view who;
  bool csrf;
  Scope scope;
};

// From docs/openapi.yaml (each route's summary and the Access paragraph of
// /indicators) and docs/privacy.md. An employee sees only their own records.
// clang-format off
constexpr RuleRow kExpectedRules[] = {
    // route id            who may call it                csrf   what else is checked
    {"landing_page",       "public",                      false, Scope::none},
    {"setup_page",         "public",                      false, Scope::none},
    {"setup_script",       "public",                      false, Scope::none},
    {"web_app",            "public",                      false, Scope::none},  // files; data is under /api
    {"health",             "public",                      false, Scope::none},
    {"setup",              "public",                      false, Scope::none},
    {"login",              "public",                      false, Scope::none},
    {"session",            kEveryone,                     false, Scope::none},
    {"logout",             kEveryone,                     true,  Scope::none},
    {"password_change",    kEveryone,                     true,  Scope::none},
    {"users_list",         "administrator",               false, Scope::none},
    {"user_add",           "administrator",               true,  Scope::none},
    {"user_disable",       "administrator",               true,  Scope::none},
    {"audit",              "administrator",               false, Scope::none},
    {"regions",            kEveryone,                     false, Scope::none},
    {"municipalities",     kEveryone,                     false, Scope::none},
    {"categories",         kEveryone,                     false, Scope::none},
    {"tree",               kAggregates,                   false, Scope::municipality_read},
    {"snapshots",          kAggregates,                   false, Scope::municipality_read},
    {"snapshot_delete",    "hr",                          true,  Scope::municipality_hr},
    {"positions",          "hr unit_leader",              false, Scope::positions},
    {"my_positions",       "employee",                    false, Scope::none},
    {"indicators",         kAggregates,                   false, Scope::indicators},
    {"indicators_export",  kAggregates,                   false, Scope::indicators},
    {"import_start",       "hr",                          true,  Scope::municipality_hr},
    {"import_job",         "administrator hr",            false, Scope::import_job},
    {"import_errors",      "administrator hr",            false, Scope::import_job},
    {"forecast",           "administrator coordinator hr", false, Scope::indicators},
    {"forecast_export",    "administrator coordinator hr", false, Scope::indicators},
    {"forecast_levers",    "administrator coordinator hr", false, Scope::none},
    {"forecast_scenarios", "administrator coordinator hr", false, Scope::indicators},
    {"forecast_scenario_save",   "coordinator hr",       true,  Scope::forecast_scenario},
    {"forecast_scenario_update", "coordinator hr",       true,  Scope::forecast_scenario},
    {"forecast_scenario_delete", "coordinator hr",       true,  Scope::forecast_scenario},
};
// clang-format on

TEST(AccessPolicy, RoleTableMatchesTheContract) {
  EXPECT_EQ(std::size(kExpectedRules), all_rules().size())
      << "a rule was added or removed: update this table";
  for (const RuleRow& row : kExpectedRules) {
    const AccessRule* rule = rule_for(row.route_id);
    ASSERT_NE(rule, nullptr) << row.route_id;
    EXPECT_EQ(who_may(*rule), row.who) << row.route_id;
    EXPECT_EQ(rule->needs_csrf, row.csrf) << row.route_id;
    EXPECT_EQ(rule->scope, row.scope) << row.route_id;
  }
}

// The contract: every POST, PUT, PATCH and DELETE except login and setup
// carries the session's CSRF token; reads never need it.
TEST(AccessPolicy, StateChangingRoutesExceptLoginAndSetupNeedCsrf) {
  for (const Route& route : all_routes()) {
    const AccessRule* rule = rule_for(route.id);
    ASSERT_NE(rule, nullptr) << route.id;
    const bool state_changing = route.method == "POST" || route.method == "PUT" ||
                                route.method == "PATCH" || route.method == "DELETE";
    const bool exempt = route.id == "login" || route.id == "setup";
    EXPECT_EQ(rule->needs_csrf, state_changing && !exempt) << route.method << " " << route.pattern;
  }
}

TEST(AccessPolicy, OnlyHealthSetupAndLoginArePublic) {
  std::set<std::string_view> public_ids;
  for (const AccessRule& rule : all_rules()) {
    if (rule.is_public) public_ids.insert(rule.route_id);
  }
  EXPECT_EQ(public_ids, (std::set<std::string_view>{"landing_page", "setup_page", "setup_script", "web_app",
                                                      "health", "setup", "login"}));
}

TEST(AccessPolicy, EmployeeReachesOnlyOwnSessionReferenceListsAndOwnPositions) {
  std::set<std::string_view> employee_ids;
  for (const AccessRule& rule : all_rules()) {
    if (!rule.is_public && rule.allowed.has(Role::employee)) employee_ids.insert(rule.route_id);
  }
  EXPECT_EQ(employee_ids,
            (std::set<std::string_view>{"session", "logout", "password_change", "regions",
                                        "municipalities", "categories", "my_positions"}));
}

TEST(RoleSet, HoldsExactlyTheRolesListed) {
  const RoleSet set = roles({Role::municipality_hr, Role::unit_leader});
  EXPECT_FALSE(set.has(Role::administrator));
  EXPECT_FALSE(set.has(Role::regional_coordinator));
  EXPECT_TRUE(set.has(Role::municipality_hr));
  EXPECT_TRUE(set.has(Role::unit_leader));
  EXPECT_FALSE(set.has(Role::employee));
  EXPECT_FALSE(RoleSet{}.has(Role::administrator));
  EXPECT_FALSE(roles({}).has(Role::employee));
  for (Role role : {Role::administrator, Role::regional_coordinator, Role::municipality_hr,
                    Role::unit_leader, Role::employee}) {
    EXPECT_TRUE(any_role().has(role)) << role_name(role);
  }
}

// --- Scope checks -----------------------------------------------------------

// Two regions; Fauske (1841) and Bodø (1804) are in Salten, Kvænangen (5546)
// in Nord-Troms.
const std::vector<Region>& regions() {
  static const std::vector<Region> list = {
      {"salten", "Salten", {{"1804"}, {"1841"}, {"1845"}}},
      {"nord-troms", "Nord-Troms", {{"5544"}, {"5546"}}},
  };
  return list;
}

Principal user(Role role, std::string municipality = "", std::string region = "",
               std::vector<std::string> units = {}) {
  Principal who;
  who.account.username = std::string(role_name(role));
  who.account.role = role;
  who.account.municipality = std::move(municipality);
  who.account.region = std::move(region);
  who.account.units = std::move(units);
  return who;
}

const Principal kAdmin = user(Role::administrator);
const Principal kCoordinator = user(Role::regional_coordinator, "", "salten");
const Principal kHr = user(Role::municipality_hr, "1841");
const Principal kUnitLeader = user(Role::unit_leader, "1841", "", {"1841/HO/FSH"});
const Principal kEmployee = user(Role::employee, "1841");

NodePath node(std::string_view text) {
  auto path = parse_node_path(text);
  EXPECT_TRUE(path.ok()) << text;
  return path.ok() ? path.value() : NodePath{};
}

TEST(MayReadMunicipality, ByRoleAndMunicipality) {
  struct Case {
    const char* who;
    const Principal* principal;
    bool own_1841, same_region_1804, other_region_5546;
  };
  const Principal ghost_coordinator = user(Role::regional_coordinator, "", "no-such-region");
  // clang-format off
  const Case cases[] = {
      // who                   principal            1841   1804   5546
      {"administrator",        &kAdmin,             true,  true,  true},
      {"coordinator salten",   &kCoordinator,       true,  true,  false},
      {"coordinator unknown",  &ghost_coordinator,  false, false, false},
      {"hr 1841",              &kHr,                true,  false, false},
      {"unit leader 1841",     &kUnitLeader,        true,  false, false},
      {"employee 1841",        &kEmployee,          false, false, false},
  };
  // clang-format on
  for (const Case& c : cases) {
    EXPECT_EQ(may_read_municipality(*c.principal, "1841", regions()), c.own_1841) << c.who;
    EXPECT_EQ(may_read_municipality(*c.principal, "1804", regions()), c.same_region_1804) << c.who;
    EXPECT_EQ(may_read_municipality(*c.principal, "5546", regions()), c.other_region_5546) << c.who;
  }
  // An administrator's empty municipality must not match an empty parameter
  // for the roles that are bound to one.
  EXPECT_FALSE(may_read_municipality(user(Role::municipality_hr, ""), "1841", regions()));
}

TEST(IsHrOf, OnlyTheHrOfThatMunicipality) {
  EXPECT_TRUE(is_hr_of(kHr, "1841"));
  EXPECT_FALSE(is_hr_of(kHr, "1804"));
  EXPECT_FALSE(is_hr_of(kHr, ""));
  EXPECT_FALSE(is_hr_of(user(Role::municipality_hr, ""), ""));  // no municipality is not a match
  EXPECT_FALSE(is_hr_of(kUnitLeader, "1841"));
  EXPECT_FALSE(is_hr_of(kEmployee, "1841"));
  EXPECT_FALSE(is_hr_of(kAdmin, "1841"));
}

TEST(LeadsUnit, TheLeadersOwnUnitsOnly) {
  struct Case {
    std::string_view node;
    bool leads;
  };
  const Case cases[] = {
      {"1841/HO/FSH", true},  {"1841/HO/HT01", false},  // a sibling unit
      {"1841/HO", false},                               // the sector above: more than their unit
      {"1841", false},                                  // the whole municipality
      {"1804/HO/FSH", false},                           // same codes, another municipality
      {"1841/OK/FSH", false},                           // same unit code in another sector
  };
  for (const Case& c : cases) EXPECT_EQ(leads_unit(kUnitLeader, node(c.node)), c.leads) << c.node;
}

TEST(LeadsUnit, SectorPathCoversItsUnitsAndOnlyUnitLeadersLead) {
  const Principal sector_leader = user(Role::unit_leader, "1841", "", {"1841/SK"});
  EXPECT_TRUE(leads_unit(sector_leader, node("1841/SK")));
  EXPECT_TRUE(leads_unit(sector_leader, node("1841/SK/BARNESKOLE")));
  EXPECT_FALSE(leads_unit(sector_leader, node("1841/HO/FSH")));
  EXPECT_FALSE(leads_unit(sector_leader, node("1841")));

  // The role decides, not the unit list: an HR account with units leads none.
  const Principal hr_with_units = user(Role::municipality_hr, "1841", "", {"1841/HO/FSH"});
  EXPECT_FALSE(leads_unit(hr_with_units, node("1841/HO/FSH")));
  // A malformed stored path grants nothing (and does not hide the valid one).
  const Principal odd = user(Role::unit_leader, "1841", "", {"not a path", "1841/HO/FSH"});
  EXPECT_TRUE(leads_unit(odd, node("1841/HO/FSH")));
  EXPECT_FALSE(leads_unit(user(Role::unit_leader, "1841", "", {"not a path"}), node("1841")));
}

// What indicator_access() answers, in short: "open" (allowed, unsuppressed),
// "suppressed" (allowed, aggregate-only) or "deny" (the handler answers 403
// before it reads `suppressed`).
std::string verdict(const IndicatorAccess& access) {
  if (!access.allowed) return "deny";
  return access.suppressed ? "suppressed" : "open";
}

IndicatorScope municipality_scope(std::string number, std::string_view node_text = "") {
  IndicatorScope scope;
  scope.municipality = std::move(number);
  if (!node_text.empty()) scope.node = node(node_text);
  return scope;
}

IndicatorScope region_scope(std::string id, std::string_view node_text = "") {
  IndicatorScope scope;
  scope.region = std::move(id);
  if (!node_text.empty()) scope.node = node(node_text);
  return scope;
}

TEST(IndicatorAccess, EveryRoleTimesEveryScope) {
  // The principals: administrator, coordinator of Salten, HR of 1841 (Fauske,
  // in Salten), unit leader of 1841/HO/FSH, employee of 1841.
  struct Case {
    const char* scope_name;
    IndicatorScope scope;
    const char* admin;
    const char* coordinator;
    const char* hr;
    const char* unit_leader;
    const char* employee;
  };
  const char* S = "suppressed";
  const char* O = "open";
  const char* D = "deny";
  // clang-format off
  const Case cases[] = {
      // scope                                 request                                   admin coord hr unit-leader employee
      {"own municipality",                     municipality_scope("1841"),                    S, S, O, D, D},
      {"other municipality, same region",      municipality_scope("1804"),                    S, S, D, D, D},
      {"municipality in another region",       municipality_scope("5546"),                    S, D, D, D, D},
      {"own region",                           region_scope("salten"),                        S, S, S, D, D},
      {"other region",                         region_scope("nord-troms"),                    S, D, D, D, D},
      {"unknown region",                       region_scope("no-such-region"),                D, D, D, D, D},
      {"node = the leader's unit",             municipality_scope("1841", "1841/HO/FSH"),     S, S, O, O, D},
      {"node = a sibling unit",                municipality_scope("1841", "1841/HO/HT01"),    S, S, O, D, D},
      {"node = the sector above the unit",     municipality_scope("1841", "1841/HO"),         S, S, O, D, D},
      {"node in another municipality",         municipality_scope("1841", "1804/HO"),         D, D, D, D, D},
      {"other municipality with its node",     municipality_scope("1804", "1804/HO"),         S, S, D, D, D},
      {"own region, node in it",               region_scope("salten", "1841/HO/FSH"),         S, S, S, D, D},
      {"own region, node outside it",          region_scope("salten", "5546"),                D, D, D, D, D},
      {"other region, node in it",             region_scope("nord-troms", "5546"),            S, D, D, D, D},
  };
  // clang-format on
  for (const Case& c : cases) {
    SCOPED_TRACE(c.scope_name);
    EXPECT_EQ(verdict(indicator_access(kAdmin, c.scope, regions())), c.admin) << "administrator";
    EXPECT_EQ(verdict(indicator_access(kCoordinator, c.scope, regions())), c.coordinator)
        << "coordinator";
    EXPECT_EQ(verdict(indicator_access(kHr, c.scope, regions())), c.hr) << "hr";
    EXPECT_EQ(verdict(indicator_access(kUnitLeader, c.scope, regions())), c.unit_leader)
        << "unit leader";
    EXPECT_EQ(verdict(indicator_access(kEmployee, c.scope, regions())), c.employee) << "employee";
  }
}

TEST(IndicatorAccess, CoordinatorOfUnknownRegionSeesNothing) {
  const Principal ghost = user(Role::regional_coordinator, "", "no-such-region");
  EXPECT_EQ(verdict(indicator_access(ghost, municipality_scope("1841"), regions())), "deny");
  EXPECT_EQ(verdict(indicator_access(ghost, region_scope("salten"), regions())), "deny");
  EXPECT_EQ(verdict(indicator_access(ghost, region_scope("no-such-region"), regions())), "deny");
}

TEST(IndicatorAccess, HrOfAnotherRegionIsDeniedSalten) {
  const Principal hr_kvaenangen = user(Role::municipality_hr, "5546");
  EXPECT_EQ(verdict(indicator_access(hr_kvaenangen, region_scope("salten"), regions())), "deny");
  EXPECT_EQ(verdict(indicator_access(hr_kvaenangen, region_scope("nord-troms"), regions())),
            "suppressed");
  EXPECT_EQ(verdict(indicator_access(hr_kvaenangen, municipality_scope("5546"), regions())),
            "open");
}

TEST(IndicatorAccess, UnitLeaderOfAnotherMunicipalityIsDeniedTheSameCodes) {
  const Principal bodo_leader = user(Role::unit_leader, "1804", "", {"1804/HO/FSH"});
  EXPECT_EQ(
      verdict(indicator_access(bodo_leader, municipality_scope("1841", "1841/HO/FSH"), regions())),
      "deny");
  EXPECT_EQ(
      verdict(indicator_access(bodo_leader, municipality_scope("1804", "1804/HO/FSH"), regions())),
      "open");
}

}  // namespace
}  // namespace kompetent::api
