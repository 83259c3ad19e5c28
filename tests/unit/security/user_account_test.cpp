// core/access/user_account.h: which fields each role needs and refuses.
#include "core/access/user_account.h"

#include <gtest/gtest.h>

namespace kompetent {
namespace {

UserAccount account(Role role) {
  UserAccount a;
  a.username = "kari.nordmann";
  a.display_name = "Kari Nordmann";
  a.role = role;
  switch (role) {
    case Role::administrator:
      break;
    case Role::regional_coordinator:
      a.region = "salten";
      break;
    case Role::municipality_hr:
      a.municipality = "1841";
      break;
    case Role::unit_leader:
      a.municipality = "1841";
      a.units = {"1841/HO/FSH", "1841/HO/HJS"};
      break;
    case Role::employee:
      a.municipality = "1841";
      a.employee_id = "E123";
      break;
  }
  return a;
}

std::string code_of(const UserAccount& a) {
  const Status s = validate_account(a);
  return s.ok() ? "" : s.error().code;
}

TEST(ValidateAccount, EachRoleWithItsScopeIsValid) {
  for (Role role : {Role::administrator, Role::regional_coordinator, Role::municipality_hr,
                    Role::unit_leader, Role::employee}) {
    EXPECT_EQ(code_of(account(role)), "") << role_name(role);
  }
}

TEST(ValidateAccount, Usernames) {
  struct Case {
    std::string username;
    bool valid;
  };
  const Case cases[] = {
      {"ab", false},  // too short
      {"abc", true},
      {std::string(64, 'a'), true},
      {std::string(65, 'a'), false},
      {"kari@fauske.kommune.no", true},
      {"fauske.hr_2-b", true},
      {"Kari", false},  // upper case: normalize first
      {"kari nordmann", false},
      {"kåre", false},
      {"kari;drop", false},
      {"", false},
  };
  for (const Case& c : cases) {
    UserAccount a = account(Role::administrator);
    a.username = c.username;
    EXPECT_EQ(code_of(a), c.valid ? "" : "invalid_username") << c.username;
  }
  EXPECT_EQ(normalize_username("Kari.NORDMANN@Fauske"), "kari.nordmann@fauske");
  EXPECT_EQ(normalize_username("ÅSE"),
            "Åse");  // only ASCII letters change; Å then fails validation
}

TEST(ValidateAccount, DisplayNames) {
  UserAccount a = account(Role::administrator);
  a.display_name = "";
  EXPECT_EQ(code_of(a), "");
  a.display_name = std::string(200, 'x');
  EXPECT_EQ(code_of(a), "");
  a.display_name.clear();
  for (int i = 0; i < 200; ++i) a.display_name += "ø";  // 200 characters, 400 bytes
  EXPECT_EQ(code_of(a), "");
  a.display_name += "x";
  EXPECT_EQ(code_of(a), "display_name_too_long");
  a.display_name = "Kari\nadmin logged in";
  EXPECT_EQ(code_of(a), "invalid_display_name");
}

TEST(ValidateAccount, RoleSpecificFields) {
  struct Case {
    const char* what;
    UserAccount account;
    std::string code;
    std::vector<std::string> args;
  };
  auto with = [](Role role, auto change) {
    UserAccount a = account(role);
    change(a);
    return a;
  };
  const Case cases[] = {
      {"admin with municipality",
       with(Role::administrator, [](UserAccount& a) { a.municipality = "1841"; }),
       "field_not_for_role",
       {"municipality", "administrator"}},
      {"coordinator without region",
       with(Role::regional_coordinator, [](UserAccount& a) { a.region.clear(); }),
       "region_required",
       {"coordinator"}},
      {"coordinator with municipality",
       with(Role::regional_coordinator, [](UserAccount& a) { a.municipality = "1841"; }),
       "field_not_for_role",
       {"municipality", "coordinator"}},
      {"coordinator region not a slug",
       with(Role::regional_coordinator, [](UserAccount& a) { a.region = "Salten"; }),
       "unknown_region",
       {"Salten"}},
      {"hr without municipality",
       with(Role::municipality_hr, [](UserAccount& a) { a.municipality.clear(); }),
       "municipality_required",
       {"hr"}},
      {"hr with bad municipality",
       with(Role::municipality_hr, [](UserAccount& a) { a.municipality = "184"; }),
       "invalid_municipality_number",
       {"184"}},
      {"hr with region",
       with(Role::municipality_hr, [](UserAccount& a) { a.region = "salten"; }),
       "field_not_for_role",
       {"region", "hr"}},
      {"hr with employee id",
       with(Role::municipality_hr, [](UserAccount& a) { a.employee_id = "E1"; }),
       "field_not_for_role",
       {"employee_id", "hr"}},
      {"unit leader without units",
       with(Role::unit_leader, [](UserAccount& a) { a.units.clear(); }),
       "units_required",
       {"unit_leader"}},
      {"unit leader of a sector",
       with(Role::unit_leader, [](UserAccount& a) { a.units = {"1841/HO"}; }),
       "invalid_node_path",
       {"1841/HO"}},
      {"unit leader in another municipality",
       with(Role::unit_leader,
            [](UserAccount& a) {
              a.units = {"1841/HO/FSH", "1840/HO/RSH"};
            }),
       "unit_outside_municipality",
       {"1840/HO/RSH", "1841"}},
      {"unit leader twice the same unit",
       with(Role::unit_leader,
            [](UserAccount& a) {
              a.units = {"1841/HO/FSH", "1841/HO/FSH"};
            }),
       "duplicate_unit_path",
       {"1841/HO/FSH"}},
      {"employee without id",
       with(Role::employee, [](UserAccount& a) { a.employee_id.clear(); }),
       "employee_id_required",
       {"employee"}},
      {"employee id too long",
       with(Role::employee, [](UserAccount& a) { a.employee_id = std::string(65, '1'); }),
       "invalid_employee_id",
       {"64"}},
      {"employee with units",
       with(Role::employee, [](UserAccount& a) { a.units = {"1841/HO/FSH"}; }),
       "field_not_for_role",
       {"units", "employee"}},
  };
  for (const Case& c : cases) {
    const Status s = validate_account(c.account);
    ASSERT_FALSE(s.ok()) << c.what;
    EXPECT_EQ(s.error().kind, ErrorKind::invalid) << c.what;
    EXPECT_EQ(s.error().code, c.code) << c.what;
    EXPECT_EQ(s.error().args, c.args) << c.what;
  }
}

}  // namespace
}  // namespace kompetent
