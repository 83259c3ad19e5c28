// SHA-256 for storing tokens: the database keeps sha256_hex(token), and the
// server hashes the cookie it is sent to find the session. A token has 256
// random bits, so a fast unsalted hash is enough (unlike a password); a stolen
// database then holds nothing that logs anyone in.
#pragma once

#include <string>
#include <string_view>

namespace kompetent::security {

// The SHA-256 of `data` as 64 lower-case hex digits.
// sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".
[[nodiscard]] std::string sha256_hex(std::string_view data);

}  // namespace kompetent::security
