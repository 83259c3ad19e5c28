// The router decides which access rule applies, so a wrong match is a wrong
// permission: these cases pin down matching by method and path, the {name}
// parameters, and the difference between an unknown path (404) and a known
// path with another method (405).
#include "api/router.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace kompetent::api {
namespace {

using Params = std::map<std::string, std::string>;
using Segments = std::vector<std::string>;

// "GET api v1 health" → route id, or "404"/"405".
std::string outcome(const RouteMatch& match) {
  if (match.route) return std::string(match.route->id);
  return match.path_known ? "405" : "404";
}

TEST(Router, MatchesMethodAndPath) {
  struct Case {
    std::string_view method;
    Segments segments;
    std::string_view expected;  // route id, "404" or "405"
    Params params;
  };
  const Case cases[] = {
      {"GET", {"api", "v1", "health"}, "health", {}},
      {"POST", {"api", "v1", "setup"}, "setup", {}},
      // One path, three methods, three routes.
      {"POST", {"api", "v1", "session"}, "login", {}},
      {"GET", {"api", "v1", "session"}, "session", {}},
      {"DELETE", {"api", "v1", "session"}, "logout", {}},
      {"PUT", {"api", "v1", "session"}, "405", {}},
      {"PUT", {"api", "v1", "session", "password"}, "password_change", {}},
      {"GET", {"api", "v1", "session", "password"}, "405", {}},
      {"GET", {"api", "v1", "users"}, "users_list", {}},
      {"POST", {"api", "v1", "users"}, "user_add", {}},
      {"DELETE", {"api", "v1", "users"}, "405", {}},
      {"POST", {"api", "v1", "users", "kari", "disable"}, "user_disable", {{"username", "kari"}}},
      {"GET", {"api", "v1", "users", "kari", "disable"}, "405", {}},
      {"GET", {"api", "v1", "users", "kari"}, "404", {}},  // no route for one user
      // An encoded slash arrives inside one segment and stays one parameter.
      {"POST", {"api", "v1", "users", "a/b", "disable"}, "user_disable", {{"username", "a/b"}}},
      {"GET", {"api", "v1", "municipalities"}, "municipalities", {}},
      {"GET", {"api", "v1", "municipalities", "1841", "tree"}, "tree", {{"number", "1841"}}},
      {"GET",
       {"api", "v1", "municipalities", "1841", "snapshots"},
       "snapshots",
       {{"number", "1841"}}},
      {"DELETE",
       {"api", "v1", "municipalities", "1841", "snapshots", "2024-12-31"},
       "snapshot_delete",
       {{"number", "1841"}, {"date", "2024-12-31"}}},
      {"GET", {"api", "v1", "municipalities", "1841", "snapshots", "2024-12-31"}, "405", {}},
      {"GET",
       {"api", "v1", "municipalities", "1841", "positions"},
       "positions",
       {{"number", "1841"}}},
      {"POST",
       {"api", "v1", "municipalities", "1841", "imports"},
       "import_start",
       {{"number", "1841"}}},
      {"GET", {"api", "v1", "municipalities", "1841", "imports"}, "405", {}},
      {"GET", {"api", "v1", "municipalities", "1841"}, "404", {}},
      {"GET", {"api", "v1", "municipalities", "1841", "unknown"}, "404", {}},
      {"GET", {"api", "v1", "me", "positions"}, "my_positions", {}},
      {"GET", {"api", "v1", "indicators"}, "indicators", {}},
      {"GET", {"api", "v1", "indicators", "export"}, "indicators_export", {}},
      {"POST", {"api", "v1", "indicators", "export"}, "405", {}},
      {"GET", {"api", "v1", "imports", "42"}, "import_job", {{"id", "42"}}},
      {"GET", {"api", "v1", "imports", "42", "errors"}, "import_errors", {{"id", "42"}}},
      {"DELETE", {"api", "v1", "imports", "42"}, "405", {}},
      {"GET", {"api", "v1", "audit"}, "audit", {}},
      {"GET", {"api", "v1", "regions"}, "regions", {}},
      {"GET", {"api", "v1", "categories"}, "categories", {}},
      // Unknown paths.
      {"GET", {}, "landing_page", {}},  // "/": the landing page
      {"GET", {"api"}, "404", {}},
      {"GET", {"api", "v1"}, "404", {}},
      {"GET", {"api", "v1", "nope"}, "404", {}},
      {"GET", {"api", "v1", "health", "extra"}, "404", {}},
      {"GET", {"api", "v2", "health"}, "404", {}},
      {"GET", {"api", "v1", "health", "x", "y"}, "404", {}},
      // Outside /api every GET is the web app's: a file or a client route.
      {"GET", {"API", "v1", "health"}, "web_app", {{"path", "API/v1/health"}}},  // paths are case-sensitive
      {"GET", {"v1", "health"}, "web_app", {{"path", "v1/health"}}},
      {"GET", {"oversikt"}, "web_app", {{"path", "oversikt"}}},
      {"GET", {"assets", "index-abc123.js"}, "web_app", {{"path", "assets/index-abc123.js"}}},
      {"GET", {"setup"}, "setup_page", {}},  // the pages keep their own routes
      {"GET", {"setup.js"}, "setup_script", {}},
      {"GET", {"setup", "x"}, "web_app", {{"path", "setup/x"}}},
      {"POST", {"oversikt"}, "405", {}},
      {"DELETE", {"assets", "x.js"}, "405", {}},
      // HEAD is GET without the body (RFC 9110 9.3.2), on every GET route.
      {"HEAD", {"api", "v1", "health"}, "health", {}},
      {"HEAD", {}, "landing_page", {}},
      {"HEAD", {"assets", "a.css"}, "web_app", {{"path", "assets/a.css"}}},
      {"HEAD", {"api", "v1", "users", "kari", "disable"}, "405", {}},
      {"HEAD", {"api", "v1", "nope"}, "404", {}},
      // Methods compare exactly (RFC 9110 9.1): "get" is another method.
      {"get", {"api", "v1", "health"}, "405", {}},
      {"", {"api", "v1", "health"}, "405", {}},
      {"get", {"oversikt"}, "405", {}},
  };
  for (const Case& c : cases) {
    std::string where = std::string(c.method);
    for (const std::string& segment : c.segments) where += " /" + segment;
    const RouteMatch match = match_route(c.method, c.segments);
    EXPECT_EQ(outcome(match), c.expected) << where;
    EXPECT_EQ(match.params, c.params) << where;
  }
}

// Every route is reached by its own method and pattern (parameters filled
// in), and by nothing else with that method and path.
TEST(Router, EveryRouteIsReachableByItsPattern) {
  for (const Route& route : all_routes()) {
    Segments segments;
    Params params;
    std::string_view pattern = route.pattern;
    // The API lives under /api/v1; only the pages (landing, setup, the web app) are outside.
    ASSERT_TRUE(pattern.starts_with("/api/v1/") || route.id.ends_with("_page") || route.id == "setup_script" ||
                route.id == "web_app")
        << route.id;
    pattern.remove_prefix(1);
    while (!pattern.empty()) {
      const std::size_t slash = pattern.find('/');
      const std::string_view part = pattern.substr(0, slash);
      if (part.starts_with('{') && part.ends_with('}')) {
        std::string name(part.substr(1, part.size() - 2));
        if (name.ends_with('*')) name.pop_back();  // {path*}: the rest, here one segment
        segments.push_back("value-of-" + name);
        params[name] = "value-of-" + name;
      } else {
        segments.emplace_back(part);
      }
      if (slash == std::string_view::npos) break;
      pattern.remove_prefix(slash + 1);
    }
    const RouteMatch match = match_route(route.method, segments);
    ASSERT_NE(match.route, nullptr) << route.id;
    EXPECT_EQ(match.route, &route) << route.id;
    EXPECT_TRUE(match.path_known) << route.id;
    EXPECT_EQ(match.params, params) << route.id;
  }
}

TEST(Router, MethodAndPatternPairsAreUnique) {
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (const Route& route : all_routes()) {
    EXPECT_TRUE(seen.insert({route.method, route.pattern}).second)
        << route.method << " " << route.pattern << " twice";
  }
}

TEST(Router, OnlyTheImportUploadStreamsItsBody) {
  std::set<std::string_view> streaming;
  for (const Route& route : all_routes()) {
    if (route.streams_body) streaming.insert(route.id);
  }
  EXPECT_EQ(streaming, (std::set<std::string_view>{"import_start"}));
}

}  // namespace
}  // namespace kompetent::api
