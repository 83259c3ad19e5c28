// Readers for the population tables we ship (data/reference/PROVENANCE.md §2,
// §4, §5): registered population by single-year age, SSB's projected municipal
// totals, and SSB's county projection under its three alternatives. Each reads
// its file once, row by row, and is all-or-nothing: when anything is wrong the
// value is empty and `errors` lists every problem found (row, column, code,
// value), the way an import reports (docs/import-format.md).
//
// Old municipality numbers are mapped to current ones through `history`
// (data/municipality_numbers.csv): rows of municipalities that merged are added
// together; a number that was split ("split_municipality") or that nobody knows
// ("unknown_municipality") is an error naming its row and value.
#pragma once

#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "core/forecast/population_projection.h"
#include "core/org/municipality_history.h"
#include "io/reference/reference_files.h"

namespace kompetent::io {

// folkemengde_kommune_ettarig_alder_*.csv: kommunenummer;aar;alder;kvinner;menn;i_alt
// (any order, other columns ignored). `alder` 0..105, 105 meaning 105 or older.
// Persons are `i_alt`, women `kvinner`. Every municipality must have every age
// of every year from the file's first year to its last: a gap is "missing_year"
// (column aar, value "5546 2019") or "missing_age" (column alder, value
// "5546 2019 37"), reported at row 0. `county` and `first_reliable_year` are
// left for the caller (0 and first_year). Result sorted by municipality.
[[nodiscard]] Loaded<std::vector<forecast::RegisteredPopulation>> read_registered_population(
    const std::filesystem::path& path, const MunicipalityHistory& history);

// folkemengde_kommune_totalt_*.csv: kommunenummer;aar;folkemengde (kommunenavn
// and type are ignored). Each municipality's years must run without a gap.
[[nodiscard]] Loaded<std::map<std::string, forecast::YearlyTotals>> read_municipal_totals(
    const std::filesystem::path& path, const MunicipalityHistory& history);

struct CountyName {
  std::string number;  // "55"
  std::string name;    // as the municipality table writes it, e.g. "Troms-Romssa"
};

// The distinct fylkesnummer;fylkesnavn pairs of kommuner_2024_med_folkemengde.csv.
[[nodiscard]] Loaded<std::vector<CountyName>> read_county_names(const std::filesystem::path& path);

// The county projection as SSB's table service exports it wide and
// comma-separated: "Tid" and one column per county × alternative, named
// "<county>_<label> (MMMM|LLML|HHMH)". A county is recognised by its Norwegian
// name, the part before the first '-' ("Troms - Romsa - Tromssa" and
// "Troms-Romssa" are both Troms), so the differing Sami spellings of the two
// sources do not matter. Errors: "unknown_county" and "invalid_value" (no known
// alternative code) on the header row; "missing_column" when a county lacks an
// alternative; "missing_year" for a gap in Tid.
[[nodiscard]] Loaded<std::map<std::string, forecast::CountyProjection>> read_county_projection(
    const std::filesystem::path& path, std::span<const CountyName> counties);

}  // namespace kompetent::io
