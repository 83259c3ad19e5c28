#include "api/view_cache.h"

namespace kompetent::api {
namespace {

std::string key_of(const std::vector<SnapshotInfo>& snapshots) {
  std::string key;
  for (const SnapshotInfo& info : snapshots) {
    key += info.municipality.digits + '@' + to_iso(info.date) + '@' + info.imported_at + ';';
  }
  return key;
}

struct LoadedMembers {
  std::vector<Snapshot> snapshots;
  std::vector<OrgTree> trees;
  std::vector<MunicipalityWorkforce> members;
};

Result<LoadedMembers> load(store::Database& db, const std::vector<SnapshotInfo>& infos) {
  LoadedMembers loaded;
  loaded.snapshots.reserve(infos.size());
  loaded.trees.reserve(infos.size());
  for (const SnapshotInfo& info : infos) {
    auto snapshot = db.snapshots().load_snapshot(info.municipality, info.date);
    if (!snapshot.ok()) return snapshot.error();
    auto tree = db.org().load_org(info.municipality);
    if (!tree.ok()) return tree.error();
    loaded.snapshots.push_back(std::move(snapshot).value());
    loaded.trees.push_back(std::move(tree).value());
  }
  for (std::size_t i = 0; i < loaded.snapshots.size(); ++i) {
    loaded.members.push_back({&loaded.snapshots[i], &loaded.trees[i]});
  }
  return loaded;
}

}  // namespace

Result<std::shared_ptr<const CachedView>> ViewCache::view(store::Database& db,
                                                          const std::vector<SnapshotInfo>& snapshots,
                                                          const CategoryTable& categories) {
  const std::string key = "view:" + key_of(snapshots);
  if (auto hit = cache_.find<CachedView>(key)) return hit;
  auto loaded = load(db, snapshots);
  if (!loaded.ok()) return loaded.error();
  auto built = std::make_shared<CachedView>();
  built->snapshots = snapshots;
  built->view = WorkforceView::build(loaded.value().members, categories);
  built->trees = std::move(loaded.value().trees);
  cache_.put(key, built);
  return std::shared_ptr<const CachedView>(built);
}

Result<std::shared_ptr<const CachedViewPair>> ViewCache::pair(store::Database& db,
                                                              const std::vector<SnapshotInfo>& before,
                                                              const std::vector<SnapshotInfo>& after,
                                                              const CategoryTable& categories) {
  const std::string key = "pair:" + key_of(before) + "|" + key_of(after);
  if (auto hit = cache_.find<CachedViewPair>(key)) return hit;
  auto loaded_before = load(db, before);
  if (!loaded_before.ok()) return loaded_before.error();
  auto loaded_after = load(db, after);
  if (!loaded_after.ok()) return loaded_after.error();
  auto built = std::make_shared<CachedViewPair>();
  built->before = before;
  built->after = after;
  built->pair = WorkforceViewPair::build(loaded_before.value().members, loaded_after.value().members, categories);
  built->trees = std::move(loaded_after.value().trees);
  cache_.put(key, built);
  return std::shared_ptr<const CachedViewPair>(built);
}

}  // namespace kompetent::api
