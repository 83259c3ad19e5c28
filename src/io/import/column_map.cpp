#include "io/import/column_map.h"

#include <algorithm>
#include <array>

#include "io/import/text_match.h"
#include "io/text/header_name.h"

namespace kompetent::io {
namespace {

// Normalised (normalize_header_name) names of columns that hold personal data we
// must not store. Privacy by design: refusing them is safer than ignoring them,
// because an ignored column still travels in files users pass around.
constexpr std::array<std::string_view, 23> kPersonalDataHeaders{
    "fodselsnummer", "fodselsnr", "personnummer", "personnr", "fnr",      "pnr",
    "navn",          "fornavn",   "etternavn",    "mellomnavn", "fullt navn", "ansattnavn",
    "adresse",       "postadresse", "bostedsadresse", "telefon", "telefonnummer", "mobil",
    "epost", "e-post", "fodselsdato", "kontonummer", "bankkonto"};

}  // namespace

bool is_personal_data_header(std::string_view header) {
  const std::string name = normalize_header_name(header);
  if (std::find(kPersonalDataHeaders.begin(), kPersonalDataHeaders.end(), name) !=
      kPersonalDataHeaders.end()) {
    return true;
  }
  // Longer headers that still say it, e.g. "Fødselsnummer (11 siffer)".
  return name.find("fodselsnummer") != std::string::npos ||
         name.find("personnummer") != std::string::npos;
}

ColumnMap map_columns(const TableRow& header, const ImportProfile& profile,
                      std::vector<ImportError>& errors) {
  ColumnMap map;
  map.headers = header.cells;

  // Normalised accepted names per field, looked up once.
  std::array<std::vector<std::string>, kFieldCount> accepted;
  for (const FieldInfo& info : all_fields()) {
    for (const std::string& h : profile.headers_of(info.field)) {
      accepted[static_cast<std::size_t>(info.field)].push_back(normalize_header_name(h));
    }
  }

  for (std::size_t column = 0; column < header.cells.size(); ++column) {
    const std::string& written = header.cells[column];
    const std::string name = normalize_header_name(written);
    if (name.empty()) {
      map.ignored.push_back(column);
      continue;
    }
    std::optional<Field> match;
    for (const FieldInfo& info : all_fields()) {
      const auto& names = accepted[static_cast<std::size_t>(info.field)];
      if (std::find(names.begin(), names.end(), name) != names.end()) {
        match = info.field;
        break;
      }
    }
    if (match) {
      auto& slot = map.column_of[static_cast<std::size_t>(*match)];
      if (slot) {
        errors.push_back({1, written, "duplicate_column", ""});
      } else {
        slot = column;
      }
    } else if (is_personal_data_header(written)) {
      map.refused.push_back(column);
      errors.push_back({1, written, "personal_data_column", ""});
    } else {
      map.ignored.push_back(column);
    }
  }

  for (const FieldInfo& info : all_fields()) {
    if (info.required && !map.column(info.field)) {
      errors.push_back({1, std::string(info.standard_header), "missing_column", ""});
    }
  }
  if (!map.column(Field::position_code) && !map.column(Field::position_title)) {
    errors.push_back(
        {1, std::string(field_info(Field::position_code).standard_header), "missing_column", ""});
  }
  return map;
}

}  // namespace kompetent::io
