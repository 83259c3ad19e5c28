// The fields of a position record as they appear in an HR export, and their
// properties. The one table that ties import columns to PositionRecord.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace kompetent::io {

enum class Field {
  employee_id,
  position_number,
  unit,
  position_code,
  position_title,
  position_percent,
  birth_year,
  gender,
  start_date,
  employment_type,
  education_level,
  relevant_education,
  further_education_credits,
  certifications,
};

inline constexpr std::size_t kFieldCount = 14;

struct FieldInfo {
  Field field;
  std::string_view key;              // stable key used in profiles (JSON): "position_percent"
  std::string_view standard_header;  // the standard profile's header: "Stillingsprosent"
  bool required;                     // a file without it is refused (missing_column)
};

[[nodiscard]] const std::array<FieldInfo, kFieldCount>& all_fields() noexcept;
[[nodiscard]] const FieldInfo& field_info(Field field) noexcept;
[[nodiscard]] std::optional<Field> field_from_key(std::string_view key) noexcept;

}  // namespace kompetent::io
