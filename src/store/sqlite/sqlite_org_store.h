// store::OrgStore on SQLite: the sectors and units tables, keyed by
// municipality number and code (see migrations/001_initial.sql).
#pragma once

#include "store/org_store.h"
#include "store/sqlite/connection.h"

namespace kompetent::store::sqlite {

class SqliteOrgStore final : public OrgStore {
 public:
  // `connection` must outlive the store.
  explicit SqliteOrgStore(Connection& connection) : connection_(connection) {}

  Result<OrgTree> load_org(const MunicipalityNumber& municipality) override;
  Status save_org(const OrgTree& tree) override;

 private:
  Connection& connection_;
};

}  // namespace kompetent::store::sqlite
