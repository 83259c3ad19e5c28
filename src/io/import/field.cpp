#include "io/import/field.h"

namespace kompetent::io {
namespace {

// Position code and title are each optional, but one of them is needed: that
// rule lives in column_map.cpp, not here.
constexpr std::array<FieldInfo, kFieldCount> kFields{{
    {Field::employee_id, "employee_id", "Ansattnummer", true},
    {Field::position_number, "position_number", "Arbeidsforhold", false},
    {Field::unit, "unit", "Enhet", true},
    {Field::position_code, "position_code", "Stillingskode", false},
    {Field::position_title, "position_title", "Stillingstittel", false},
    {Field::position_percent, "position_percent", "Stillingsprosent", true},
    {Field::birth_year, "birth_year", "Fødselsår", true},
    {Field::gender, "gender", "Kjønn", true},
    {Field::start_date, "start_date", "Ansatt dato", false},
    {Field::employment_type, "employment_type", "Ansettelsesform", false},
    {Field::education_level, "education_level", "Utdanningsnivå", false},
    {Field::relevant_education, "relevant_education", "Relevant utdanning", false},
    {Field::further_education_credits, "further_education_credits", "Videreutdanning studiepoeng",
     false},
    {Field::certifications, "certifications", "Sertifiseringer", false},
}};

}  // namespace

const std::array<FieldInfo, kFieldCount>& all_fields() noexcept { return kFields; }

const FieldInfo& field_info(Field field) noexcept {
  return kFields[static_cast<std::size_t>(field)];
}

std::optional<Field> field_from_key(std::string_view key) noexcept {
  for (const FieldInfo& info : kFields) {
    if (info.key == key) return info.field;
  }
  return std::nullopt;
}

}  // namespace kompetent::io
