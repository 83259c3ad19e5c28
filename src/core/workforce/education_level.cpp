#include "core/workforce/education_level.h"

#include <array>
#include <utility>

namespace kompetent {
namespace {
constexpr std::array<std::pair<EducationLevel, std::string_view>, 6> kKeys{{
    {EducationLevel::unknown, "unknown"},
    {EducationLevel::unskilled, "unskilled"},
    {EducationLevel::trade_certificate, "trade_certificate"},
    {EducationLevel::vocational_college, "vocational_college"},
    {EducationLevel::bachelor, "bachelor"},
    {EducationLevel::master_or_higher, "master_or_higher"},
}};
}  // namespace

std::string_view to_key(EducationLevel level) noexcept {
  for (const auto& [value, key] : kKeys) {
    if (value == level) return key;
  }
  return "unknown";
}

std::optional<EducationLevel> education_level_from_key(std::string_view key) noexcept {
  for (const auto& [value, k] : kKeys) {
    if (k == key) return value;
  }
  return std::nullopt;
}

}  // namespace kompetent
