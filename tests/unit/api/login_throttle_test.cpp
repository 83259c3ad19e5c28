// Password guessing is slowed per account (5 failures in 15 minutes) and per
// address (20). The throttle takes the instant as an argument, so each test
// walks a fixed sequence of instants and every wait is worked out by hand:
// free again when the oldest failure that still counts is 15 minutes old.
#include "api/login_throttle.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>

namespace kompetent::api {
namespace {

using namespace std::chrono_literals;
using std::chrono::seconds;

// 1 March 2025, 08:00:00 UTC: the first failure of every test.
const LoginThrottle::Instant kT0 =
    std::chrono::sys_days{std::chrono::year{2025} / std::chrono::March / 1} + 8h;

LoginThrottle::Instant at(seconds offset) { return kT0 + offset; }

TEST(LoginThrottle, FreshAccountAndAddressMayTry) {
  LoginThrottle throttle;
  EXPECT_EQ(throttle.wait_before("kari", "10.0.0.1", kT0), std::nullopt);
}

TEST(LoginThrottle, FiveAccountFailuresIn15MinutesMeanWait) {
  LoginThrottle throttle;
  // Failures at 08:00, 08:01, 08:02, 08:03.
  for (int minute = 0; minute < 4; ++minute) {
    throttle.record_failure("kari", "10.0.0.1", at(std::chrono::minutes{minute}));
    EXPECT_EQ(throttle.wait_before("kari", "10.0.0.1", at(std::chrono::minutes{minute})),
              std::nullopt)
        << "after " << minute + 1 << " failures";
  }
  // The fifth at 08:04: locked until the first (08:00) is 15 minutes old, 08:15.
  throttle.record_failure("kari", "10.0.0.1", at(4min));
  EXPECT_EQ(throttle.wait_before("kari", "10.0.0.1", at(4min)), seconds{11 * 60});
  // From another address too: the limit is on the account.
  EXPECT_EQ(throttle.wait_before("kari", "192.0.2.7", at(4min)), seconds{11 * 60});
  // Another account from the same address is not affected (5 of 20).
  EXPECT_EQ(throttle.wait_before("ola", "10.0.0.1", at(4min)), std::nullopt);
}

TEST(LoginThrottle, TheWaitShrinksAsFailuresAge) {
  LoginThrottle throttle;
  for (int minute = 0; minute < 5; ++minute) {
    throttle.record_failure("kari", "10.0.0.1", at(std::chrono::minutes{minute}));
  }
  struct Step {
    seconds now;
    std::optional<seconds> wait;
  };
  const Step steps[] = {
      {4min, 660s},           // 08:04 → 08:15
      {10min, 300s},          // 08:10
      {14min + 59s, 1s},      // 08:14:59
      {15min, std::nullopt},  // 08:15: the 08:00 failure has aged out, 4 remain
      {15min, std::nullopt},  // asking again changes nothing
  };
  for (const Step& step : steps) {
    EXPECT_EQ(throttle.wait_before("kari", "10.0.0.1", at(step.now)), step.wait)
        << "at +" << step.now.count() << " s";
  }
  // One more failure at 08:15 makes 5 again (08:01 … 08:04, 08:15): wait for
  // 08:01 to age out at 08:16.
  throttle.record_failure("kari", "10.0.0.1", at(15min));
  EXPECT_EQ(throttle.wait_before("kari", "10.0.0.1", at(15min)), 60s);
  EXPECT_EQ(throttle.wait_before("kari", "10.0.0.1", at(16min)), std::nullopt);
}

TEST(LoginThrottle, FailuresSpreadOverMoreThanTheWindowNeverLock) {
  LoginThrottle throttle;
  // One failure every 4 minutes: at most 4 of them within any 15 minutes.
  for (int i = 0; i < 10; ++i) {
    const auto now = at(std::chrono::minutes{4 * i});
    EXPECT_EQ(throttle.wait_before("kari", "10.0.0.1", now), std::nullopt) << "failure " << i;
    throttle.record_failure("kari", "10.0.0.1", now);
  }
}

TEST(LoginThrottle, SuccessClearsTheAccount) {
  LoginThrottle throttle;
  for (int minute = 0; minute < 5; ++minute) {
    throttle.record_failure("kari", "10.0.0.1", at(std::chrono::minutes{minute}));
  }
  ASSERT_NE(throttle.wait_before("kari", "10.0.0.1", at(5min)), std::nullopt);
  throttle.record_success("kari");
  EXPECT_EQ(throttle.wait_before("kari", "10.0.0.1", at(5min)), std::nullopt);
  // Cleared, not shortened: four new failures still leave one attempt.
  for (int second = 0; second < 4; ++second) {
    throttle.record_failure("kari", "10.0.0.1", at(5min + seconds{second}));
  }
  EXPECT_EQ(throttle.wait_before("kari", "10.0.0.1", at(6min)), std::nullopt);
}

TEST(LoginThrottle, TwentyFailuresFromOneAddressMeanWait) {
  LoginThrottle throttle;
  // Twenty accounts, one failure each, 30 s apart from 08:00 to 08:09:30: no
  // account is near its limit, the address reaches 20.
  for (int i = 0; i < 20; ++i) {
    const std::string account = "user" + std::to_string(i);
    const auto now = at(seconds{30 * i});
    EXPECT_EQ(throttle.wait_before(account, "10.0.0.1", now), std::nullopt) << "failure " << i;
    throttle.record_failure(account, "10.0.0.1", now);
  }
  // Free when the 08:00 failure is 15 minutes old: at 08:10, 5 minutes more.
  EXPECT_EQ(throttle.wait_before("someone-else", "10.0.0.1", at(10min)), 300s);
  // A success clears its account, not the address.
  throttle.record_success("user0");
  EXPECT_EQ(throttle.wait_before("user0", "10.0.0.1", at(10min)), 300s);
  // The same accounts from another address may try.
  EXPECT_EQ(throttle.wait_before("user0", "192.0.2.7", at(10min)), std::nullopt);
  // At 08:15 the first has aged out; at 08:15:30 the second has too.
  EXPECT_EQ(throttle.wait_before("someone-else", "10.0.0.1", at(15min)), std::nullopt);
  throttle.record_failure("user20", "10.0.0.1", at(15min));
  EXPECT_EQ(throttle.wait_before("someone-else", "10.0.0.1", at(15min)), 30s);
}

TEST(LoginThrottle, TheLongerOfTheTwoWaitsApplies) {
  // Small limits so both can be reached in a few steps.
  LoginThrottle throttle(ThrottleLimits{.per_account = 2, .per_address = 3, .window = 60s});
  throttle.record_failure("b", "10.0.0.1", at(0s));
  throttle.record_failure("a", "10.0.0.1", at(10s));
  throttle.record_failure("a", "10.0.0.1", at(20s));
  // Account a: failures at 10 and 20, free at 70. Address: 0, 10, 20, free at 60.
  EXPECT_EQ(throttle.wait_before("a", "10.0.0.1", at(30s)), 40s);
  EXPECT_EQ(throttle.wait_before("c", "10.0.0.1", at(30s)), 30s);
  EXPECT_EQ(throttle.wait_before("a", "192.0.2.7", at(30s)), 40s);
  EXPECT_EQ(throttle.wait_before("b", "192.0.2.7", at(30s)), std::nullopt);
  EXPECT_EQ(throttle.wait_before("a", "10.0.0.1", at(60s)), 10s);  // the address is free, a is not
  EXPECT_EQ(throttle.wait_before("a", "10.0.0.1", at(70s)), std::nullopt);
}

TEST(LoginThrottle, FailuresWhileLockedKeepOnlyTheNewestThatCount) {
  LoginThrottle throttle;
  // Seven failures at 08:00 … 08:06; the two oldest no longer decide.
  for (int minute = 0; minute < 7; ++minute) {
    throttle.record_failure("kari", "10.0.0.1", at(std::chrono::minutes{minute}));
  }
  // The fifth newest is 08:02: free at 08:17.
  EXPECT_EQ(throttle.wait_before("kari", "10.0.0.1", at(6min)), 11min);
  EXPECT_EQ(throttle.wait_before("kari", "10.0.0.1", at(17min)), std::nullopt);
}

}  // namespace
}  // namespace kompetent::api
