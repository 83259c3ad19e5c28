#include "api/database_pool.h"

namespace kompetent::api {

Result<DatabasePool::Lease> DatabasePool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(db));
    }
  }
  auto opened = opener_();
  if (!opened.ok()) return opened.error();
  return Lease(this, std::move(opened).value());
}

void DatabasePool::give_back(std::unique_ptr<store::Database> db) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(db));
}

}  // namespace kompetent::api
