// The routes of the API: method + path pattern → route id. Patterns have
// literal segments and {name} parameters ("/api/v1/municipalities/{number}/tree").
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
  std::map<std::string, std::string> params; // the {name} segments
};

[[nodiscard]] RouteMatch match_route(std::string_view method, const std::vector<std::string>& segments);

}  // namespace kompetent::api
