// One position held by one employee on the snapshot date: a row of the HR
// export after validation. Every field of MISSION §1. An employee with two
// positions (two arbeidsforhold) has two records with the same employee_id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar/date.h"
#include "core/workforce/education_level.h"

namespace kompetent {

// Position size in hundredths of a percent: 10000 is a full-time position,
// 7550 is 75,5 %. Integer so sums of årsverk are exact.
struct PositionPercent {
  std::int32_t hundredths = 0;
  static constexpr std::int32_t kFullTime = 10000;
  [[nodiscard]] constexpr double percent() const noexcept { return hundredths / 100.0; }
  [[nodiscard]] constexpr double fte() const noexcept { return hundredths / 10000.0; }
  auto operator<=>(const PositionPercent&) const = default;
};

enum class Gender { female, male, other, unknown };
enum class EmploymentType { permanent, temporary };

struct Certification {
  std::string name;               // e.g. "Legemiddelhåndtering"
  std::optional<Date> expires;    // none: does not expire
  bool operator==(const Certification&) const = default;
};

struct PositionRecord {
  std::string employee_id;        // pseudonymous id from the HR system, never a fødselsnummer
  std::string position_number;    // arbeidsforhold/stillingsnummer; empty when one position each
  std::string unit_code;          // code of a unit in the municipality's OrgTree
  std::string position_code;      // KS stillingskode as exported; may be empty if mapped by title
  std::string position_title;     // stillingstittel as exported
  std::string category;           // PositionCategory::key
  PositionPercent percent;
  int birth_year = 0;
  Gender gender = Gender::unknown;
  std::optional<Date> start_date;
  EmploymentType employment = EmploymentType::permanent;
  EducationLevel education = EducationLevel::unknown;
  bool relevant_education = false;
  int further_education_credits = 0;  // studiepoeng of further education; 0 = none
  std::vector<Certification> certifications;
  bool operator==(const PositionRecord&) const = default;
};

[[nodiscard]] std::string_view to_key(Gender gender) noexcept;          // "female", "male", ...
[[nodiscard]] std::optional<Gender> gender_from_key(std::string_view key) noexcept;
[[nodiscard]] std::string_view to_key(EmploymentType type) noexcept;    // "permanent", "temporary"
[[nodiscard]] std::optional<EmploymentType> employment_type_from_key(std::string_view key) noexcept;

}  // namespace kompetent
