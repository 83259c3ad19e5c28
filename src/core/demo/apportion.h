// Largest-remainder apportionment: splitting a whole number of positions into
// parts proportional to weights so that the parts sum exactly to the total.
#pragma once

#include <span>
#include <vector>

namespace kompetent::demo {

// Parts of `total` proportional to `weights` (non-negative), summing exactly to
// `total`. Remainders are handed out largest first, ties to the lower index, so
// the result depends on the inputs only. All-zero weights count as equal.
[[nodiscard]] std::vector<int> apportion(int total, std::span<const int> weights);

}  // namespace kompetent::demo
