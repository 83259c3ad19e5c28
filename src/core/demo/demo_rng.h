// The demo generator's own random numbers: xoshiro256** seeded through
// splitmix64, and the few draws built on it. std::uniform_*_distribution is
// not used because its output differs between standard libraries, and the
// demo must be byte-identical for the same seed on every machine. Only integer
// arithmetic is used for the same reason (no libm).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace kompetent::demo {

// Advances `state` by one splitmix64 step and returns the output.
[[nodiscard]] std::uint64_t splitmix64(std::uint64_t& state) noexcept;

// The seed of one named stream ("nord-troms", "turnover/1804") derived from the
// demo seed, so the draws of one municipality do not depend on how many draws
// another made before it.
[[nodiscard]] std::uint64_t stream_seed(std::uint64_t seed, std::string_view name) noexcept;

class DemoRng {
 public:
  explicit DemoRng(std::uint64_t seed) noexcept;

  [[nodiscard]] std::uint64_t next() noexcept;
  // Uniform in [0, bound). Precondition: bound > 0. Rejection sampling, so no modulo bias.
  [[nodiscard]] std::uint64_t below(std::uint64_t bound) noexcept;
  // Uniform in [low, high]. Precondition: low <= high.
  [[nodiscard]] int between(int low, int high) noexcept;
  // True with probability per_mille / 1000.
  [[nodiscard]] bool chance(int per_mille) noexcept;
  // Index i with probability weights[i] / sum(weights). Precondition: weights
  // are non-negative and their sum is positive.
  [[nodiscard]] std::size_t pick(std::span<const int> weights) noexcept;

  // Fisher–Yates with below(), so the order is the same everywhere.
  template <class T>
  void shuffle(std::vector<T>& items) noexcept {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::size_t j = static_cast<std::size_t>(below(i));
      std::swap(items[i - 1], items[j]);
    }
  }

 private:
  std::array<std::uint64_t, 4> state_{};
};

// `count` distinct indices into `weights`, drawn one at a time, each with
// probability proportional to its weight among those not drawn yet. Indices of
// weight 0 are drawn only when the positive ones run out, then uniformly.
// Returns every index when count >= weights.size(); order is the draw order.
[[nodiscard]] std::vector<std::size_t> sample_weighted(DemoRng& rng,
                                                       std::span<const std::int64_t> weights,
                                                       std::size_t count);

}  // namespace kompetent::demo
