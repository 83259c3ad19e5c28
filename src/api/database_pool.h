// Database connections for the server's worker threads. SQLite connections
// must not be shared between threads, so each request leases one and gives it
// back; WAL lets the leased readers run beside the one writer.
//
//   auto lease = pool.acquire();
//   if (!lease.ok()) return error_response(lease.error(), …);
//   store::Database& db = *lease.value();
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace kompetent::api {

class DatabasePool {
 public:
  using Opener = std::function<Result<std::unique_ptr<store::Database>>()>;

  // Opens connections with `opener` when none is free; keeps at most
  // `max_idle` open between requests.
  DatabasePool(Opener opener, std::size_t max_idle) : opener_(std::move(opener)), max_idle_(max_idle) {}

  class Lease {
   public:
    Lease(DatabasePool* pool, std::unique_ptr<store::Database> db) : pool_(pool), db_(std::move(db)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) noexcept = default;
    ~Lease() {
      if (pool_ && db_) pool_->give_back(std::move(db_));
    }
    store::Database& operator*() const { return *db_; }
    store::Database* operator->() const { return db_.get(); }

   private:
    DatabasePool* pool_ = nullptr;
    std::unique_ptr<store::Database> db_;
  };

  [[nodiscard]] Result<Lease> acquire();

 private:
  void give_back(std::unique_ptr<store::Database> db);

  Opener opener_;
  std::size_t max_idle_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::Database>> idle_;
};

// Runs a write transaction `attempt` (a callable returning Result<T> or
// Status) again while it fails with io "database_busy" — another writer held
// the lock past the connection's busy timeout — up to `attempts` times. The
// transaction is whole each time: nothing half-done is retried.
template <class Attempt>
auto retry_when_busy(Attempt&& attempt, int attempts = 3) {
  auto result = attempt();
  for (int i = 1; i < attempts && !result.ok() && result.error().code == "database_busy"; ++i) {
    result = attempt();
  }
  return result;
}

}  // namespace kompetent::api
