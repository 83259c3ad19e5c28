// Login sessions in storage, keyed by the SHA-256 of the cookie token
// (security::sha256_hex), so the database never holds a usable token.
//
//   const std::string token = security::random_token();    // goes in the cookie
//   sessions.create({security::sha256_hex(token), user.id, security::random_token(),
//                    now, now, address});
//   auto found = sessions.find(security::sha256_hex(cookie));
//   if (found.value() && session_alive(found->created_at, found->last_seen, now)) ...
//
// Rotation at login is the caller's: create a new session (and remove the old
// one) rather than reuse a token. Interface only: store/sqlite/ implements it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/access/session_record.h"
#include "core/result.h"

namespace kompetent::store {

class SessionStore {
 public:
  virtual ~SessionStore() = default;

  // Stores a new session. conflict "session_exists" if the token hash is taken
  // (a 256-bit token never repeats: it means a caller bug);
  // not_found "user_not_found" {id} if there is no such user.
  virtual Status create(const SessionRecord& session) = 0;

  // The session, alive or not (check session_alive()); nullopt if none.
  virtual Result<std::optional<SessionRecord>> find(std::string_view token_hash) = 0;

  // Sets last_seen to `now`. not_found "session_not_found" if it is gone.
  virtual Status touch(std::string_view token_hash, std::chrono::sys_seconds now) = 0;

  // Ends the session (logout). Ok also if it was already gone.
  virtual Status remove(std::string_view token_hash) = 0;

  // Deletes every session that session_alive() says is over at `now`; returns
  // how many.
  virtual Result<std::int64_t> remove_expired(std::chrono::sys_seconds now) = 0;
};

}  // namespace kompetent::store
