// The session cookie is how every request is tied to a user. session_token()
// must find it among other cookies and prefer "__Host-kompetent": a plain
// "kompetent" cookie can be planted by a sibling host, a __Host- one cannot.
#include <gtest/gtest.h>

#include <string>

#include "api/api_application.h"

namespace kompetent::api {
namespace {

TEST(SessionToken, FindsTheSessionCookie) {
  struct Case {
    std::string_view header;
    std::string_view token;  // "" = no session
  };
  const Case cases[] = {
      {"", ""},
      {"kompetent=abc", "abc"},
      {"__Host-kompetent=xyz", "xyz"},
      {"theme=dark; kompetent=abc; lang=nb", "abc"},
      {"theme=dark;kompetent=abc", "abc"},  // no space after ';'
      {"   kompetent=abc", "abc"},          // leading spaces
      {"kompetent=abc;", "abc"},            // trailing ';'
      {"kompetent=a-b_c=", "a-b_c="},       // only the first '=' splits
      {"kompetent=", ""},
      {"kompetent", ""},  // a name without a value
      // Other cookies whose names merely contain ours.
      {"kompetent_old=abc", ""},
      {"xkompetent=abc", ""},
      {"Kompetent=abc", ""},  // cookie names are case-sensitive
      {"__host-kompetent=abc", ""},
      {"__Host-kompetent-csrf=abc", ""},
      {"theme=kompetent=abc", ""},  // our name inside another's value
  };
  for (const Case& c : cases) EXPECT_EQ(session_token(c.header), c.token) << c.header;
}

TEST(SessionToken, HostPrefixedCookieWins) {
  struct Case {
    std::string_view header;
    std::string_view token;
  };
  const Case cases[] = {
      {"kompetent=planted; __Host-kompetent=real", "real"},
      {"__Host-kompetent=real; kompetent=planted", "real"},
      {"kompetent=planted; theme=dark; __Host-kompetent=real; lang=en", "real"},
      {"__Host-kompetent=real; kompetent=", "real"},
  };
  for (const Case& c : cases) EXPECT_EQ(session_token(c.header), c.token) << c.header;
}

}  // namespace
}  // namespace kompetent::api
