// The demo's organisation: which sectors and units a municipality has, how
// many of each kind of unit its size calls for, and which category each
// position in each unit belongs to (the staffing plan). Who fills the
// positions is drawn elsewhere (person_draw.h).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/demo/demo_data.h"
#include "core/demo/demo_rng.h"
#include "core/org/org_tree.h"
#include "core/workforce/position_record.h"

namespace kompetent::demo {

// Sector codes of the demo, with names from MISSION §1.
inline constexpr std::string_view kOppvekst = "OK";         // Oppvekst og kultur
inline constexpr std::string_view kHelseOmsorg = "HO";      // Helse og omsorg
inline constexpr std::string_view kTeknisk = "TPU";         // Teknisk, plan og utvikling
inline constexpr std::string_view kAdministrasjon = "ADM";  // Administrasjon og stab

struct SectorStaff {
  std::string_view sector_code;  // one of the codes above
  int positions = 0;
};

// One position to fill: where it is and what kind it is.
struct StaffSlot {
  std::string unit_code;
  std::string sector_code;
  std::string category;  // PositionCategory::key
  bool operator==(const StaffSlot&) const = default;
};

struct MunicipalityPlan {
  DemoMunicipality municipality;
  OrgTree tree;
  std::vector<StaffSlot> slots;  // exactly the sum of SectorStaff::positions
};

// A municipality's plan together with the people drawn into it (one record per
// slot, same order), as of kCurrentSnapshotDate.
struct MunicipalityStaff {
  MunicipalityPlan plan;
  std::vector<PositionRecord> positions;
};

// Builds the tree and the slots for `sectors` (sectors with 0 positions are
// left out). Unit kinds get positions by their share of the sector; a kind too
// small for its own unit is folded into the sector's first kind; larger kinds
// get more units (up to a cap), sized ±20 % at random. Every unit has one
// leader per started 50 positions; the rest are split between the unit kind's
// categories by largest remainder. Never fails.
[[nodiscard]] MunicipalityPlan plan_municipality(const DemoMunicipality& municipality,
                                                 std::span<const SectorStaff> sectors,
                                                 DemoRng& rng);

// The name used in unit names: "Storfjord" for "Storfjord-Omasvuotna-Omasvuono",
// "Kåfjord" for 5540 (whose first form is the Sami one).
[[nodiscard]] std::string place_name_of(const DemoMunicipality& municipality);

}  // namespace kompetent::demo
