// Reads back the ISO UTC timestamps the stores write with to_iso_utc()
// (core/clock.h), e.g. "2025-12-31T23:59:07Z". Internal to store/sqlite.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace kompetent::store::sqlite {

// The instant `text` names, or nullopt unless it is exactly "YYYY-MM-DDTHH:MM:SSZ"
// with a valid date and time.
[[nodiscard]] inline std::optional<std::chrono::sys_seconds> parse_iso_utc(
    std::string_view text) noexcept {
  constexpr std::string_view kPattern = "0000-00-00T00:00:00Z";
  if (text.size() != kPattern.size()) return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool digit_expected = kPattern[i] == '0';
    const bool is_digit = text[i] >= '0' && text[i] <= '9';
    if (digit_expected ? !is_digit : text[i] != kPattern[i]) return std::nullopt;
  }
  auto number = [&](std::size_t at, std::size_t digits) {
    int value = 0;
    for (std::size_t i = at; i < at + digits; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  const std::chrono::year_month_day date{std::chrono::year{number(0, 4)},
                                         std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                         std::chrono::day{static_cast<unsigned>(number(8, 2))}};
  const int hours = number(11, 2);
  const int minutes = number(14, 2);
  const int seconds = number(17, 2);
  if (!date.ok() || hours > 23 || minutes > 59 || seconds > 59) return std::nullopt;
  return std::chrono::sys_days{date} + std::chrono::hours{hours} + std::chrono::minutes{minutes} +
         std::chrono::seconds{seconds};
}

}  // namespace kompetent::store::sqlite
