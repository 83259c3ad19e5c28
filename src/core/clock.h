// The clock, passed in rather than read globally (STYLE.md: no global state), so
// a test can pin "now" and every stored timestamp is reproducible.
//
//   SystemClock clock;                       // cli/main.cpp
//   FixedClock clock{sys_days{2025y/12/31}};  // tests
//   std::string stamp = to_iso_utc(clock.now_utc());  // "2025-12-31T00:00:00Z"
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace kompetent {

class Clock {
 public:
  virtual ~Clock() = default;
  // The current instant in UTC, to whole seconds.
  [[nodiscard]] virtual std::chrono::sys_seconds now_utc() const = 0;
};

class SystemClock final : public Clock {
 public:
  [[nodiscard]] std::chrono::sys_seconds now_utc() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

// Always answers the instant it was given.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::chrono::sys_seconds instant) : instant_(instant) {}
  [[nodiscard]] std::chrono::sys_seconds now_utc() const override { return instant_; }

 private:
  std::chrono::sys_seconds instant_;
};

// ISO 8601 in UTC with a "Z", e.g. "2025-12-31T23:59:07Z": the form stored and sent in JSON.
[[nodiscard]] inline std::string to_iso_utc(std::chrono::sys_seconds instant) {
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{instant - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return buffer;
}

}  // namespace kompetent
