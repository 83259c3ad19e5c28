// core/access: the password and session rules and role names. Tested here,
// beside the security code that enforces them.
#include <gtest/gtest.h>

#include "core/access/password_policy.h"
#include "core/access/role.h"
#include "core/access/session_policy.h"

namespace kompetent {
namespace {

using namespace std::chrono_literals;

TEST(PasswordPolicy, CountsCharactersNotBytes) {
  struct Case {
    std::string password;
    std::string code;  // "" = accepted
  };
  const Case cases[] = {
      {"", "password_too_short"},
      {"elleve tegn", "password_too_short"},  // 11
      {"tolv tegn ok", ""},                   // 12
      {"æøåæøåæøåæø", "password_too_short"},  // 11 characters, 22 bytes
      {"æøåæøåæøåæøå", ""},                   // 12 characters
      {std::string(128, 'x'), ""},
      {std::string(129, 'x'), "password_too_long"},
      {[] {
         std::string s;
         for (int i = 0; i < 128; ++i) s += "ø";
         return s;
       }(),
       ""},  // 256 bytes
      {[] {
         std::string s;
         for (int i = 0; i < 43; ++i) s += "😀";
         return s;
       }(),
       ""},  // 172 bytes
      {[] {
         std::string s;
         for (int i = 0; i < 129; ++i) s += "😀";
         return s;
       }(),
       "password_too_long"},
  };
  for (const Case& c : cases) {
    const Status checked = check_password_policy(c.password);
    if (c.code.empty()) {
      EXPECT_TRUE(checked.ok()) << c.password;
    } else {
      ASSERT_FALSE(checked.ok()) << c.password;
      EXPECT_EQ(checked.error().code, c.code) << c.password;
      EXPECT_EQ(checked.error().kind, ErrorKind::invalid);
    }
  }
}

TEST(PasswordPolicy, ErrorsCarryTheLimit) {
  EXPECT_EQ(check_password_policy("kort").error().args, std::vector<std::string>{"12"});
  EXPECT_EQ(check_password_policy(std::string(200, 'x')).error().args,
            std::vector<std::string>{"128"});
}

TEST(SessionPolicy, EndsAfterThirtyIdleMinutesOrTwelveHours) {
  const std::chrono::sys_seconds login{std::chrono::sys_days{2025y / 3 / 1} + 8h};
  struct Case {
    std::chrono::seconds last_seen_after_login;
    std::chrono::seconds now_after_login;
    bool alive;
  };
  const Case cases[] = {
      {0s, 0s, true},
      {0s, 29min + 59s, true},
      {0s, 30min, false},          // idle limit reached exactly
      {10min, 39min + 59s, true},  // a request moves the idle limit
      {10min, 40min, false},
      {11h + 50min, 11h + 59min + 59s, true},  // busy all day ...
      {11h + 50min, 12h, false},               // ... still ends at 12 h
      {11h + 59min + 59s, 12h + 1s, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(session_alive(login, login + c.last_seen_after_login, login + c.now_after_login),
              c.alive)
        << c.last_seen_after_login.count() << " " << c.now_after_login.count();
  }
  static_assert(kSessionIdleTimeout == 1800s);
  static_assert(kSessionAbsoluteTimeout == 43200s);
}

TEST(Role, NamesRoundTrip) {
  const std::pair<Role, std::string_view> cases[] = {
      {Role::administrator, "administrator"}, {Role::regional_coordinator, "coordinator"},
      {Role::municipality_hr, "hr"},          {Role::unit_leader, "unit_leader"},
      {Role::employee, "employee"},
  };
  for (const auto& [role, name] : cases) {
    EXPECT_EQ(role_name(role), name);
    EXPECT_EQ(parse_role(name), role);
  }
  EXPECT_EQ(parse_role("Administrator"), std::nullopt);
  EXPECT_EQ(parse_role("regional_coordinator"), std::nullopt);
  EXPECT_EQ(parse_role(""), std::nullopt);
}

}  // namespace
}  // namespace kompetent
