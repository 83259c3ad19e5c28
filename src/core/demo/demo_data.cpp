#include "core/demo/demo_data.h"

#include <string_view>

#include "core/demo/demo_rng.h"
#include "core/demo/nord_troms.h"
#include "core/demo/salten.h"
#include "core/demo/turnover.h"

namespace kompetent::demo {
namespace {

constexpr std::string_view kNordTromsRegion = "nord-troms";

// Employee id prefixes per region; other regions get "DM" (demo).
struct RegionPrefix {
  std::string_view region_id;
  std::string_view prefix;
};
constexpr RegionPrefix kRegionPrefixes[] = {{"nord-troms", "NT"}, {"salten", "SA"}};

std::string_view id_prefix_of(std::string_view region_id) {
  for (const RegionPrefix& row : kRegionPrefixes) {
    if (row.region_id == region_id) return row.prefix;
  }
  return "DM";
}

}  // namespace

DemoDataset generate_demo(std::span<const DemoMunicipality> municipalities, std::uint64_t seed) {
  // Nord-Troms is generated as a whole: its quotas are region-wide.
  std::vector<DemoMunicipality> nord_troms;
  for (const DemoMunicipality& municipality : municipalities) {
    if (municipality.region_id == kNordTromsRegion) nord_troms.push_back(municipality);
  }
  std::vector<MunicipalityStaff> nord_troms_staff = generate_nord_troms(nord_troms, seed);

  DemoDataset dataset;
  std::size_t next_nord_troms = 0;
  for (const DemoMunicipality& municipality : municipalities) {
    MunicipalityStaff staff = municipality.region_id == kNordTromsRegion
                                  ? std::move(nord_troms_staff[next_nord_troms++])
                                  : generate_all_sectors(municipality, seed);
    DemoRng rng(stream_seed(seed, "turnover/" + municipality.number.digits));
    SnapshotPair snapshots = add_previous_year(staff, id_prefix_of(municipality.region_id), rng);
    dataset.trees.push_back(std::move(staff.plan.tree));
    dataset.snapshots.push_back(std::move(snapshots.previous));
    dataset.snapshots.push_back(std::move(snapshots.current));
  }
  return dataset;
}

}  // namespace kompetent::demo
