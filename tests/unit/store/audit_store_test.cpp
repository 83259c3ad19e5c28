// store::AuditStore on SQLite: entries come back as written, newest first,
// filtered; and the table refuses UPDATE and DELETE even from outside the program.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store_fixture.h"

namespace kompetent::store::testing {
namespace {

AuditEntry entry(std::chrono::sys_seconds at, std::string username, std::string action) {
  AuditEntry e;
  e.at = at;
  e.username = std::move(username);
  e.role = Role::municipality_hr;
  e.address = "203.0.113.7";
  e.action = std::move(action);
  e.municipality = "1841";
  e.subject = "1841/HO";
  e.detail_json = R"({"format":"xlsx"})";
  return e;
}

class AuditStoreTest : public StoreTest {
 protected:
  AuditStore& audit() { return database().audit(); }
  void append(const AuditEntry& e) {
    auto appended = audit().append(e);
    ASSERT_TRUE(appended.ok()) << appended.error().code;
  }
  // The actions of what `query` lists, in order.
  std::vector<std::string> actions(const AuditQuery& query) {
    auto listed = audit().list(query);
    EXPECT_TRUE(listed.ok());
    std::vector<std::string> found;
    if (listed.ok()) {
      for (const AuditEntry& e : listed.value()) found.push_back(e.action);
    }
    return found;
  }
  // Five entries over three days (kNow is 1 March 08:30).
  void append_history() {
    append(entry(kNow - 48h, "fauske.hr", "import"));              // 27 Feb
    append(entry(kNow - 24h, "fauske.hr", "view_positions"));      // 28 Feb
    append(entry(kNow - 1h, "saltdal.hr", "export"));              // 1 Mar 07:30
    append(entry(kNow, "fauske.hr", "export"));                    // 1 Mar 08:30
    append(entry(kNow + 15h + 29min + 59s, "admin", "user_add"));  // 1 Mar 23:59:59
  }
};

TEST_F(AuditStoreTest, KeepsEveryFieldAsWritten) {
  AuditEntry login_failed = entry(kNow, "fauske.hr", "login_failed");
  login_failed.role = std::nullopt;
  login_failed.municipality.clear();
  login_failed.subject.clear();
  login_failed.detail_json = R"({"reason":"wrong_password","attempt":3})";
  login_failed.outcome = AuditOutcome::failure;
  AuditEntry cli = entry(kNow + 1s, "cli", "user_disable");
  cli.role = std::nullopt;
  cli.address = "local";
  cli.subject = "fauske.leder";
  cli.outcome = AuditOutcome::success;
  AuditEntry denied = entry(kNow + 2s, "fauske.leder", "view_positions");
  denied.role = Role::unit_leader;
  denied.outcome = AuditOutcome::denied;
  append(login_failed);
  append(cli);
  append(denied);
  reopen();
  auto listed = audit().list({});
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed.value(), (std::vector<AuditEntry>{denied, cli, login_failed}));
}

TEST_F(AuditStoreTest, ListsNewestFirstAndFilters) {
  append_history();
  EXPECT_EQ(actions({}),
            (std::vector<std::string>{"user_add", "export", "export", "view_positions", "import"}));

  // 1 March as a day: from its midnight up to (not including) the next.
  const std::chrono::sys_seconds march_1{std::chrono::sys_days{2025y / 3 / 1}};
  AuditQuery day;
  day.from = march_1;
  day.to = march_1 + 24h;
  EXPECT_EQ(actions(day), (std::vector<std::string>{"user_add", "export", "export"}));
  day.to = kNow;  // `to` is exclusive: the 08:30 export is out
  EXPECT_EQ(actions(day), (std::vector<std::string>{"export"}));

  AuditQuery by_user;
  by_user.username = "fauske.hr";
  EXPECT_EQ(actions(by_user), (std::vector<std::string>{"export", "view_positions", "import"}));
  by_user.action = "export";
  auto listed = audit().list(by_user);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed.value().size(), 1u);
  EXPECT_EQ(listed.value()[0].at, kNow);

  AuditQuery limited;
  limited.limit = 2;
  EXPECT_EQ(actions(limited), (std::vector<std::string>{"user_add", "export"}));
  limited.limit = 0;  // clamped to 1
  EXPECT_EQ(actions(limited), (std::vector<std::string>{"user_add"}));
}

TEST_F(AuditStoreTest, EntriesInTheSameSecondListLatestWrittenFirst) {
  append(entry(kNow, "fauske.hr", "login"));
  append(entry(kNow, "fauske.hr", "import"));
  append(entry(kNow, "fauske.hr", "logout"));
  EXPECT_EQ(actions({}), (std::vector<std::string>{"logout", "import", "login"}));
}

TEST_F(AuditStoreTest, RefusesBadActionsAndDetails) {
  struct Case {
    std::string action;
    std::string detail;
    std::string code;
  };
  const Case cases[] = {
      {"", "{}", "invalid_audit_action"},
      {"Login", "{}", "invalid_audit_action"},
      {"view positions", "{}", "invalid_audit_action"},
      {std::string(41, 'a'), "{}", "invalid_audit_action"},
      {"export", "", "invalid_audit_detail"},
      {"export", "[1,2]", "invalid_audit_detail"},
      {"export", "\"xlsx\"", "invalid_audit_detail"},
      {"export", "{format: xlsx}", "invalid_audit_detail"},
  };
  for (const Case& c : cases) {
    AuditEntry e = entry(kNow, "fauske.hr", c.action);
    e.detail_json = c.detail;
    const Status appended = audit().append(e);
    ASSERT_FALSE(appended.ok()) << c.action << " " << c.detail;
    EXPECT_EQ(appended.error().code, c.code) << c.action << " " << c.detail;
  }
  EXPECT_TRUE(audit().list({}).value().empty());
}

// Another program (sqlite3 on the file) cannot edit the trail either.
TEST_F(AuditStoreTest, UpdateAndDeleteFailInTheDatabaseItself) {
  append_history();
  database_.reset();
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  for (const char* sql :
       {"UPDATE audit_log SET username = 'someone.else'",
        "UPDATE audit_log SET detail = '{}' WHERE action = 'export'",
        "DELETE FROM audit_log WHERE username = 'saltdal.hr'", "DELETE FROM audit_log"}) {
    char* message = nullptr;
    const int code = sqlite3_exec(raw, sql, nullptr, nullptr, &message);
    EXPECT_EQ(code, SQLITE_CONSTRAINT) << sql;
    EXPECT_STREQ(message, "audit_log is append-only") << sql;
    sqlite3_free(message);
  }
  sqlite3_close(raw);
  reopen();
  auto listed = audit().list({});
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed.value().size(), 5u);
  EXPECT_EQ(listed.value()[0].username, "admin");
  EXPECT_EQ(listed.value()[3].detail_json, R"({"format":"xlsx"})");
}

}  // namespace
}  // namespace kompetent::store::testing
