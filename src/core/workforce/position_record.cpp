#include "core/workforce/position_record.h"

namespace kompetent {

std::string_view to_key(Gender gender) noexcept {
  switch (gender) {
    case Gender::female: return "female";
    case Gender::male: return "male";
    case Gender::other: return "other";
    case Gender::unknown: return "unknown";
  }
  return "unknown";
}

std::optional<Gender> gender_from_key(std::string_view key) noexcept {
  if (key == "female") return Gender::female;
  if (key == "male") return Gender::male;
  if (key == "other") return Gender::other;
  if (key == "unknown") return Gender::unknown;
  return std::nullopt;
}

std::string_view to_key(EmploymentType type) noexcept {
  return type == EmploymentType::permanent ? "permanent" : "temporary";
}

std::optional<EmploymentType> employment_type_from_key(std::string_view key) noexcept {
  if (key == "permanent") return EmploymentType::permanent;
  if (key == "temporary") return EmploymentType::temporary;
  return std::nullopt;
}

}  // namespace kompetent
