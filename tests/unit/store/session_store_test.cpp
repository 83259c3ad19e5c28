// store::SessionStore on SQLite: sessions by token hash, and expiry by the
// idle and absolute limits of core/access/session_policy.h.
#include <gtest/gtest.h>

#include "core/access/session_policy.h"
#include "store_fixture.h"

namespace kompetent::store::testing {
namespace {

class SessionStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    UserAccount account;
    account.username = "fauske.hr";
    account.role = Role::municipality_hr;
    account.municipality = "1841";
    auto added = database().users().add_user(account, "$argon2id$hash");
    ASSERT_TRUE(added.ok());
    user_id_ = added.value().id;
  }
  SessionStore& sessions() { return database().sessions(); }
  SessionRecord session(std::string token_hash, std::chrono::sys_seconds created,
                        std::chrono::sys_seconds last_seen) const {
    return {std::move(token_hash), user_id_, "csrf", created, last_seen, "203.0.113.7"};
  }

  std::int64_t user_id_ = 0;
};

TEST_F(SessionStoreTest, FindsASessionByItsTokenHash) {
  const SessionRecord stored{std::string(64, 'a'), user_id_,     "csrf-token-43-characters", kNow,
                             kNow + 5min,          "2001:db8::1"};
  ASSERT_TRUE(sessions().create(stored).ok());
  reopen();
  auto found = sessions().find(std::string(64, 'a'));
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found.value(), std::optional<SessionRecord>{stored});
  EXPECT_EQ(sessions().find(std::string(64, 'b')).value(), std::nullopt);
}

TEST_F(SessionStoreTest, RefusesATakenTokenOrAnUnknownUser) {
  ASSERT_TRUE(sessions().create(session("t1", kNow, kNow)).ok());
  EXPECT_EQ(sessions().create(session("t1", kNow, kNow)).error(),
            Error::conflict("session_exists"));
  SessionRecord orphan = session("t2", kNow, kNow);
  orphan.user_id = user_id_ + 1;
  EXPECT_EQ(sessions().create(orphan).error(),
            Error::not_found("user_not_found", {std::to_string(user_id_ + 1)}));
}

TEST_F(SessionStoreTest, TouchMovesLastSeen) {
  ASSERT_TRUE(sessions().create(session("t1", kNow, kNow)).ok());
  ASSERT_TRUE(sessions().touch("t1", kNow + 20min).ok());
  auto found = sessions().find("t1");
  ASSERT_TRUE(found.ok() && found.value());
  EXPECT_EQ(found.value()->last_seen, kNow + 20min);
  EXPECT_EQ(found.value()->created_at, kNow);
  EXPECT_EQ(sessions().touch("gone", kNow).error(), Error::not_found("session_not_found"));
}

TEST_F(SessionStoreTest, LogoutRemovesTheSessionServerSide) {
  ASSERT_TRUE(sessions().create(session("t1", kNow, kNow)).ok());
  ASSERT_TRUE(sessions().create(session("t2", kNow, kNow)).ok());
  ASSERT_TRUE(sessions().remove("t1").ok());
  EXPECT_EQ(sessions().find("t1").value(), std::nullopt);
  EXPECT_TRUE(sessions().find("t2").value().has_value());
  EXPECT_TRUE(sessions().remove("t1").ok());  // twice is fine
}

TEST_F(SessionStoreTest, RemoveExpiredAppliesTheIdleAndAbsoluteLimits) {
  const auto now = kNow + 24h;
  struct Case {
    const char* token;
    std::chrono::sys_seconds created;
    std::chrono::sys_seconds last_seen;
    bool survives;
  };
  const Case cases[] = {
      {"idle-29m59s", now - 40min, now - 29min - 59s, true},
      {"idle-30m", now - 40min, now - 30min, false},  // the idle limit exactly
      {"old-11h59m59s", now - 11h - 59min - 59s, now - 1min, true},
      {"old-12h", now - 12h, now, false},  // busy, but the day is over
      {"both", now - 13h, now - 31min, false},
  };
  for (const Case& c : cases) {
    ASSERT_TRUE(sessions().create(session(c.token, c.created, c.last_seen)).ok()) << c.token;
    // The store and the policy must agree on every session.
    EXPECT_EQ(session_alive(c.created, c.last_seen, now), c.survives) << c.token;
  }
  auto removed = sessions().remove_expired(now);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(removed.value(), 3);
  for (const Case& c : cases) {
    EXPECT_EQ(sessions().find(c.token).value().has_value(), c.survives) << c.token;
  }
  EXPECT_EQ(sessions().remove_expired(now).value(), 0);
}

}  // namespace
}  // namespace kompetent::store::testing
