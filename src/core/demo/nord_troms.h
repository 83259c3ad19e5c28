// Nord-Troms: the health and care staff of seed 003 chapter 3. The current
// snapshot (kCurrentSnapshotDate) has exactly the positions of table 1 per
// municipality, and the region's figures come close to the ones the chapter
// publishes: people are drawn from distributions, and the published shares are
// then met with exact region-wide quotas (which people count is random; how
// many is fixed), so the totals are stable whatever the seed.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/demo/demo_data.h"
#include "core/demo/org_templates.h"

namespace kompetent::demo {

// Table 1 of seed 003: registered positions in health and care.
struct PublishedPositions {
  std::string_view municipality;  // kommunenummer (2024)
  int positions = 0;
};
inline constexpr PublishedPositions kNordTromsTable1[] = {
    {"5538", 95},  {"5540", 103}, {"5536", 225},
    {"5542", 144}, {"5544", 288}, {"5546", 84},
};

// The figures of seed 003 §3.2 the quotas aim at, as shares of all persons
// (or of the group named). Where the text says "nearly", the aim is just under.
struct NordTromsTargets {
  double aged_50_plus = 0.398;                   // "nesten 40 prosent ... over 50 år"
  double helsefagarbeider_aged_50_plus = 0.444;  // "44,4 prosent av dem"
  double spesialsykepleier_aged_50_plus = 0.35;  // "35 prosent"
  double leder_aged_50_plus = 0.35;              // "det samme er tilfellet for lederne"
  double part_time = 0.657;                      // "65,7 prosent i deltidsstillinger"
  double unskilled = 0.20;                       // "20 prosent ... lav formell utdanning"
  double further_education = 0.211;              // "videreutdanningsandelen ... 21,1 prosent"
  double further_educated_aged_50_plus = 0.348;  // "nesten 35 prosent ... over 50 år"
};
inline constexpr NordTromsTargets kNordTromsTargets{};

// The staff of `members` (all in region "nord-troms") as of kCurrentSnapshotDate,
// in the order given. A member not in table 1 gets health and care staff sized
// like a Salten municipality's. Never fails.
[[nodiscard]] std::vector<MunicipalityStaff> generate_nord_troms(
    std::span<const DemoMunicipality> members, std::uint64_t seed);

}  // namespace kompetent::demo
