// Accounts in storage, with their password hashes, and the single-use setup
// tokens that create the first administrator of a new installation.
//
//   auto hash = security::hash_password(password);
//   auto added = users.add_user(account, hash.value());   // conflict "user_exists"
//   auto found = users.find_user("Fauske.HR");             // names match case-insensitively
//
// A password change or a disable also ends the user's sessions in the same
// transaction, so a stolen session cannot outlive either.
// Interface only: store/sqlite/ implements it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/user_account.h"
#include "core/result.h"

namespace kompetent::store {

class UserStore {
 public:
  virtual ~UserStore() = default;

  // Stores a new account with `password_hash` (from security::hash_password)
  // and returns it as stored: the username lower-cased (normalize_username),
  // a new id, created_at from the clock, `disabled` as given. Errors: what
  // validate_account() says; invalid "password_hash_missing" for an empty
  // hash; conflict "user_exists" {username} if the name is taken.
  virtual Result<UserAccount> add_user(const UserAccount& account,
                                       std::string_view password_hash) = 0;

  // The account named `username` (compared lower-cased), disabled or not; nullopt if none.
  virtual Result<std::optional<UserAccount>> find_user(std::string_view username) = 0;
  virtual Result<std::optional<UserAccount>> find_user_by_id(std::int64_t user_id) = 0;

  // The stored hash, for login; nullopt if there is no such user.
  virtual Result<std::optional<std::string>> password_hash(std::int64_t user_id) = 0;

  // Every account, ordered by username. Never includes hashes.
  virtual Result<std::vector<UserAccount>> list_users() = 0;
  virtual Result<std::int64_t> count_users() = 0;

  // Replaces the user's password hash and deletes every session of that user
  // except the one whose token hash is `keep_session_hash` (the session that
  // changed its own password stays logged in). not_found "user_not_found" {id}.
  virtual Status set_password_hash(std::int64_t user_id, std::string_view password_hash,
                                   const std::optional<std::string>& keep_session_hash = {}) = 0;

  // Disables or enables the account, and deletes its sessions but
  // `keep_session_hash`, as set_password_hash() does. not_found "user_not_found" {id}.
  virtual Status set_disabled(std::int64_t user_id, bool disabled,
                              const std::optional<std::string>& keep_session_hash = {}) = 0;

  // Stores a setup token by its SHA-256, valid until `expires_at`.
  virtual Status create_setup_token(std::string_view token_hash,
                                    std::chrono::sys_seconds expires_at) = 0;

  // Creates the first administrator, in one transaction: the token must exist,
  // be unused and `now` before its expiry, else invalid "setup_token_invalid";
  // there must be no user at all, else conflict "setup_done"; then the token is
  // marked used and the account stored as add_user() does, with role
  // administrator whatever `account` says. Fails like add_user() otherwise,
  // leaving the token unused.
  virtual Result<UserAccount> add_first_administrator(std::string_view token_hash,
                                                      std::chrono::sys_seconds now,
                                                      const UserAccount& account,
                                                      std::string_view password_hash) = 0;
};

}  // namespace kompetent::store
