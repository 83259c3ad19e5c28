// WorkforceIndicators and TurnoverIndicators as JSON: every figure with its
// exact count and total, so a reader can recompute each share. The keys are
// the indicator names of docs/indicators.md.
#pragma once

#include <nlohmann/json.hpp>

#include "core/indicators/workforce_indicators.h"

namespace kompetent::cli {

[[nodiscard]] nlohmann::ordered_json to_json(const WorkforceIndicators& indicators, int snapshot_year);
[[nodiscard]] nlohmann::ordered_json to_json(const TurnoverIndicators& turnover);
[[nodiscard]] nlohmann::ordered_json to_json(const Share& share);

}  // namespace kompetent::cli
