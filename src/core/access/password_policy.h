// What a password must be: 12 to 128 characters, nothing else. Length is what
// makes a password strong (NIST SP 800-63B 5.1.1); composition rules only make
// people write them down. The upper limit bounds the work of hashing one.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.h"

namespace kompetent {

inline constexpr std::size_t kPasswordMinLength = 12;   // Unicode code points
inline constexpr std::size_t kPasswordMaxLength = 128;  // Unicode code points

// ok, or invalid "password_too_short" {min} / "password_too_long" {max},
// counting Unicode code points (so "blåbærsyltetøy" is 14, not 17).
[[nodiscard]] Status check_password_policy(std::string_view password);

}  // namespace kompetent
