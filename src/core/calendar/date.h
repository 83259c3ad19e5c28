// Calendar dates without time zones (a snapshot is "per 31.12.2025", not an instant).
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace kompetent {

using Date = std::chrono::year_month_day;

[[nodiscard]] constexpr Date make_date(int year, unsigned month, unsigned day) noexcept {
  return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

[[nodiscard]] constexpr int year_of(const Date& date) noexcept {
  return static_cast<int>(date.year());
}

// ISO 8601, "2025-12-31": the form stored in the database and used in JSON.
[[nodiscard]] std::string to_iso(const Date& date);
// Parses "2025-12-31"; nullopt unless it is a valid calendar date in that exact form.
[[nodiscard]] std::optional<Date> parse_iso_date(std::string_view text);

// Norwegian form, "31.12.2025", as users read and write dates.
[[nodiscard]] std::string to_norwegian(const Date& date);
// Parses "31.12.2025" (also "1.2.2025"); nullopt unless a valid calendar date.
[[nodiscard]] std::optional<Date> parse_norwegian_date(std::string_view text);

// What a user types: "31.12.2025" or "2025-12-31".
[[nodiscard]] std::optional<Date> parse_user_date(std::string_view text);

}  // namespace kompetent
