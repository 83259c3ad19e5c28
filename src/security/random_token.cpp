#include "security/random_token.h"

#include <sodium.h>

#include <cstdlib>

#include "security/sodium_init.h"

namespace kompetent::security {

std::string random_token() {
  if (!ensure_sodium()) std::abort();
  unsigned char bytes[kTokenBytes];
  randombytes_buf(bytes, sizeof bytes);
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  char text[sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, kVariant);
  sodium_memzero(bytes, sizeof bytes);
  return std::string{text};
}

}  // namespace kompetent::security
