#include "app/forecast_members.h"

#include "core/calendar/date.h"
#include "core/forecast/forecast_staff.h"

namespace kompetent::app {

Result<std::vector<SnapshotInfo>> latest_snapshots(store::Database& db,
                                                   std::span<const std::string> municipalities) {
  std::optional<MunicipalityNumber> only;
  if (municipalities.size() == 1) only = MunicipalityNumber{municipalities.front()};
  auto all = db.snapshots().list_snapshots(only);  // by municipality, then date, oldest first
  if (!all.ok()) return all.error();
  std::vector<SnapshotInfo> latest;
  for (const std::string& number : municipalities) {
    const SnapshotInfo* newest = nullptr;
    for (const SnapshotInfo& info : all.value()) {
      if (info.municipality.digits == number) newest = &info;
    }
    if (newest) latest.push_back(*newest);
  }
  return latest;
}

Result<PreparedMember> prepare_member(store::Database& db, const SnapshotInfo& snapshot,
                                      const ForecastSetup& setup) {
  auto loaded = db.snapshots().load_snapshot(snapshot.municipality, snapshot.date);
  if (!loaded.ok()) return loaded.error();
  auto tree = db.org().load_org(snapshot.municipality);
  if (!tree.ok()) return tree.error();
  const forecast::ForecastStaff staff =
      forecast::forecast_staff(loaded.value(), tree.value(), setup.services);
  auto prepared =
      forecast::prepare_workforce(staff.members, year_of(snapshot.date), setup.parameters);
  if (!prepared.ok()) return prepared.error();
  PreparedMember member;
  member.snapshot = snapshot;
  member.workforce = std::move(prepared).value();
  member.records_without_service = staff.records_without_service;
  return member;
}

}  // namespace kompetent::app
