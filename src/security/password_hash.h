// Password hashes: Argon2id through libsodium, with its "interactive" limits
// (2 passes over 64 MiB, about 0.1 s), tuned for a login a person waits for.
// The result is the self-describing "$argon2id$v=19$m=65536,t=2,p=1$salt$hash"
// text, so the parameters can be raised later without breaking stored hashes.
//
//   auto hash = hash_password(password);        // on `user add` and password change
//   if (!hash.ok()) return hash.error();
//   bool good = verify_password(stored, typed); // at login
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace kompetent::security {

// A new salted hash of `password`; two calls on the same password differ.
// Does not check the password policy (core/access/password_policy.h).
// internal "password_hash_failed" if libsodium cannot start or has no memory.
[[nodiscard]] Result<std::string> hash_password(std::string_view password);

// True if `password` matches `hash` (from hash_password()). False for a wrong
// password and for anything that is not such a hash, including "".
// Takes as long as hashing whenever `hash` is a valid hash, so a caller that
// must not reveal whether an account exists verifies against a dummy hash.
[[nodiscard]] bool verify_password(std::string_view hash, std::string_view password);

}  // namespace kompetent::security
