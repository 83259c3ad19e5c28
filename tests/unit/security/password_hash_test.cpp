#include "security/password_hash.h"

#include <gtest/gtest.h>

namespace kompetent::security {
namespace {

TEST(PasswordHash, VerifiesTheRightPasswordOnly) {
  auto hash = hash_password("korrekt hest batteri stift");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(verify_password(hash.value(), "korrekt hest batteri stift"));
  EXPECT_FALSE(verify_password(hash.value(), "korrekt hest batteri stifT"));
  EXPECT_FALSE(verify_password(hash.value(), ""));
}

TEST(PasswordHash, IsArgon2idWithTheInteractiveLimits) {
  auto hash = hash_password("blåbærsyltetøy");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash.value().rfind("$argon2id$", 0), 0u) << hash.value();
  // OPSLIMIT_INTERACTIVE = 2 passes, MEMLIMIT_INTERACTIVE = 64 MiB.
  EXPECT_NE(hash.value().find("$m=65536,t=2,p=1$"), std::string::npos) << hash.value();
  EXPECT_TRUE(verify_password(hash.value(), "blåbærsyltetøy"));
}

TEST(PasswordHash, SaltsEveryHash) {
  auto first = hash_password("samme passord to ganger");
  auto second = hash_password("samme passord to ganger");
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_NE(first.value(), second.value());
  EXPECT_TRUE(verify_password(second.value(), "samme passord to ganger"));
}

TEST(PasswordHash, RefusesWhatIsNotAHash) {
  EXPECT_FALSE(verify_password("", "anything at all"));
  EXPECT_FALSE(verify_password("anything at all", "anything at all"));
  EXPECT_FALSE(verify_password(std::string(500, '$'), "x"));
}

TEST(PasswordHash, PasswordsMayContainNulBytes) {
  // The whole view is hashed, not up to the first NUL.
  const std::string with_nul{"før\0etter-nul", 14};
  auto hash = hash_password(with_nul);
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(verify_password(hash.value(), with_nul));
  EXPECT_FALSE(verify_password(hash.value(), "før"));
}

}  // namespace
}  // namespace kompetent::security
