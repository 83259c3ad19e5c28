#include "core/demo/salten.h"

#include <array>

#include "core/demo/apportion.h"
#include "core/demo/category_profiles.h"
#include "core/demo/demo_rng.h"
#include "core/demo/person_draw.h"

namespace kompetent::demo {
namespace {

// Inhabitants per municipal position, by population (at least `population`).
// KS/SSB put municipal employment at roughly one in ten inhabitants; small
// municipalities sit higher.
struct StaffingRatio {
  int population = 0;
  int inhabitants_per_position_tenths = 0;  // 97 = 9,7 inhabitants per position
};
constexpr StaffingRatio kStaffingRatios[] = {
    {20000, 97},  // Bodø: 53 638 / 9,7 ≈ 5 530
    {5000, 90},
    {0, 80},
};

// Shares of the positions per sector, in per mille (the brief: health and care
// about 40 %, oppvekst about 35 %, the rest technical services and staff).
struct SectorShare {
  std::string_view sector_code;
  int per_mille = 0;
};
constexpr SectorShare kSectorShares[] = {
    {kOppvekst, 350},
    {kHelseOmsorg, 400},
    {kTeknisk, 130},
    {kAdministrasjon, 120},
};

// Age profile of the whole municipal workforce: flatter than Nord-Troms'
// health and care; the 50+ share itself comes from each category's profile.
//                            18  20  25  30  35  40  45 | 50  55  60  65
constexpr AgeProfile kSaltenAges{{2, 8, 12, 14, 15, 16, 17, 32, 30, 28, 10}};

}  // namespace

int positions_for_population(int population) noexcept {
  if (population <= 0) return 0;
  for (const StaffingRatio& ratio : kStaffingRatios) {
    if (population >= ratio.population) {
      return static_cast<int>((static_cast<std::int64_t>(population) * 10 +
                               ratio.inhabitants_per_position_tenths / 2) /
                              ratio.inhabitants_per_position_tenths);
    }
  }
  return 0;
}

int health_positions_for_population(int population) noexcept {
  for (const SectorShare& share : kSectorShares) {
    if (share.sector_code == kHelseOmsorg) {
      return (positions_for_population(population) * share.per_mille + 500) / 1000;
    }
  }
  return 0;
}

MunicipalityStaff generate_all_sectors(const DemoMunicipality& municipality, std::uint64_t seed) {
  DemoRng rng(stream_seed(seed, "staff/" + municipality.number.digits));
  std::array<int, std::size(kSectorShares)> weights{};
  for (std::size_t i = 0; i < weights.size(); ++i) weights[i] = kSectorShares[i].per_mille;
  const std::vector<int> per_sector =
      apportion(positions_for_population(municipality.population), weights);
  std::vector<SectorStaff> sectors;
  for (std::size_t i = 0; i < per_sector.size(); ++i) {
    sectors.push_back({kSectorShares[i].sector_code, per_sector[i]});
  }

  MunicipalityStaff staff{plan_municipality(municipality, sectors, rng), {}};
  staff.positions.reserve(staff.plan.slots.size());
  for (const StaffSlot& slot : staff.plan.slots) {
    const CategoryProfile& profile = category_profile(slot.category);
    const PersonFlags flags = draw_flags_by_chance(rng, profile);
    const int age = draw_age_for(rng, kSaltenAges, profile, flags.aged_50_plus);
    staff.positions.push_back(draw_person(rng, slot, flags, age, kCurrentSnapshotDate,
                                          year_of(kCurrentSnapshotDate) - 1));
  }
  return staff;
}

}  // namespace kompetent::demo
