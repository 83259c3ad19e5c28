// Each municipality's organisation (sectors and units) in storage.
// Interface only: store/sqlite/ implements it, store/postgres/ will.
#pragma once

#include "core/org/municipality.h"
#include "core/org/org_tree.h"
#include "core/result.h"

namespace kompetent::store {

class OrgStore {
 public:
  virtual ~OrgStore() = default;

  // The stored tree of `municipality`, sectors and units in the order they were
  // saved. An empty tree (not an error) when none is registered.
  virtual Result<OrgTree> load_org(const MunicipalityNumber& municipality) = 0;

  // Makes `tree` the organisation of tree.municipality(): names and sectors are
  // updated, new codes added, and codes missing from `tree` removed -- except a
  // unit that positions in a stored snapshot still reference, which is kept
  // (with its sector, placed after the saved ones) so old snapshots still resolve
  // their unit names. Delete those snapshots to be rid of it. All or nothing.
  virtual Status save_org(const OrgTree& tree) = 0;
};

}  // namespace kompetent::store
