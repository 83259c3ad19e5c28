// Fuzzes what the API reads from the request line and the Cookie header
// before any access check: parse_target, match_route and session_token. Any
// bytes must be refused or parsed without a crash, and what is parsed must
// hold what the router and the access policy rely on: the path starts with
// "/", no segment is empty, ".", ".." or holds NUL, the path is the segments
// joined, and a matched route has the method asked for and exactly the
// parameters its pattern names.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "api/api_application.h"
#include "api/http/http_message.h"
#include "api/router.h"

namespace {

using kompetent::api::match_route;
using kompetent::api::parse_target;
using kompetent::api::RouteMatch;
using kompetent::api::session_token;

void check(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "http_target_fuzz: %s\n", what);
    std::abort();
  }
}

constexpr std::string_view kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "get"};

// The {name} parts of `pattern`.
std::vector<std::string> parameter_names(std::string_view pattern) {
  std::vector<std::string> names;
  std::size_t open = pattern.find('{');
  while (open != std::string_view::npos) {
    const std::size_t close = pattern.find('}', open);
    std::string_view name = pattern.substr(open + 1, close - open - 1);
    if (name.ends_with('*')) name.remove_suffix(1);  // {path*}: the rest of the path
    names.emplace_back(name);
    open = pattern.find('{', close);
  }
  return names;
}

void check_match(std::string_view method, const std::vector<std::string>& segments) {
  const RouteMatch match = match_route(method, segments);
  if (!match.route) {
    check(match.params.empty(), "parameters without a route");
    return;
  }
  check(match.path_known, "a route matched but the path is not known");
  // HEAD is answered by the GET route (RFC 9110 9.3.2).
  check(match.route->method == (method == "HEAD" ? std::string_view("GET") : method),
        "a route matched another method");
  const std::vector<std::string> names = parameter_names(match.route->pattern);
  check(match.params.size() == names.size(), "parameters differ from the pattern's");
  for (const std::string& name : names) {
    const auto it = match.params.find(name);
    check(it != match.params.end(), "a pattern parameter is missing");
    bool is_segment = false;
    for (const std::string& segment : segments) is_segment = is_segment || segment == it->second;
    // A {path*} parameter is the rest of the path: some last segments joined with '/'.
    std::string rest;
    for (auto segment = segments.rbegin(); segment != segments.rend() && !is_segment; ++segment) {
      rest = segment == segments.rbegin() ? *segment : *segment + "/" + rest;
      is_segment = rest == it->second;
    }
    check(is_segment, "a parameter is not one of the segments");
  }
}

void check_target(std::string_view target) {
  const auto parsed = parse_target(target);
  if (!parsed) return;
  check(!parsed->path.empty() && parsed->path.front() == '/', "path does not start with /");
  std::string joined;
  for (const std::string& segment : parsed->segments) {
    check(!segment.empty(), "empty segment");
    check(segment != "." && segment != "..", "dot segment");
    check(segment.find('\0') == std::string::npos, "NUL in a segment");
    joined += '/';
    joined += segment;
  }
  check(parsed->path == (joined.empty() ? "/" : joined), "path is not the segments joined");
  for (const auto& [name, value] : parsed->query) {
    check(name.find('\0') == std::string::npos && value.find('\0') == std::string::npos,
          "NUL in the query");
  }
  // Whatever is before '?' decides the path: a query can never change it.
  const std::size_t question = target.find('?');
  if (question != std::string_view::npos) {
    const auto path_only = parse_target(target.substr(0, question));
    check(path_only && path_only->segments == parsed->segments, "the query changed the path");
  }
  for (std::string_view method : kMethods) check_match(method, parsed->segments);
}

void check_cookie(std::string_view header) {
  const std::string token = session_token(header);
  if (token.empty()) return;
  check(token.find(';') == std::string::npos, "token runs past its cookie");
  const bool found = header.find("__Host-kompetent=" + token) != std::string_view::npos ||
                     header.find("kompetent=" + token) != std::string_view::npos;
  check(found, "token is not the value of a kompetent cookie");
}

// The raw bytes split at '/', as segments the router must survive even if
// parse_target were bypassed.
std::vector<std::string> raw_segments(std::string_view text) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = text.find('/', start);
    segments.emplace_back(
        text.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segments;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_target(input);
  check_cookie(input);
  for (std::string_view method : kMethods) check_match(method, raw_segments(input));
  return 0;
}
