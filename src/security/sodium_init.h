// libsodium must be initialised before any other call. Every function in
// security/ calls ensure_sodium() first, so callers never have to.
// Internal to security/.
#pragma once

namespace kompetent::security {

// Initialises libsodium once per process; safe to call from many threads at
// once (a function-local static, and sodium_init() is itself idempotent).
// False only if libsodium cannot start (no usable source of randomness), in
// which case nothing here may be used.
[[nodiscard]] bool ensure_sodium() noexcept;

}  // namespace kompetent::security
