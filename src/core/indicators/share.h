// A share kept as an exact count over a total until it is shown, so shares
// sum and compare exactly and suppression (later) can see the group sizes.
#pragma once

#include <cstdint>
#include <optional>

namespace kompetent {

struct Share {
  std::int64_t count = 0;
  std::int64_t total = 0;
  // count / total, or nullopt for an empty group (0 of 0 is "no data", not 0 %).
  [[nodiscard]] std::optional<double> value() const noexcept {
    if (total == 0) return std::nullopt;
    return static_cast<double>(count) / static_cast<double>(total);
  }
  bool operator==(const Share&) const = default;
};

}  // namespace kompetent
