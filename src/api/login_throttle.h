// Slows down password guessing: after 5 failed logins for one account within
// 15 minutes, or 20 from one address, further attempts are refused (429 with
// Retry-After) until the oldest failure is 15 minutes old. Kept in memory:
// a restart forgets it, which costs an attacker a restart they cannot cause.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace kompetent::api {

struct ThrottleLimits {
  int per_account = 5;
  int per_address = 20;
  std::chrono::seconds window{15 * 60};
};

class LoginThrottle {
 public:
  using Instant = std::chrono::sys_seconds;
  explicit LoginThrottle(ThrottleLimits limits = {}) : limits_(limits) {}

  // How long to wait before trying again, or nullopt if an attempt may be made now.
  [[nodiscard]] std::optional<std::chrono::seconds> wait_before(const std::string& account,
                                                                const std::string& address, Instant now);
  void record_failure(const std::string& account, const std::string& address, Instant now);
  // A successful login clears the account's failures (not the address's).
  void record_success(const std::string& account);

 private:
  using Failures = std::deque<Instant>;
  void prune(Failures& failures, Instant now) const;
  std::optional<std::chrono::seconds> wait_for(std::map<std::string, Failures>& table,
                                               const std::string& key, int limit, Instant now);

  ThrottleLimits limits_;
  std::mutex mutex_;
  std::map<std::string, Failures> by_account_;
  std::map<std::string, Failures> by_address_;
};

}  // namespace kompetent::api
