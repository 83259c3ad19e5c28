// Municipalities and regions. A municipality's identity is its four-digit
// kommunenummer *and* the period the number was valid: numbers changed in 2020
// and 2024 (e.g. Kvænangen 1943 → 5429 → 5546), so "5546" alone is ambiguous
// across history. Reference data lives in data/municipalities.csv.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kompetent {

// A kommunenummer: exactly four digits, kept as text so "0301" keeps its zero.
struct MunicipalityNumber {
  std::string digits;
  auto operator<=>(const MunicipalityNumber&) const = default;
};

// True for four ASCII digits.
[[nodiscard]] bool is_valid_municipality_number(std::string_view text) noexcept;

struct Municipality {
  MunicipalityNumber number;
  std::string name;                 // short name, e.g. "Kåfjord"
  std::string official_name;        // incl. Sami/Kven forms, e.g. "Gáivuotna - Kåfjord - Kaivuono"
  std::string county_number;        // two digits, 2024 structure
  int valid_from_year = 2024;       // first year this number was in use
  std::optional<int> valid_to_year; // last year, if the number has been retired
  std::vector<MunicipalityNumber> previous_numbers;  // the numbers this one replaced
  int population = 0;               // registered 1 January of the latest year we ship
  bool operator==(const Municipality&) const = default;
};

// A group of municipalities that plan together (a regional competence office,
// a regional council). Members are current numbers.
struct Region {
  std::string id;    // slug used on the command line, e.g. "salten"
  std::string name;  // e.g. "Salten"
  std::vector<MunicipalityNumber> members;
  bool operator==(const Region&) const = default;
};

}  // namespace kompetent
