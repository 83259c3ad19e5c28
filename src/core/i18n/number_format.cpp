#include "core/i18n/number_format.h"

#include <cmath>
#include <cstdio>

namespace kompetent {
namespace {

std::string group_thousands(std::string digits, char separator) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(digits[i]);
    const std::size_t left = n - i - 1;
    if (left > 0 && left % 3 == 0) out.push_back(separator);
  }
  return out;
}

}  // namespace

Language language_from_tag(std::string_view tag) noexcept {
  return tag.substr(0, 2) == "en" ? Language::en : Language::nb;
}

std::string format_decimal(double value, int decimals, Language language) {
  if (!std::isfinite(value)) return "–";
  const double scale = std::pow(10.0, decimals);
  // Round half away from zero on the scaled value, as people round by hand.
  const double scaled = std::round(std::fabs(value) * scale);
  const bool negative = value < 0 && scaled != 0;
  const auto whole = static_cast<long long>(std::floor(scaled / scale));
  const auto fraction = static_cast<long long>(scaled - static_cast<double>(whole) * scale);
  std::string out = negative ? "-" : "";
  out += group_thousands(std::to_string(whole), language == Language::nb ? ' ' : ',');
  if (decimals > 0) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%0*lld", decimals, fraction);
    out += language == Language::nb ? ',' : '.';
    out += buffer;
  }
  return out;
}

std::string format_integer(std::int64_t value, Language language) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  return (value < 0 ? "-" : "") + group_thousands(digits, language == Language::nb ? ' ' : ',');
}

std::string format_percent(double share, Language language) {
  return format_decimal(share * 100.0, 1, language) + (language == Language::nb ? " %" : "%");
}

}  // namespace kompetent
