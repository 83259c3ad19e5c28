// Who is asking: the logged-in user and their session. The tenant (which
// municipality or region the user belongs to) comes only from here, never
// from a request parameter.
#pragma once

#include <string>

#include "core/access/user_account.h"

namespace kompetent::api {

struct Principal {
  UserAccount account;
  std::string session_hash;  // sha256 of the cookie token: how the session is stored
  std::string csrf_token;    // what X-CSRF-Token must equal on state-changing requests
};

}  // namespace kompetent::api
