// Reads the population tables shipped in data/reference/ and projects them
// (core/forecast/population_projection.h): what the recruitment forecast and
// the CLI call to get population by age to 2050.
//
//   auto inputs = load_population_inputs(data_dir);      // once: reads ~11 MB, ~0.3 s
//   auto main = forecast::project_population(*inputs, numbers, PopulationAlternative::main, 2050);
//
// Reading the files is the slow part; projecting all 357 municipalities takes a
// few milliseconds. A caller that projects more than once (scenarios, the
// server) keeps the PopulationInputs and calls project_population itself.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/forecast/population_projection.h"
#include "core/result.h"

namespace kompetent::io {

// The file names under data_dir/reference/ (data/reference/PROVENANCE.md).
inline constexpr const char* kRegisteredPopulationFile =
    "folkemengde_kommune_ettarig_alder_2015_2026.csv";
inline constexpr const char* kMunicipalTotalsFile =
    "folkemengde_kommune_totalt_2000_2050_registrert_og_framskrevet_SSB2024_MMMM.csv";
inline constexpr const char* kCountyProjectionFile =
    "folkemengde_fylke_framskrevet_SSB14288_MMMM_LLML_HHMH_2024_2050.csv";
inline constexpr const char* kMunicipalitiesFile = "kommuner_2024_med_folkemengde.csv";

// Reads data_dir/municipality_numbers.csv and the four reference files, sets
// each municipality's county, and marks the years PROVENANCE.md §2 calls wrong
// (1508 Ålesund and 1580 Haram before 2024) as not usable for a base.
// Error::io("population_file_invalid", {file, row, column, code, value}) for
// the first problem of the first file that has one.
[[nodiscard]] Result<forecast::PopulationInputs> load_population_inputs(
    const std::filesystem::path& data_dir);

// load_population_inputs, then project_population with the default options.
[[nodiscard]] Result<std::vector<forecast::PopulationSeries>> load_projected_population(
    const std::filesystem::path& data_dir, std::span<const std::string> municipalities,
    forecast::PopulationAlternative alternative, int last_year);

}  // namespace kompetent::io
