#include "core/demo/apportion.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace kompetent::demo {

std::vector<int> apportion(int total, std::span<const int> weights) {
  std::vector<int> parts(weights.size(), 0);
  if (weights.empty() || total <= 0) return parts;
  std::vector<std::int64_t> effective(weights.begin(), weights.end());
  std::int64_t sum = std::accumulate(effective.begin(), effective.end(), std::int64_t{0});
  if (sum == 0) {
    std::fill(effective.begin(), effective.end(), 1);
    sum = static_cast<std::int64_t>(effective.size());
  }
  std::vector<std::int64_t> remainders(weights.size());
  int assigned = 0;
  for (std::size_t i = 0; i < effective.size(); ++i) {
    const std::int64_t exact = effective[i] * total;  // part i is exact / sum
    parts[i] = static_cast<int>(exact / sum);
    remainders[i] = exact % sum;
    assigned += parts[i];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; assigned < total; ++k, ++assigned) ++parts[order[k % order.size()]];
  return parts;
}

}  // namespace kompetent::demo
