// A forecast scenario's levers as one JSON object, the form of scenario files (`kompetent
// forecast --scenario`), saved scenarios and the API (docs/forecast.md, "Scenario files"):
//
//   {"turnover": 0.08, "turnover.sykepleier": 0.1, "population": "low",
//    "task_shift": ["helsefagarbeider:sykepleier:0.1"]}
//
// Keys are the lever names of set_lever(); a list gives the lever several times.
#pragma once

#include <nlohmann/json.hpp>

#include "core/forecast/scenario.h"
#include "core/result.h"

namespace kompetent::io {

// Applies every lever of `levers` to `scenario`, in order. invalid "invalid_scenario" when
// `levers` is not an object; otherwise set_lever's errors ("unknown_lever",
// "invalid_lever_value"). Does not validate ranges: that is validate()'s job.
[[nodiscard]] Status apply_levers(forecast::Scenario& scenario, const nlohmann::json& levers);

// Every lever of the scenario (levers_of): numbers as JSON numbers, the population as text,
// task shifts as a list. apply_levers on a default scenario gives the same scenario back.
[[nodiscard]] nlohmann::ordered_json levers_json(const forecast::Scenario& scenario);

}  // namespace kompetent::io
