#include "security/random_token.h"

#include <gtest/gtest.h>

#include <set>

namespace kompetent::security {
namespace {

bool is_base64url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

TEST(RandomToken, Is43Base64UrlCharacters) {
  for (int i = 0; i < 100; ++i) {
    const std::string token = random_token();
    ASSERT_EQ(token.size(), 43u);
    for (const char c : token) EXPECT_TRUE(is_base64url(c)) << token;
  }
}

TEST(RandomToken, NeverRepeats) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) EXPECT_TRUE(seen.insert(random_token()).second);
}

TEST(RandomToken, UsesEveryPosition) {
  // 32 bytes are 256 bits: 42 full sextets and 4 bits of the 43rd, padded
  // with two zero bits, so the last character is a multiple of 4 in the
  // alphabet (16 possibilities). Fewer, or other, would mean bytes are
  // missing or the wrong alphabet is used.
  std::set<char> last;
  std::set<char> first;
  for (int i = 0; i < 400; ++i) {
    const std::string token = random_token();
    first.insert(token.front());
    last.insert(token.back());
  }
  const std::string multiples_of_four = "AEIMQUYcgkosw048";
  EXPECT_EQ(last, std::set<char>(multiples_of_four.begin(), multiples_of_four.end()));
  EXPECT_GT(first.size(), 50u);  // of 64; 400 draws miss more than 14 with negligible odds
}

}  // namespace
}  // namespace kompetent::security
