// Reads SSB's own municipality × age population table (14288, 14746; also
// 07459 for registered years) as a user downloads it from the statistics bank
// (PxWeb "Lagre som": CSV with ';' or ',', or XLSX) or from PxWebApi's CSV
// output. An imported table supersedes kompetent's own estimate
// (docs/population-projection.md, "Importing SSB's table").
//
// What it accepts:
// - Title lines before the header: the header is the first row (of the first
//   20) with a cell named "region".
// - Columns by name, any order: region, alder (required); kjønn (summed);
//   statistikkvariabel or ContentsCode_tekst (the alternative, by its code in
//   parentheses: "Hovedalternativet (MMMM)"); år or Tid (the year). The other
//   columns hold the counts: one column (e.g. "14288: Framskrevet folkemengde…",
//   or "verdi"/"value" if present) when there is a year column, else one per
//   year, named with the year ("Personer 2030", "Hovedalternativet (MMMM) 2030").
// - Region "5546 Kvænangen", "K-5546 Kvænangen" or "5546"; age "0 år", "000",
//   "105 år eller eldre". Counts are digits (spaces between thousands allowed).
//
// Errors (row, column as written, code, value); all-or-nothing like the readers
// in population_files.h: missing_column; invalid_value (a region that is not a
// municipality, an age that is not 0–105, a count column without a year);
// unknown_municipality / split_municipality; invalid_number (text in a count);
// missing_value (SSB's "..", ".", ":" or "-": SSB has no number there);
// duplicate_value; missing_year ("5546 2031", row 0) and missing_age
// ("5546 2031 90", row 0); missing_alternative (no rows of the one asked for).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/forecast/population_series.h"
#include "core/org/municipality_history.h"
#include "io/reference/reference_files.h"

namespace kompetent::io {

// One series per municipality (current numbers, sorted), persons of all sexes,
// for `alternative` (rows of other alternatives are skipped; a table without
// alternatives is taken as it is). The table's first year is SSB's registered
// starting point: last_registered_year == first_year.
[[nodiscard]] Loaded<std::vector<forecast::PopulationSeries>> read_ssb_population_table(
    const std::filesystem::path& path, const MunicipalityHistory& history,
    forecast::PopulationAlternative alternative);

// Which SSB table the file is: "14288" or "14746" when a cell of its first 20
// rows (the title or a column name, e.g. "14288: Framskrevet folkemengde")
// names it, else "" (a table whose columns carry no number, or a file that
// cannot be read: read_ssb_population_table reports that). For the record
// kept with an import; the reading itself does not depend on it.
[[nodiscard]] std::string ssb_table_id(const std::filesystem::path& path);

}  // namespace kompetent::io
