// Readers for the forecast's shipped parameters (docs/forecast.md): the services with their
// age-band weights and the rules that put records in them (data/forecast/services.csv), and
// the age-specific exit rates (data/forecast/exit_rates.csv). All or nothing: a file with any
// problem gives every problem, with row and column, and no value to use.
#pragma once

#include <filesystem>

#include "core/forecast/exit_rates.h"
#include "core/forecast/service.h"
#include "core/workforce/position_category.h"
#include "io/reference/reference_files.h"

namespace kompetent::io {

// tjeneste;navn_nb;navn_en;aldersvekter;sektorer;kategorier;enhetsnavn — one rule per row, in
// order; the first row of a service gives its names and weights ("1-5:1,80-89:0,4"), later
// rows of the same service leave them empty (or repeat them). Lists are comma-separated;
// an empty list matches everything. Categories must exist in `categories`.
[[nodiscard]] Loaded<forecast::ServiceTable> load_forecast_services(const std::filesystem::path& path,
                                                                    const CategoryTable& categories);

// gruppe;fra_alder;til_alder;avgang_per_aar — gruppe is a category key or "pensjonsalder_NN".
// Rates are fractions (0,05) from 0 to 1; ages of one group may not overlap.
[[nodiscard]] Loaded<forecast::ExitRateTable> load_exit_rates(const std::filesystem::path& path,
                                                              const CategoryTable& categories);

}  // namespace kompetent::io
