// Unguessable tokens for session cookies, CSRF protection and setup links:
// 256 bits from the operating system's random source (libsodium
// randombytes_buf), well above the 128 bits a session token needs.
#pragma once

#include <cstddef>
#include <string>

namespace kompetent::security {

inline constexpr std::size_t kTokenBytes = 32;
inline constexpr std::size_t kTokenLength = 43;  // base64url of 32 bytes, no padding

// A fresh token: 32 random bytes as base64url without padding (RFC 4648 §5),
// 43 characters of [A-Za-z0-9_-], safe in a cookie, a header and a URL.
// Aborts the process if libsodium cannot start: a predictable token would be
// worse than no server.
[[nodiscard]] std::string random_token();

}  // namespace kompetent::security
