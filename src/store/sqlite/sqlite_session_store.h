// store::SessionStore on SQLite: the sessions table (migrations/002_access.sql),
// one row per login, keyed by the token's SHA-256.
#pragma once

#include "store/session_store.h"
#include "store/sqlite/connection.h"

namespace kompetent::store::sqlite {

class SqliteSessionStore final : public SessionStore {
 public:
  // `connection` must outlive the store.
  explicit SqliteSessionStore(Connection& connection) : connection_(connection) {}

  Status create(const SessionRecord& session) override;
  Result<std::optional<SessionRecord>> find(std::string_view token_hash) override;
  Status touch(std::string_view token_hash, std::chrono::sys_seconds now) override;
  Status remove(std::string_view token_hash) override;
  Result<std::int64_t> remove_expired(std::chrono::sys_seconds now) override;

 private:
  Connection& connection_;
};

}  // namespace kompetent::store::sqlite
