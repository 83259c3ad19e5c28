// store::AuditStore on SQLite: the audit_log table (migrations/002_access.sql),
// whose triggers refuse UPDATE and DELETE.
#pragma once

#include "store/audit_store.h"
#include "store/sqlite/connection.h"

namespace kompetent::store::sqlite {

class SqliteAuditStore final : public AuditStore {
 public:
  // `connection` must outlive the store.
  explicit SqliteAuditStore(Connection& connection) : connection_(connection) {}

  Status append(const AuditEntry& entry) override;
  Result<std::vector<AuditEntry>> list(const AuditQuery& query) override;

 private:
  Connection& connection_;
};

}  // namespace kompetent::store::sqlite
