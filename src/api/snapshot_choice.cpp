#include "api/snapshot_choice.h"

namespace kompetent::api {

Result<std::vector<SnapshotInfo>> choose_snapshots(store::Database& db, const std::vector<std::string>& members,
                                                   std::optional<Date> on) {
  std::optional<MunicipalityNumber> only;
  if (members.size() == 1) only = MunicipalityNumber{members.front()};
  auto all = db.snapshots().list_snapshots(only);  // by municipality, then date, oldest first
  if (!all.ok()) return all.error();
  std::vector<SnapshotInfo> chosen;
  for (const std::string& member : members) {
    const SnapshotInfo* best = nullptr;
    for (const SnapshotInfo& info : all.value()) {
      if (info.municipality.digits != member) continue;
      if (on && info.date > *on) continue;
      best = &info;
    }
    if (best) chosen.push_back(*best);
  }
  return chosen;
}

}  // namespace kompetent::api
