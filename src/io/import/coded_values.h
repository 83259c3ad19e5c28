// The words HR exports use for coded values (kjønn, ansettelsesform,
// utdanningsnivå, ja/nei) and what they mean. Matching ignores case and
// surrounding space. See docs/import-format.md for the full lists.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/calendar/date.h"
#include "core/workforce/education_level.h"
#include "core/workforce/position_record.h"

namespace kompetent::io {

// "K", "Kvinne", "F" → female; "M", "Mann" → male; "A", "Annet" → other;
// "U", "Ukjent", "" → unknown; anything else nullopt.
[[nodiscard]] std::optional<Gender> parse_gender(std::string_view text);
// "" and "Fast" → permanent; "Midlertidig", "Vikar", "Engasjement" → temporary.
[[nodiscard]] std::optional<EmploymentType> parse_employment_type(std::string_view text);
// "Ufaglært", "Fagbrev", "Fagskole", "Bachelor", "Master", … (and "" → unknown).
[[nodiscard]] std::optional<EducationLevel> parse_education_level(std::string_view text);
// "Ja", "J", "1", "X", "Sann", "TRUE" → true; "Nei", "N", "0", "", "FALSE" → false.
[[nodiscard]] std::optional<bool> parse_yes_no(std::string_view text);
// A date as "dd.mm.yyyy", "d.m.yyyy" or ISO "yyyy-mm-dd" (what the XLSX reader gives).
[[nodiscard]] std::optional<Date> parse_cell_date(std::string_view text);
// "Legemiddelhåndtering (31.12.2026) | Førstehjelp": names with optional expiry
// dates. nullopt if an expiry is not a date.
[[nodiscard]] std::optional<std::vector<Certification>> parse_certifications(std::string_view text);

}  // namespace kompetent::io
