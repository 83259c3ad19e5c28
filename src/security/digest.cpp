#include "security/digest.h"

#include <sodium.h>

#include <cstdlib>

#include "security/sodium_init.h"

namespace kompetent::security {

std::string sha256_hex(std::string_view data) {
  if (!ensure_sodium()) std::abort();  // see random_token(): never return a wrong digest
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string{hex};
}

}  // namespace kompetent::security
