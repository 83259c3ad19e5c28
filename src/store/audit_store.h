// The audit trail in storage: append-only. Nothing in this interface changes
// or removes an entry, and the SQLite schema makes UPDATE and DELETE on the
// table fail, so an entry once written stays as written.
//
// What goes in: see core/access/audit_entry.h. Never a password, a session or
// setup token, an employee id or other personal data -- the trail is kept
// indefinitely and every administrator reads it.
//
//   audit.append({clock.now_utc(), "fauske.hr", Role::municipality_hr, "203.0.113.7",
//                 "export", "1841", "1841/HO", R"({"format":"xlsx"})"});
//
// Interface only: store/sqlite/ implements it.
#pragma once

#include <vector>

#include "core/access/audit_entry.h"
#include "core/result.h"

namespace kompetent::store {

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // Writes one entry, in its own transaction. Errors: invalid
  // "invalid_audit_action" {action} unless 1–40 of [a-z0-9_];
  // invalid "invalid_audit_detail" unless detail_json is a JSON object.
  virtual Status append(const AuditEntry& entry) = 0;

  // Entries that match every given filter, newest first (ties in the order
  // written, latest first), at most query.limit of them (clamped to 1..10,000).
  virtual Result<std::vector<AuditEntry>> list(const AuditQuery& query) = 0;
};

}  // namespace kompetent::store
