#include "core/demo/demo_rng.h"

#include <cassert>
#include <numeric>

namespace kompetent::demo {
namespace {

constexpr std::uint64_t rotate_left(std::uint64_t x, int k) noexcept {
  return (x << k) | (x >> (64 - k));
}

}  // namespace

std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t stream_seed(std::uint64_t seed, std::string_view name) noexcept {
  // FNV-1a over the name, then one splitmix64 step to spread nearby seeds apart.
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ULL;
  }
  std::uint64_t state = seed ^ hash;
  return splitmix64(state);
}

DemoRng::DemoRng(std::uint64_t seed) noexcept {
  // splitmix64 expansion is the seeding xoshiro's authors recommend; it never
  // yields the all-zero state.
  for (auto& word : state_) word = splitmix64(seed);
}

std::uint64_t DemoRng::next() noexcept {
  // xoshiro256** 1.0 (Blackman and Vigna).
  const std::uint64_t result = rotate_left(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotate_left(state_[3], 45);
  return result;
}

std::uint64_t DemoRng::below(std::uint64_t bound) noexcept {
  assert(bound > 0);
  // Values below `threshold` would make the low residues more likely.
  const std::uint64_t threshold = (0 - bound) % bound;
  while (true) {
    std::uint64_t value = next();
    if (value >= threshold) return value % bound;
  }
}

int DemoRng::between(int low, int high) noexcept {
  assert(low <= high);
  const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(high) - low + 1);
  return static_cast<int>(low + static_cast<std::int64_t>(below(span)));
}

bool DemoRng::chance(int per_mille) noexcept {
  return static_cast<int>(below(1000)) < per_mille;
}

std::size_t DemoRng::pick(std::span<const int> weights) noexcept {
  std::int64_t total = 0;
  for (int weight : weights) total += weight;
  assert(total > 0);
  auto target = static_cast<std::int64_t>(below(static_cast<std::uint64_t>(total)));
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  return weights.size() - 1;  // not reached when the precondition holds
}

std::vector<std::size_t> sample_weighted(DemoRng& rng, std::span<const std::int64_t> weights,
                                         std::size_t count) {
  std::vector<std::size_t> chosen;
  if (count >= weights.size()) {
    chosen.resize(weights.size());
    std::iota(chosen.begin(), chosen.end(), std::size_t{0});
    return chosen;
  }
  std::vector<std::int64_t> remaining(weights.begin(), weights.end());
  std::vector<bool> taken(weights.size(), false);
  std::int64_t total = 0;
  for (std::int64_t weight : remaining) total += weight;
  chosen.reserve(count);
  while (chosen.size() < count) {
    if (total <= 0) {
      // Only weight-0 items are left: take them uniformly.
      std::vector<std::size_t> rest;
      for (std::size_t i = 0; i < taken.size(); ++i) {
        if (!taken[i]) rest.push_back(i);
      }
      rng.shuffle(rest);
      for (std::size_t i = 0; chosen.size() < count; ++i) chosen.push_back(rest[i]);
      break;
    }
    auto target = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = 0; i < remaining.size(); ++i) {
      if (taken[i] || remaining[i] == 0) continue;
      if (target < remaining[i]) {
        chosen.push_back(i);
        taken[i] = true;
        total -= remaining[i];
        remaining[i] = 0;
        break;
      }
      target -= remaining[i];
    }
  }
  return chosen;
}

}  // namespace kompetent::demo
