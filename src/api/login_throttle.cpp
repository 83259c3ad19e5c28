#include "api/login_throttle.h"

#include <iterator>

namespace kompetent::api {

void LoginThrottle::prune(Failures& failures, Instant now) const {
  while (!failures.empty() && failures.front() + limits_.window <= now) failures.pop_front();
}

std::optional<std::chrono::seconds> LoginThrottle::wait_for(std::map<std::string, Failures>& table,
                                                            const std::string& key, int limit,
                                                            Instant now) {
  auto it = table.find(key);
  if (it == table.end()) return std::nullopt;
  prune(it->second, now);
  if (it->second.empty()) {
    table.erase(it);
    return std::nullopt;
  }
  if (static_cast<int>(it->second.size()) < limit) return std::nullopt;
  // Free again when enough failures have aged out of the window.
  const Instant free_at = it->second[it->second.size() - static_cast<std::size_t>(limit)] + limits_.window;
  return std::max(std::chrono::seconds{1}, free_at - now);
}

std::optional<std::chrono::seconds> LoginThrottle::wait_before(const std::string& account,
                                                               const std::string& address, Instant now) {
  std::lock_guard lock(mutex_);
  auto account_wait = wait_for(by_account_, account, limits_.per_account, now);
  auto address_wait = wait_for(by_address_, address, limits_.per_address, now);
  if (account_wait && address_wait) return std::max(*account_wait, *address_wait);
  return account_wait ? account_wait : address_wait;
}

void LoginThrottle::record_failure(const std::string& account, const std::string& address, Instant now) {
  std::lock_guard lock(mutex_);
  by_account_[account].push_back(now);
  by_address_[address].push_back(now);
  // Bound memory: an address or account never needs more than its limit kept.
  auto trim = [](Failures& f, int keep) {
    while (static_cast<int>(f.size()) > keep) f.pop_front();
  };
  trim(by_account_[account], limits_.per_account);
  trim(by_address_[address], limits_.per_address);
  // Bound the number of keys too: forget failures that have aged out.
  constexpr std::size_t kMaxKeys = 100000;
  for (auto* table : {&by_account_, &by_address_}) {
    if (table->size() <= kMaxKeys) continue;
    for (auto it = table->begin(); it != table->end();) {
      prune(it->second, now);
      it = it->second.empty() ? table->erase(it) : std::next(it);
    }
  }
}

void LoginThrottle::record_success(const std::string& account) {
  std::lock_guard lock(mutex_);
  by_account_.erase(account);
}

}  // namespace kompetent::api
