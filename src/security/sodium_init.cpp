#include "security/sodium_init.h"

#include <sodium.h>

namespace kompetent::security {

bool ensure_sodium() noexcept {
  // Process-wide library state, not ours: the one static in this layer.
  static const bool initialised = sodium_init() >= 0;  // 1 = already done, also fine
  return initialised;
}

}  // namespace kompetent::security
