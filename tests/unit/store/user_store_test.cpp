// store::UserStore on SQLite: accounts, the sessions a password change or a
// disable ends, and the single-use setup token for the first administrator.
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace kompetent::store::testing {
namespace {

UserAccount hr_account(std::string username = "fauske.hr") {
  UserAccount account;
  account.username = std::move(username);
  account.display_name = "Kari Nordmann";
  account.role = Role::municipality_hr;
  account.municipality = "1841";
  return account;
}

UserAccount unit_leader_account() {
  UserAccount account;
  account.username = "fauske.leder";
  account.display_name = "Ola Nordmann";
  account.role = Role::unit_leader;
  account.municipality = "1841";
  account.units = {"1841/HO/SH01", "1841/HO/FSH", "1841/HO/HJS"};  // not in code order
  return account;
}

class UserStoreTest : public StoreTest {
 protected:
  UserStore& users() { return database().users(); }
  SessionStore& sessions() { return database().sessions(); }

  std::int64_t add(const UserAccount& account, const std::string& hash = "$argon2id$hash-1") {
    auto added = users().add_user(account, hash);
    EXPECT_TRUE(added.ok()) << added.error().code;
    return added.ok() ? added.value().id : 0;
  }
  void login(const std::string& token_hash, std::int64_t user_id) {
    auto created =
        sessions().create({token_hash, user_id, "csrf-" + token_hash, kNow, kNow, "10.0.0.1"});
    ASSERT_TRUE(created.ok()) << created.error().code;
  }
  bool has_session(const std::string& token_hash) {
    auto found = sessions().find(token_hash);
    EXPECT_TRUE(found.ok());
    return found.ok() && found.value().has_value();
  }
};

TEST_F(UserStoreTest, StoresAnAccountAndFindsItByAnyCase) {
  auto added = users().add_user(hr_account("Fauske.HR"), "$argon2id$hash-1");
  ASSERT_TRUE(added.ok()) << added.error().code;
  UserAccount expected = hr_account("fauske.hr");
  expected.id = added.value().id;
  expected.created_at = "2025-03-01T08:30:00Z";
  EXPECT_GT(expected.id, 0);
  EXPECT_EQ(added.value(), expected);

  reopen();
  auto found = users().find_user("FAUSKE.hr");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found.value().has_value());
  EXPECT_EQ(*found.value(), expected);
  auto by_id = users().find_user_by_id(expected.id);
  ASSERT_TRUE(by_id.ok());
  EXPECT_EQ(by_id.value(), std::optional<UserAccount>{expected});

  EXPECT_EQ(users().find_user("saltdal.hr").value(), std::nullopt);
  EXPECT_EQ(users().find_user_by_id(expected.id + 1).value(), std::nullopt);
}

TEST_F(UserStoreTest, KeepsAUnitLeadersUnitsInTheOrderGiven) {
  const std::int64_t id = add(unit_leader_account());
  auto found = users().find_user_by_id(id);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found.value().has_value());
  EXPECT_EQ(found.value()->units, unit_leader_account().units);
  EXPECT_EQ(found.value()->role, Role::unit_leader);
}

TEST_F(UserStoreTest, RefusesATakenNameInAnyCase) {
  const std::int64_t id = add(hr_account());
  auto again = users().add_user(hr_account("FAUSKE.HR"), "$argon2id$hash-2");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error(), Error::conflict("user_exists", {"fauske.hr"}));
  EXPECT_EQ(users().count_users().value(), 1);
  EXPECT_EQ(users().password_hash(id).value(), std::optional<std::string>{"$argon2id$hash-1"});
}

TEST_F(UserStoreTest, RefusesAnInvalidAccountOrAMissingHash) {
  UserAccount no_municipality = hr_account();
  no_municipality.municipality.clear();
  auto refused = users().add_user(no_municipality, "$argon2id$hash-1");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error(), Error::invalid("municipality_required", {"hr"}));

  auto no_hash = users().add_user(hr_account(), "");
  ASSERT_FALSE(no_hash.ok());
  EXPECT_EQ(no_hash.error().code, "password_hash_missing");
  EXPECT_EQ(users().count_users().value(), 0);
}

TEST_F(UserStoreTest, ListsByUsernameWithoutHashes) {
  add(hr_account("saltdal.hr"));
  add(unit_leader_account());
  UserAccount admin;
  admin.username = "admin";
  admin.role = Role::administrator;
  add(admin);

  auto list = users().list_users();
  ASSERT_TRUE(list.ok());
  std::vector<std::string> names;
  for (const UserAccount& account : list.value()) names.push_back(account.username);
  EXPECT_EQ(names, (std::vector<std::string>{"admin", "fauske.leder", "saltdal.hr"}));
  EXPECT_EQ(list.value()[1].units, unit_leader_account().units);
  EXPECT_TRUE(list.value()[0].units.empty());
  EXPECT_EQ(users().count_users().value(), 3);
}

TEST_F(UserStoreTest, PasswordChangeEndsTheUsersOtherSessions) {
  const std::int64_t kari = add(hr_account());
  const std::int64_t ola = add(unit_leader_account());
  login("kari-laptop", kari);
  login("kari-phone", kari);
  login("kari-old", kari);
  login("ola-laptop", ola);

  ASSERT_TRUE(users().set_password_hash(kari, "$argon2id$hash-new", "kari-phone").ok());
  EXPECT_EQ(users().password_hash(kari).value(), std::optional<std::string>{"$argon2id$hash-new"});
  EXPECT_FALSE(has_session("kari-laptop"));
  EXPECT_TRUE(has_session("kari-phone"));  // the session that changed it
  EXPECT_FALSE(has_session("kari-old"));
  EXPECT_TRUE(has_session("ola-laptop"));  // someone else's

  // From the command line there is no session to keep.
  ASSERT_TRUE(users().set_password_hash(kari, "$argon2id$hash-cli").ok());
  EXPECT_FALSE(has_session("kari-phone"));
  EXPECT_TRUE(has_session("ola-laptop"));
}

TEST_F(UserStoreTest, DisableEndsEverySessionOfThatUser) {
  const std::int64_t kari = add(hr_account());
  const std::int64_t ola = add(unit_leader_account());
  login("kari-laptop", kari);
  login("kari-phone", kari);
  login("ola-laptop", ola);

  ASSERT_TRUE(users().set_disabled(kari, true).ok());
  EXPECT_TRUE(users().find_user_by_id(kari).value()->disabled);
  EXPECT_FALSE(has_session("kari-laptop"));
  EXPECT_FALSE(has_session("kari-phone"));
  EXPECT_TRUE(has_session("ola-laptop"));

  ASSERT_TRUE(users().set_disabled(kari, false).ok());
  EXPECT_FALSE(users().find_user_by_id(kari).value()->disabled);
  EXPECT_TRUE(database().integrity_check().ok());
}

TEST_F(UserStoreTest, ChangesToAnUnknownUserAreNotFound) {
  EXPECT_EQ(users().set_disabled(42, true).error(), Error::not_found("user_not_found", {"42"}));
  EXPECT_EQ(users().set_password_hash(42, "$argon2id$x").error(),
            Error::not_found("user_not_found", {"42"}));
  EXPECT_EQ(users().password_hash(42).value(), std::nullopt);
}

UserAccount first_admin() {
  UserAccount account;
  account.username = "Kommunalsjef";
  account.display_name = "Første administrator";
  account.role = Role::employee;  // ignored: the first user is always an administrator
  return account;
}

TEST_F(UserStoreTest, SetupTokenCreatesTheFirstAdministratorOnce) {
  const auto expires = kNow + std::chrono::hours{24};
  ASSERT_TRUE(users().create_setup_token("token-1", expires).ok());

  auto wrong = users().add_first_administrator("token-2", kNow, first_admin(), "$argon2id$a");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error(), Error::invalid("setup_token_invalid"));

  auto created = users().add_first_administrator("token-1", kNow + std::chrono::hours{1},
                                                 first_admin(), "$argon2id$a");
  ASSERT_TRUE(created.ok()) << created.error().code;
  EXPECT_EQ(created.value().username, "kommunalsjef");
  EXPECT_EQ(created.value().role, Role::administrator);
  EXPECT_EQ(created.value().created_at, "2025-03-01T09:30:00Z");  // the `now` given
  EXPECT_EQ(users().password_hash(created.value().id).value(),
            std::optional<std::string>{"$argon2id$a"});

  // Single use: the same link again is refused ...
  UserAccount second = first_admin();
  second.username = "inntrenger";
  auto reused = users().add_first_administrator("token-1", kNow + std::chrono::hours{2}, second,
                                                "$argon2id$b");
  ASSERT_FALSE(reused.ok());
  EXPECT_EQ(reused.error(), Error::invalid("setup_token_invalid"));
  // ... and so is a fresh token once an administrator exists.
  ASSERT_TRUE(users().create_setup_token("token-3", expires).ok());
  auto late = users().add_first_administrator("token-3", kNow + std::chrono::hours{2}, second,
                                              "$argon2id$b");
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error(), Error::conflict("setup_done"));
  EXPECT_EQ(users().count_users().value(), 1);
}

TEST_F(UserStoreTest, SetupTokenExpires) {
  const auto expires = kNow + std::chrono::hours{24};
  ASSERT_TRUE(users().create_setup_token("token-1", expires).ok());
  auto at_expiry =
      users().add_first_administrator("token-1", expires, first_admin(), "$argon2id$a");
  ASSERT_FALSE(at_expiry.ok());
  EXPECT_EQ(at_expiry.error(), Error::invalid("setup_token_invalid"));
  auto just_before = users().add_first_administrator("token-1", expires - std::chrono::seconds{1},
                                                     first_admin(), "$argon2id$a");
  EXPECT_TRUE(just_before.ok());
}

TEST_F(UserStoreTest, AFailedSetupLeavesTheTokenUsable) {
  ASSERT_TRUE(users().create_setup_token("token-1", kNow + std::chrono::hours{24}).ok());
  UserAccount bad = first_admin();
  bad.username = "x";
  auto refused = users().add_first_administrator("token-1", kNow, bad, "$argon2id$a");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error(), Error::invalid("invalid_username", {"x"}));
  EXPECT_TRUE(users().add_first_administrator("token-1", kNow, first_admin(), "$argon2id$a").ok());
}

TEST_F(UserStoreTest, SetupIsDoneOnceAnyUserExists) {
  add(hr_account());  // e.g. made with `kompetent user add` before the server first ran
  ASSERT_TRUE(users().create_setup_token("token-1", kNow + std::chrono::hours{24}).ok());
  auto refused = users().add_first_administrator("token-1", kNow, first_admin(), "$argon2id$a");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error(), Error::conflict("setup_done"));
}

}  // namespace
}  // namespace kompetent::store::testing
