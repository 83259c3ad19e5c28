// The figures of a forecast year (ForecastFigures), each by name, in the order the outputs show
// them. This list is the one place to add a figure: the API's JSON (and `kompetent forecast
// --format json`), the XLSX/CSV export and the CLI's CSV all loop over it, so a figure added here
// reaches each of them under the same name, and none can be forgotten or misspelt in one of them.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "core/forecast/workforce_forecast.h"

namespace kompetent::forecast {

// One figure: its name (the JSON key, the export's column key, the CSV header) and its reader.
struct FigureField {
  std::string_view name;
  double (*value)(const ForecastFigures&) noexcept;
};

// clang-format off
inline constexpr std::array kForecastFigureFields{
    FigureField{"demand_fte",          [](const ForecastFigures& f) noexcept { return f.demand_fte; }},
    FigureField{"supply_fte",          [](const ForecastFigures& f) noexcept { return f.supply_fte; }},
    FigureField{"gap_fte",             [](const ForecastFigures& f) noexcept { return f.gap_fte; }},
    FigureField{"need_fte",            [](const ForecastFigures& f) noexcept { return f.need_fte; }},
    FigureField{"need_contracted_fte", [](const ForecastFigures& f) noexcept { return f.need_contracted_fte; }},
    FigureField{"need_persons",        [](const ForecastFigures& f) noexcept { return f.need_persons; }},
    FigureField{"staff_persons",       [](const ForecastFigures& f) noexcept { return f.staff_persons; }},
    FigureField{"retirements",         [](const ForecastFigures& f) noexcept { return f.decomposition.retirements; }},
    FigureField{"turnover",            [](const ForecastFigures& f) noexcept { return f.decomposition.turnover; }},
    FigureField{"demand_growth",       [](const ForecastFigures& f) noexcept { return f.decomposition.demand_growth; }},
    FigureField{"demand_levers",       [](const ForecastFigures& f) noexcept { return f.decomposition.demand_levers; }},
    FigureField{"supply_levers",       [](const ForecastFigures& f) noexcept { return f.decomposition.supply_levers; }},
    FigureField{"surplus",             [](const ForecastFigures& f) noexcept { return f.decomposition.surplus; }},
};
// clang-format on

// The position of the figure named `name` in kForecastFigureFields. Evaluated while compiling, so
// a name that is not in the list fails the build instead of reading the wrong figure.
consteval std::size_t figure_index(std::string_view name) {
  for (std::size_t i = 0; i < kForecastFigureFields.size(); ++i) {
    if (kForecastFigureFields[i].name == name) return i;
  }
  throw "not a forecast figure";  // reached only for a wrong name: not a constant expression
}

}  // namespace kompetent::forecast
