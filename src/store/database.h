// One opened database: the owner of the stores that live in it. cli/main.cpp
// opens a concrete one (store/sqlite/sqlite_database.h) and passes this down.
//
// Errors of every store: io "database_error" {engine message} when the engine
// fails, io "database_busy" when another writer held the lock past the timeout.
#pragma once

#include "core/result.h"
#include "store/audit_store.h"
#include "store/org_store.h"
#include "store/population_store.h"
#include "store/reference_store.h"
#include "store/scenario_store.h"
#include "store/session_store.h"
#include "store/snapshot_store.h"
#include "store/user_store.h"

namespace kompetent::store {

class Database {
 public:
  virtual ~Database() = default;

  // The stores live as long as the database; the references stay valid until then.
  virtual SnapshotStore& snapshots() = 0;
  virtual OrgStore& org() = 0;
  virtual ReferenceStore& reference() = 0;
  virtual UserStore& users() = 0;
  virtual SessionStore& sessions() = 0;
  virtual AuditStore& audit() = 0;
  virtual ScenarioStore& scenarios() = 0;
  virtual PopulationStore& population() = 0;

  // Checks the file structure, every foreign key and the store's own
  // invariants. io "database_corrupt" {check, first problem found} if anything
  // is wrong. Reads every page: slow on a large database.
  virtual Status integrity_check() = 0;
};

}  // namespace kompetent::store
