// The demo database's logins: one per role, so a new user can try each view.
// They exist only in the demo database (kompetent demo); a real installation
// starts with no accounts at all. The password is public by design.
#pragma once

#include <array>
#include <string_view>

#include "core/access/role.h"

namespace kompetent::demo {

inline constexpr std::string_view kDemoPassword = "demo-passord-2025";

struct DemoUser {
  std::string_view username;
  std::string_view display_name;
  Role role;
  std::string_view municipality;  // hr, unit leader, employee
  std::string_view region;        // coordinator
  std::string_view unit;          // unit leader: the unit they lead
  std::string_view description;   // shown by `kompetent serve`
};

// The employee login is linked to the first person in Sentrum sykehjem's
// data (kompetent demo picks the id, since it depends on the seed).
inline constexpr std::array<DemoUser, 7> kDemoUsers = {{
    {"admin", "Demo Administrator", Role::administrator, "", "", "", "administrator"},
    {"salten.koordinator", "Demo Koordinator Salten", Role::regional_coordinator, "", "salten", "",
     "regional koordinator, Salten"},
    {"nordtroms.koordinator", "Demo Koordinator Nord-Troms", Role::regional_coordinator, "", "nord-troms", "",
     "regional koordinator, Nord-Troms"},
    {"fauske.hr", "Demo HR Fauske", Role::municipality_hr, "1841", "", "", "HR-leder, Fauske"},
    {"saltdal.hr", "Demo HR Saltdal", Role::municipality_hr, "1840", "", "", "HR-leder, Saltdal"},
    {"fauske.leder", "Demo Enhetsleder", Role::unit_leader, "1841", "", "1841/HO/SH01",
     "enhetsleder, Sentrum sykehjem (Fauske)"},
    {"fauske.ansatt", "Demo Ansatt", Role::employee, "1841", "", "", "ansatt, Fauske (egne data)"},
}};

}  // namespace kompetent::demo
