// End-to-end tests of `kompetent user` and `kompetent audit`: passwords come
// from stdin (a pipe, or a terminal without echo) and are stored only as
// Argon2id hashes; passwd and disable end the user's sessions; every change
// is in the audit trail.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <signal.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

#include "run_binary.h"

namespace kompetent {
namespace {

namespace fs = std::filesystem;
using testing_support::run_kompetent;
using testing_support::RunResult;

constexpr const char* kPassword = "korrekt hest batteri stift";

class UserCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kompetent-user-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs kompetent with `input` as its stdin (a file, so not a terminal) and
  // the test database.
  RunResult run(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.end(), {"--db", (dir_ / "users.db").string()});
    const fs::path stdin_file = dir_ / "stdin.txt";
    std::ofstream(stdin_file, std::ios::binary) << input;
    // The child inherits our fd 0 (spawn_kompetent forks), so point it at the file for the run.
    const int saved = ::dup(0);
    const int file = ::open(stdin_file.c_str(), O_RDONLY);
    ::dup2(file, 0);
    ::close(file);
    RunResult result = run_kompetent(args, dir_);
    ::dup2(saved, 0);
    ::close(saved);
    return result;
  }
  RunResult add_hr(const std::string& username = "fauske.hr") {
    return run({"user", "add", username, "--role", "hr", "--municipality", "1841", "--name",
                "Kari Nordmann"},
               std::string{kPassword} + "\n");
  }
  nlohmann::json users() {
    RunResult listed = run({"user", "list", "--format", "json"});
    EXPECT_EQ(listed.exit_code, 0) << listed.err;
    return nlohmann::json::parse(listed.out)["users"];
  }
  nlohmann::json audit(std::vector<std::string> filters = {}) {
    std::vector<std::string> args{"audit", "--format", "json"};
    args.insert(args.end(), filters.begin(), filters.end());
    RunResult listed = run(args);
    EXPECT_EQ(listed.exit_code, 0) << listed.err;
    return nlohmann::json::parse(listed.out)["entries"];
  }

  // The first column of every row of `sql` on the database file, as text.
  std::vector<std::string> query(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open((dir_ / "users.db").c_str(), &db), SQLITE_OK);
    std::vector<std::string> values;
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sql;
    while (sqlite3_step(statement) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(statement, 0);
      values.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return values;
  }
  void execute(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "users.db").c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql;
    sqlite3_close(db);
  }
  // Two logged-in sessions of `username`, as the server would store them.
  void log_in_twice(const std::string& username) {
    for (const char* token : {"phone", "laptop"}) {
      execute(
          "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen, address)"
          " SELECT '" +
          username + "-" + token +
          "', id, 'csrf', '2025-03-01T08:00:00Z',"
          " '2025-03-01T08:00:00Z', '10.0.0.1' FROM users WHERE username = '" +
          username + "'");
    }
  }
  std::size_t sessions_of(const std::string& username) {
    return query(
               "SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id"
               " WHERE u.username = '" +
               username + "'")
        .size();
  }

  fs::path dir_;
};

TEST_F(UserCliTest, AddsAnAccountWithAHashedPasswordFromStdin) {
  RunResult added = add_hr("Fauske.HR");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("fauske.hr"), std::string::npos) << added.out;

  const nlohmann::json list = users();
  ASSERT_EQ(list.size(), 1u);
  const nlohmann::json& user = list[0];
  EXPECT_EQ(user["username"], "fauske.hr");  // stored lower-case
  EXPECT_EQ(user["display_name"], "Kari Nordmann");
  EXPECT_EQ(user["role"], "hr");
  EXPECT_EQ(user["municipality"], "1841");
  EXPECT_EQ(user["disabled"], false);
  EXPECT_FALSE(user.contains("password_hash"));

  const auto hashes = query("SELECT password_hash FROM users");
  ASSERT_EQ(hashes.size(), 1u);
  EXPECT_EQ(hashes[0].rfind("$argon2id$", 0), 0u) << hashes[0];
  // The password itself is nowhere: not in a listing, the database file or its WAL.
  const std::string stored =
      testing_support::slurp(dir_ / "users.db") + testing_support::slurp(dir_ / "users.db-wal");
  EXPECT_EQ(stored.find(kPassword), std::string::npos);
  EXPECT_EQ(users().dump().find("argon2"), std::string::npos);
  const std::string listing = run({"user", "list"}).out;
  EXPECT_EQ(listing.find("argon2"), std::string::npos) << listing;
  EXPECT_NE(listing.find("1841 Fauske"), std::string::npos) << listing;
}

TEST_F(UserCliTest, EachRoleTakesItsOwnScope) {
  const std::string password = std::string{kPassword} + "\n";
  EXPECT_EQ(run({"user", "add", "admin", "--role", "administrator"}, password).exit_code, 0);
  EXPECT_EQ(
      run({"user", "add", "salten.koordinator", "--role", "coordinator", "--region", "salten"},
          password)
          .exit_code,
      0);
  EXPECT_EQ(run({"user", "add", "fauske.leder", "--role", "unit_leader", "--municipality", "1841",
                 "--unit", "1841/HO/SH01", "--unit", "1841/HO/FSH"},
                password)
                .exit_code,
            0);
  EXPECT_EQ(run({"user", "add", "fauske.ansatt", "--role", "employee", "--municipality", "1841",
                 "--employee-id", "E123"},
                password)
                .exit_code,
            0);
  // Kvænangen's number before 2024 is stored as today's.
  EXPECT_EQ(
      run({"user", "add", "kvaenangen.hr", "--role", "hr", "--municipality", "5429"}, password)
          .exit_code,
      0);

  std::map<std::string, nlohmann::json> by_name;
  for (const auto& user : users()) by_name[user["username"]] = user;
  ASSERT_EQ(by_name.size(), 5u);
  EXPECT_EQ(by_name["salten.koordinator"]["role"], "coordinator");
  EXPECT_EQ(by_name["salten.koordinator"]["region"], "salten");
  EXPECT_EQ(by_name["fauske.leder"]["units"], (nlohmann::json{"1841/HO/SH01", "1841/HO/FSH"}));
  EXPECT_EQ(by_name["fauske.ansatt"]["employee_id"], "E123");
  EXPECT_EQ(by_name["kvaenangen.hr"]["municipality"], "5546");
  EXPECT_EQ(by_name["admin"]["municipality"], "");
}

TEST_F(UserCliTest, RefusesWhatTheRoleDoesNotAllowAndStoresNothing) {
  const std::string password = std::string{kPassword} + "\n";
  struct Case {
    std::vector<std::string> args;
    int exit_code;
    std::string message;  // part of the Norwegian message on stderr
  };
  const Case cases[] = {
      {{"user", "add", "fauske.hr", "--role", "hr"}, 1, "krever et kommunenummer"},
      {{"user", "add", "x", "--role", "administrator"}, 1, "Ugyldig brukernavn"},
      {{"user", "add", "koordinator", "--role", "coordinator", "--region", "lofoten"},
       3,
       "Ukjent region: lofoten"},
      {{"user", "add", "koordinator", "--role", "coordinator", "--region", "salten",
        "--municipality", "1841"},
       1,
       "skal ikke ha municipality"},
      {{"user", "add", "leder", "--role", "unit_leader", "--municipality", "1841", "--unit",
        "1840/HO/RSH"},
       1,
       "ligger ikke i kommune 1841"},
      {{"user", "add", "ansatt", "--role", "employee", "--municipality", "1841"},
       1,
       "krever et ansattnummer"},
      {{"user", "add", "hr", "--role", "hr", "--municipality", "9999"}, 3, "Ukjent kommunenummer"},
      {{"user", "add", "sjef", "--role", "boss"}, 2, ""},  // CLI11 refuses the value
  };
  for (const Case& c : cases) {
    RunResult r = run(c.args, password);
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args[2] << ": " << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
  EXPECT_TRUE(users().empty());
}

TEST_F(UserCliTest, ThePasswordMustFollowThePolicy) {
  RunResult short_one =
      run({"user", "add", "fauske.hr", "--role", "hr", "-m", "1841"}, "elleve tegn\n");
  EXPECT_EQ(short_one.exit_code, 1);
  EXPECT_NE(short_one.err.find("minst 12 tegn"), std::string::npos) << short_one.err;
  RunResult long_one =
      run({"user", "add", "fauske.hr", "--role", "hr", "-m", "1841"}, std::string(129, 'x') + "\n");
  EXPECT_EQ(long_one.exit_code, 1);
  EXPECT_NE(long_one.err.find("høyst 128 tegn"), std::string::npos) << long_one.err;
  RunResult none = run({"user", "add", "fauske.hr", "--role", "hr", "-m", "1841"}, "");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("standard inn"), std::string::npos) << none.err;
  EXPECT_TRUE(users().empty());
  // Twelve characters counted as letters, not bytes; a Windows line ending is not part of it.
  EXPECT_EQ(
      run({"user", "add", "fauske.hr", "--role", "hr", "-m", "1841"}, "æøåæøåæøåæøå\r\n").exit_code,
      0);
}

TEST_F(UserCliTest, ATakenNameIsAConflict) {
  ASSERT_EQ(add_hr().exit_code, 0);
  RunResult again = add_hr("FAUSKE.hr");
  EXPECT_EQ(again.exit_code, 4);
  EXPECT_NE(again.err.find("fauske.hr er allerede i bruk"), std::string::npos) << again.err;
}

TEST_F(UserCliTest, PasswdReplacesTheHashAndEndsSessions) {
  ASSERT_EQ(add_hr().exit_code, 0);
  ASSERT_EQ(add_hr("saltdal.hr").exit_code, 0);
  log_in_twice("fauske.hr");
  log_in_twice("saltdal.hr");
  const auto before = query("SELECT password_hash FROM users WHERE username = 'fauske.hr'");

  RunResult changed = run({"user", "passwd", "Fauske.HR"}, "et helt nytt passord\n");
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  const auto after = query("SELECT password_hash FROM users WHERE username = 'fauske.hr'");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_NE(after, before);
  EXPECT_EQ(after[0].rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(sessions_of("fauske.hr"), 0u);
  EXPECT_EQ(sessions_of("saltdal.hr"), 2u);

  EXPECT_EQ(run({"user", "passwd", "fauske.hr"}, "kort\n").exit_code, 1);
  EXPECT_EQ(query("SELECT password_hash FROM users WHERE username = 'fauske.hr'"), after);
  EXPECT_EQ(run({"user", "passwd", "nobody"}, "et helt nytt passord\n").exit_code, 3);
}

TEST_F(UserCliTest, DisableEndsSessionsAndEnableUndoesIt) {
  ASSERT_EQ(add_hr().exit_code, 0);
  log_in_twice("fauske.hr");
  ASSERT_EQ(run({"user", "disable", "fauske.hr"}).exit_code, 0);
  EXPECT_EQ(users()[0]["disabled"], true);
  EXPECT_EQ(sessions_of("fauske.hr"), 0u);
  EXPECT_NE(run({"user", "list"}).out.find("sperret"), std::string::npos);
  ASSERT_EQ(run({"user", "enable", "fauske.hr"}).exit_code, 0);
  EXPECT_EQ(users()[0]["disabled"], false);
  EXPECT_EQ(run({"user", "disable", "nobody"}).exit_code, 3);
}

TEST_F(UserCliTest, ChangesAreInTheAuditTrailWithoutSecrets) {
  ASSERT_EQ(add_hr().exit_code, 0);
  ASSERT_EQ(run({"user", "passwd", "fauske.hr"}, "et helt nytt passord\n").exit_code, 0);
  ASSERT_EQ(run({"user", "disable", "fauske.hr"}).exit_code, 0);
  ASSERT_EQ(run({"user", "enable", "fauske.hr"}).exit_code, 0);
  // A refused add is not a change, and is not logged.
  ASSERT_EQ(add_hr().exit_code, 4);

  const nlohmann::json entries = audit();
  ASSERT_EQ(entries.size(), 4u) << entries.dump(2);
  std::vector<std::string> actions;
  for (const auto& e : entries) {
    actions.push_back(e["action"]);
    EXPECT_EQ(e["username"], "cli");
    EXPECT_EQ(e["address"], "local");
    EXPECT_EQ(e["subject"], "fauske.hr");
    EXPECT_EQ(e["municipality"], "1841");
    EXPECT_EQ(e["outcome"], "success");
    EXPECT_TRUE(e["role"].is_null());
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"user_enable", "user_disable", "password_change",
                                               "user_add"}));
  EXPECT_EQ(entries[3]["detail"], (nlohmann::json{{"role", "hr"}}));
  const std::string everything =
      entries.dump() + run({"audit"}).out + run({"audit", "-f", "csv"}).out;
  EXPECT_EQ(everything.find(kPassword), std::string::npos);
  EXPECT_EQ(everything.find("et helt nytt passord"), std::string::npos);
  EXPECT_EQ(everything.find("argon2"), std::string::npos);
}

TEST_F(UserCliTest, AuditFiltersByDayUserActionAndLimit) {
  ASSERT_EQ(add_hr().exit_code, 0);
  ASSERT_EQ(run({"user", "disable", "fauske.hr"}).exit_code, 0);

  // The entries were written today (UTC); --from and --to are whole days.
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  auto norwegian = [](std::chrono::sys_days day) {
    const std::chrono::year_month_day date{day};
    char text[16];
    std::snprintf(text, sizeof text, "%02u.%02u.%04d", static_cast<unsigned>(date.day()),
                  static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
    return std::string{text};
  };
  const std::string yesterday = norwegian(today - std::chrono::days{1});
  const std::string tomorrow = norwegian(today + std::chrono::days{1});
  EXPECT_EQ(audit({"--from", norwegian(today), "--to", norwegian(today)}).size(), 2u);
  EXPECT_EQ(audit({"--to", yesterday}).size(), 0u);
  EXPECT_EQ(audit({"--from", tomorrow}).size(), 0u);
  EXPECT_EQ(audit({"--action", "user_add"}).size(), 1u);
  EXPECT_EQ(audit({"--user", "CLI"}).size(), 2u);
  EXPECT_EQ(audit({"--user", "fauske.hr"}).size(), 0u);  // the actor, not the subject
  const nlohmann::json newest = audit({"--limit", "1"});
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(newest[0]["action"], "user_disable");

  EXPECT_EQ(run({"audit", "--from", "31.02.2025"}).exit_code, 1);
  EXPECT_EQ(run({"audit", "--limit", "0"}).exit_code, 2);
  EXPECT_NE(run({"audit", "--action", "export"}).out.find("Ingen."), std::string::npos);
}

// On a terminal the password is asked for twice, and the terminal does not echo it.
TEST_F(UserCliTest, OnATerminalAsksTwiceWithoutEcho) {
  auto typed = [&](const std::string& first, const std::string& second) {
    int terminal = -1;
    int child_side = -1;
    EXPECT_EQ(::openpty(&terminal, &child_side, nullptr, nullptr, nullptr), 0);
    const int saved = ::dup(0);
    ::dup2(child_side, 0);
    const pid_t pid =
        testing_support::spawn_kompetent({"user", "add", "fauske.hr", "--role", "hr", "-m", "1841",
                                          "--db", (dir_ / "users.db").string()},
                                         dir_);
    ::dup2(saved, 0);
    ::close(saved);
    ::close(child_side);

    // Type each line only once its prompt is on stderr, as a person would:
    // the echo is switched off before the prompt is shown.
    auto wait_for = [&](const std::string& prompt_part, std::size_t count) {
      for (int i = 0; i < 1000; ++i) {
        const std::string err = testing_support::slurp(dir_ / "stderr.txt");
        std::size_t found = 0;
        for (std::size_t at = err.find(prompt_part); at != std::string::npos;
             at = err.find(prompt_part, at + 1)) {
          ++found;
        }
        if (found >= count) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds{10});
      }
      return false;
    };
    EXPECT_TRUE(wait_for("passord", 1));
    (void)!::write(terminal, (first + "\n").data(), first.size() + 1);
    EXPECT_TRUE(wait_for("passord", 2));
    (void)!::write(terminal, (second + "\n").data(), second.size() + 1);

    int status = 0;
    for (int i = 0; i < 1000 && ::waitpid(pid, &status, WNOHANG) == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds{10});
    }
    if (::waitpid(pid, &status, WNOHANG) == 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      ADD_FAILURE() << "kompetent did not finish";
    }
    // What the terminal showed: nothing of the password.
    ::fcntl(terminal, F_SETFL, O_NONBLOCK);
    std::string shown;
    char buffer[256];
    for (ssize_t n; (n = ::read(terminal, buffer, sizeof buffer)) > 0;) shown.append(buffer, n);
    ::close(terminal);
    EXPECT_EQ(shown.find(first), std::string::npos) << shown;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };

  EXPECT_EQ(typed("et langt passord 1", "et langt passord 2"), 1);
  EXPECT_NE(testing_support::slurp(dir_ / "stderr.txt").find("ikke like"), std::string::npos);
  EXPECT_TRUE(users().empty());
  EXPECT_EQ(typed(kPassword, kPassword), 0);
  EXPECT_EQ(users().size(), 1u);
}

TEST_F(UserCliTest, HelpListsTheSubcommands) {
  RunResult top = run({"--help"});
  EXPECT_NE(top.out.find("user"), std::string::npos);
  EXPECT_NE(top.out.find("audit"), std::string::npos);
  RunResult user = run({"user", "--help"});
  EXPECT_EQ(user.exit_code, 0);
  for (const char* sub : {"add", "passwd", "disable", "enable", "list"}) {
    EXPECT_NE(user.out.find(sub), std::string::npos) << sub;
  }
  EXPECT_EQ(run({"audit", "--help"}).exit_code, 0);
}

}  // namespace
}  // namespace kompetent
