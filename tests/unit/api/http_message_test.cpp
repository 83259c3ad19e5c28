// The request target is the first thing from the network that the API
// interprets: these cases pin down what reaches the router (decoded segments,
// an encoded slash kept inside its segment) and what never does ("." and
// "..", also encoded; NUL; empty segments; broken escapes).
#include "api/http/http_message.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace kompetent::api {
namespace {

std::string joined(const std::vector<std::string>& segments) {
  std::string out;
  for (const std::string& segment : segments) out += "[" + segment + "]";
  return out;
}

TEST(ParseTarget, DecodesPathIntoSegments) {
  struct Case {
    std::string_view target;
    std::string_view path;      // decoded
    std::string_view segments;  // each in brackets
  };
  const Case cases[] = {
      {"/api/v1/health", "/api/v1/health", "[api][v1][health]"},
      {"/api/v1/health/", "/api/v1/health", "[api][v1][health]"},  // trailing slash ignored
      {"/", "/", ""},
      {"/api/v1/users/kari%20nordmann/disable", "/api/v1/users/kari nordmann/disable",
       "[api][v1][users][kari nordmann][disable]"},
      // %2F decodes to '/' inside its segment: still one segment, never a new level.
      {"/api/v1/users/a%2Fb/disable", "/api/v1/users/a/b/disable",
       "[api][v1][users][a/b][disable]"},
      {"/api/v1/users/a%2f..%2fb", "/api/v1/users/a/../b", "[api][v1][users][a/../b]"},
      {"/api/v1/users/a+b", "/api/v1/users/a+b",
       "[api][v1][users][a+b]"},  // '+' is a space only in queries
      {"/api/v1/users/%41%62", "/api/v1/users/Ab", "[api][v1][users][Ab]"},
      {"/api/v1/users/what%3F", "/api/v1/users/what?", "[api][v1][users][what?]"},  // not a query
      {"/api/v1/users/%C3%B8ystein", "/api/v1/users/øystein", "[api][v1][users][øystein]"},
      // Dots that are not exactly "." or "..": ordinary names.
      {"/api/v1/users/...", "/api/v1/users/...", "[api][v1][users][...]"},
      {"/api/v1/users/.kari", "/api/v1/users/.kari", "[api][v1][users][.kari]"},
      {"/api/v1/users/kari.", "/api/v1/users/kari.", "[api][v1][users][kari.]"},
      {"/api/v1/health?", "/api/v1/health", "[api][v1][health]"},
      {"/api/v1/health/?x=1", "/api/v1/health", "[api][v1][health]"},
  };
  for (const Case& c : cases) {
    const auto parsed = parse_target(c.target);
    ASSERT_TRUE(parsed.has_value()) << c.target;
    EXPECT_EQ(parsed->path, c.path) << c.target;
    EXPECT_EQ(joined(parsed->segments), c.segments) << c.target;
  }
}

TEST(ParseTarget, RefusesTargetsThatMustNotReachAHandler) {
  const std::string_view refused[] = {
      "",                           // nothing
      "api/v1/health",              // not origin-form
      "*",                          // asterisk-form
      "http://host/api/v1/health",  // absolute-form
      "?a=1",                       // query without a path
      // "." and "..", plain and encoded, anywhere in the path
      "/.",
      "/..",
      "/api/v1/../health",
      "/api/v1/./health",
      "/api/v1/health/..",
      "/api/v1/health/../",
      "/api/v1/%2e%2e/health",
      "/api/v1/%2E%2E/health",
      "/api/v1/.%2e/health",
      "/api/v1/%2e./health",
      "/api/v1/%2e/health",
      // empty segments inside the path
      "/api//v1/health",
      "//api/v1/health",
      // NUL, raw or encoded, in the path or the query
      "/api/v1/a%00b",
      "/api/v1/health?a=%00",
      "/api/v1/health?%00=a",
      // broken escapes
      "/api/v1/a%",
      "/api/v1/a%4",
      "/api/v1/a%zz",
      "/api/v1/a%4g",
      "/api/v1/a%g4",
      "/api/v1/health?a=%",
      "/api/v1/health?a=%2",
      "/api/v1/health?a%=1",
      "/api/v1/health?a=1&b=%x1",
  };
  for (std::string_view target : refused) {
    EXPECT_FALSE(parse_target(target).has_value()) << "accepted: " << target;
  }
  const std::string raw_nul("/api/v1/a\0b", 11);
  EXPECT_FALSE(parse_target(raw_nul).has_value());
  const std::string raw_nul_query("/api/v1/health?a=\0", 18);
  EXPECT_FALSE(parse_target(raw_nul_query).has_value());
}

// "//" at the very end, or as the whole path, is an empty segment like any
// other "//" and must be refused too.
TEST(ParseTarget, RefusesDoubleSlashAtTheEnd) {
  EXPECT_FALSE(parse_target("/api/v1/health//").has_value());
  EXPECT_FALSE(parse_target("//").has_value());
}

TEST(ParseTarget, DecodesTheQuery) {
  struct Case {
    std::string_view target;
    std::map<std::string, std::string> query;
  };
  const Case cases[] = {
      {"/x", {}},
      {"/x?", {}},
      {"/x?municipality=1841&by=category", {{"municipality", "1841"}, {"by", "category"}}},
      {"/x?q=a+b%2Bc", {{"q", "a b+c"}}},    // '+' is a space, %2B a plus
      {"/x?my+name=v", {{"my name", "v"}}},  // in names too
      {"/x?node=1841%2FHO%2FFSH", {{"node", "1841/HO/FSH"}}},
      {"/x?node=1841/HO/FSH", {{"node", "1841/HO/FSH"}}},
      {"/x?a=1&a=2", {{"a", "2"}}},  // a repeated name keeps the last value
      {"/x?a=2&b=0&a=1", {{"a", "1"}, {"b", "0"}}},
      {"/x?flag", {{"flag", ""}}},  // no '=': empty value
      {"/x?flag=", {{"flag", ""}}},
      {"/x?=v", {{"", "v"}}},
      {"/x?a=b=c", {{"a", "b=c"}}},                // only the first '=' splits
      {"/x?a=1&&b=2&", {{"a", "1"}, {"b", "2"}}},  // empty pairs skipped
      {"/x?a=?b", {{"a", "?b"}}},                  // only the first '?' starts the query
      {"/x?a=%3D%26", {{"a", "=&"}}},
      {"/x?lang=en#frag", {{"lang", "en#frag"}}},  // no fragment handling: a client never sends one
  };
  for (const Case& c : cases) {
    const auto parsed = parse_target(c.target);
    ASSERT_TRUE(parsed.has_value()) << c.target;
    EXPECT_EQ(parsed->query, c.query) << c.target;
    EXPECT_EQ(parsed->path, "/x") << c.target;
  }
}

TEST(MediaType, KeepsTheTypeLowerCasedWithoutParameters) {
  struct Case {
    std::string_view content_type;
    std::string_view media;
  };
  const Case cases[] = {
      {"application/json", "application/json"},
      {"application/json; charset=utf-8", "application/json"},
      {"application/json;charset=UTF-8", "application/json"},
      {"Application/JSON", "application/json"},
      {"  text/csv ; header=present", "text/csv"},
      {"multipart/form-data; boundary=xyz", "multipart/form-data"},
      {"", ""},
      {";", ""},
      {"application/x-www-form-urlencoded", "application/x-www-form-urlencoded"},
  };
  for (const Case& c : cases) EXPECT_EQ(media_type(c.content_type), c.media) << c.content_type;
}

TEST(HttpHeaders, NamesCompareWithoutCase) {
  HttpRequest request;
  request.headers["Content-Type"] = "application/json";
  request.headers["X-CSRF-Token"] = "abc";
  EXPECT_EQ(request.header("content-type"), "application/json");
  EXPECT_EQ(request.header("CONTENT-TYPE"), "application/json");
  EXPECT_EQ(request.header("x-csrf-token"), "abc");
  EXPECT_EQ(request.header("X-Csrf-Token"), "abc");
  EXPECT_EQ(request.header("Cookie"), "");
  EXPECT_EQ(request.header("Content-Typ"), "");  // a prefix is another name

  // The same name in another case is the same header, not a second one.
  request.headers["x-csrf-token"] = "def";
  EXPECT_EQ(request.headers.size(), 2u);
  EXPECT_EQ(request.header("X-CSRF-Token"), "def");

  const CaseInsensitiveLess less;
  EXPECT_FALSE(less("Cookie", "cookie"));
  EXPECT_FALSE(less("cookie", "Cookie"));
  EXPECT_TRUE(less("a", "B"));
  EXPECT_TRUE(less("B", "c"));
  EXPECT_TRUE(less("Accept", "accept-language"));
}

TEST(HttpRequest, QueryValueTellsMissingFromEmpty) {
  HttpRequest request;
  request.query = {{"municipality", "1841"}, {"node", ""}};
  ASSERT_TRUE(request.query_value("municipality").has_value());
  EXPECT_EQ(*request.query_value("municipality"), "1841");
  ASSERT_TRUE(request.query_value("node").has_value());
  EXPECT_EQ(*request.query_value("node"), "");
  EXPECT_FALSE(request.query_value("region").has_value());
  EXPECT_FALSE(request.query_value("Municipality").has_value());  // query names are case-sensitive
}

TEST(HttpResponse, JsonAndHeaders) {
  HttpResponse response = HttpResponse::json(201, R"({"ok":true})");
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, R"({"ok":true})");
  EXPECT_EQ(response.headers["content-type"], "application/json; charset=utf-8");
  response.with_header("cache-control", "no-store").with_header("Cache-Control", "private");
  EXPECT_EQ(response.headers.size(), 2u);
  EXPECT_EQ(response.headers["CACHE-CONTROL"], "private");

  const HttpResponse empty = HttpResponse::no_content();
  EXPECT_EQ(empty.status, 204);
  EXPECT_TRUE(empty.body.empty());
  EXPECT_TRUE(empty.headers.empty());
}

}  // namespace
}  // namespace kompetent::api
