// How long a login lasts: 30 minutes without a request, 12 hours at most
// (a working day plus overtime), whichever comes first. The server checks it on
// every request and the store deletes what has run out (remove_expired).
#pragma once

#include <chrono>

namespace kompetent {

inline constexpr std::chrono::seconds kSessionIdleTimeout = std::chrono::minutes{30};
inline constexpr std::chrono::seconds kSessionAbsoluteTimeout = std::chrono::hours{12};

// True while `now` is less than the idle timeout after `last_seen` and less
// than the absolute timeout after `created`: at exactly 30 minutes of silence
// the session is over.
[[nodiscard]] constexpr bool session_alive(std::chrono::sys_seconds created,
                                           std::chrono::sys_seconds last_seen,
                                           std::chrono::sys_seconds now) noexcept {
  return now < last_seen + kSessionIdleTimeout && now < created + kSessionAbsoluteTimeout;
}

}  // namespace kompetent
