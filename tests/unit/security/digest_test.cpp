#include "security/digest.h"

#include <gtest/gtest.h>

namespace kompetent::security {
namespace {

// FIPS 180-2, appendix B.1 and B.2; the empty string from FIPS 180-4 examples.
TEST(Sha256Hex, MatchesTheFipsTestVectors) {
  struct Case {
    std::string_view input;
    std::string_view digest;
  };
  const Case cases[] = {
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
  };
  for (const Case& c : cases) EXPECT_EQ(sha256_hex(c.input), c.digest) << c.input;
}

}  // namespace
}  // namespace kompetent::security
