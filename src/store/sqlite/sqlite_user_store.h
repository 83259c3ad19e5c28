// store::UserStore on SQLite: the users, user_units and setup_tokens tables
// (migrations/002_access.sql). Deleting sessions on a password change or a
// disable happens here, in the same transaction, not in the session store.
#pragma once

#include "store/sqlite/connection.h"
#include "store/user_store.h"

namespace kompetent::store::sqlite {

class SqliteUserStore final : public UserStore {
 public:
  // `connection` must outlive the store.
  explicit SqliteUserStore(Connection& connection) : connection_(connection) {}

  Result<UserAccount> add_user(const UserAccount& account, std::string_view password_hash) override;
  Result<std::optional<UserAccount>> find_user(std::string_view username) override;
  Result<std::optional<UserAccount>> find_user_by_id(std::int64_t user_id) override;
  Result<std::optional<std::string>> password_hash(std::int64_t user_id) override;
  Result<std::vector<UserAccount>> list_users() override;
  Result<std::int64_t> count_users() override;
  Status set_password_hash(std::int64_t user_id, std::string_view password_hash,
                           const std::optional<std::string>& keep_session_hash) override;
  Status set_disabled(std::int64_t user_id, bool disabled,
                      const std::optional<std::string>& keep_session_hash) override;
  Status create_setup_token(std::string_view token_hash,
                            std::chrono::sys_seconds expires_at) override;
  Result<UserAccount> add_first_administrator(std::string_view token_hash,
                                              std::chrono::sys_seconds now,
                                              const UserAccount& account,
                                              std::string_view password_hash) override;

 private:
  Connection& connection_;
};

}  // namespace kompetent::store::sqlite
