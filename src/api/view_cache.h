// Prepared workforce views, cached per set of snapshots (DESIGN.md: "cached
// per snapshot, invalidated on write"). The key names each member's snapshot
// by municipality, date and import time, so a replaced or re-imported
// snapshot — by this server or by the CLI beside it — gets a new key and the
// old view simply ages out. Building a view is the expensive part of an
// indicator request; a warm request only runs the breakdown.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "api/lru_cache.h"
#include "core/indicators/workforce_view.h"
#include "core/org/org_tree.h"
#include "core/workforce/position_category.h"
#include "core/workforce/snapshot.h"
#include "store/database.h"

namespace kompetent::api {

// The trees go with the view: the labels of sectors and units come from them.
struct CachedView {
  std::vector<SnapshotInfo> snapshots;
  std::vector<OrgTree> trees;
  WorkforceView view;
};

struct CachedViewPair {
  std::vector<SnapshotInfo> before;
  std::vector<SnapshotInfo> after;
  std::vector<OrgTree> trees;  // of `after`
  WorkforceViewPair pair;
};

class ViewCache {
 public:
  explicit ViewCache(std::size_t capacity = 32) : cache_(capacity) {}

  // The view over `snapshots` (one per member), loading and building it on a miss.
  [[nodiscard]] Result<std::shared_ptr<const CachedView>> view(store::Database& db,
                                                               const std::vector<SnapshotInfo>& snapshots,
                                                               const CategoryTable& categories);
  [[nodiscard]] Result<std::shared_ptr<const CachedViewPair>> pair(
      store::Database& db, const std::vector<SnapshotInfo>& before, const std::vector<SnapshotInfo>& after,
      const CategoryTable& categories);

 private:
  LruCache cache_;
};

}  // namespace kompetent::api
