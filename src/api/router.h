// The routes of the API: method + path pattern → route id. Patterns have
// literal segments and {name} parameters ("/api/v1/municipalities/{number}/tree");
// a last part {name*} takes the rest of the path (one segment or more), and
// never a path under /api, which stays the JSON API's (404 there, not a page).
// HEAD matches the GET routes (RFC 9110 9.3.2); the server sends no body.
// Every route id must have a rule in access_policy.cpp; a test checks it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kompetent::api {

struct Route {
  std::string_view id;       // stable name, used by the access policy
  std::string_view method;
  std::string_view pattern;
  bool streams_body = false;  // uploads: body streamed to a file after admission
};

// Every route, in one table (router.cpp).
[[nodiscard]] const std::vector<Route>& all_routes();

struct RouteMatch {
  const Route* route = nullptr;              // null: no route
  bool path_known = false;                   // some route has this path (so 405, not 404)
  std::map<std::string, std::string> params; // the {name} segments ({name*}: joined with '/')
};

[[nodiscard]] RouteMatch match_route(std::string_view method, const std::vector<std::string>& segments);

}  // namespace kompetent::api
