// One login session as stored: the server finds it by the SHA-256 of the
// cookie's token, never by the token itself, so a copy of the database cannot
// be used to log in.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace kompetent {

struct SessionRecord {
  std::string token_hash;  // sha256_hex(token), 64 hex digits
  std::int64_t user_id = 0;
  std::string csrf_token;  // sent back with every state-changing request (X-CSRF-Token)
  std::chrono::sys_seconds created_at{};
  std::chrono::sys_seconds last_seen{};
  std::string address;  // the client address at login, e.g. "203.0.113.7"
  bool operator==(const SessionRecord&) const = default;
};

}  // namespace kompetent
