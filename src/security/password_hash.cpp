#include "security/password_hash.h"

#include <sodium.h>

#include "security/sodium_init.h"

namespace kompetent::security {

Result<std::string> hash_password(std::string_view password) {
  if (!ensure_sodium()) return Error::internal("password_hash_failed");
  char hash[crypto_pwhash_STRBYTES];
  const int failed = crypto_pwhash_str_alg(
      hash, password.data(), password.size(), crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
      crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13);
  if (failed != 0) return Error::internal("password_hash_failed");  // out of memory
  return std::string{hash};
}

bool verify_password(std::string_view hash, std::string_view password) {
  if (!ensure_sodium()) return false;
  // libsodium wants a terminated string no longer than its buffer.
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string terminated{hash};
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

}  // namespace kompetent::security
