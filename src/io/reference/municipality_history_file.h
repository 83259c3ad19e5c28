// Reads data/municipality_numbers.csv, the table of retired municipality
// numbers (kommunenummer;navn;gyldig_fra;gyldig_til;erstattet_av;merknad), into
// a MunicipalityHistory. Sources: data/reference/PROVENANCE.md.
#pragma once

#include <filesystem>
#include <vector>

#include "core/org/municipality.h"
#include "core/org/municipality_history.h"
#include "io/reference/reference_files.h"

namespace kompetent::io {

// `erstattet_av` lists successors separated by '|'; each must be in `current`
// or itself a retired number in the file. `gyldig_fra` may be empty. Problems
// come back with row and column (invalid_value, missing_value, duplicate_value,
// conflicting_value for a retired number that is also current,
// unknown_municipality for a successor nobody knows); the value then holds the
// rows that were readable, so a caller that ignores errors still gets answers
// for them.
[[nodiscard]] Loaded<MunicipalityHistory> load_municipality_history(
    const std::filesystem::path& path, const std::vector<Municipality>& current);

}  // namespace kompetent::io
