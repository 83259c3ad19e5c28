// The request and response the API's handlers see. Plain data with no
// Boost.Beast in it, so handlers compile fast, and tests build requests from
// literals without a socket. http_server.cpp converts to and from Beast.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kompetent::api {

// Header names compare without regard to case (RFC 9110 5.1).
struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const noexcept;
};
using HeaderMap = std::map<std::string, std::string, CaseInsensitiveLess>;

struct HttpRequest {
  std::string method;                        // "GET", "POST", …
  std::string target;                        // as received: path and query, percent-encoded
  std::string path;                          // decoded path, without the query
  std::vector<std::string> path_segments;    // decoded, between the slashes
  std::map<std::string, std::string> query;  // decoded; a repeated name keeps the last value
  HeaderMap headers;
  std::string body;                          // small bodies (JSON)
  std::optional<std::filesystem::path> body_file;  // streamed uploads: the body on disk
  std::uint64_t body_size = 0;
  std::string remote_address;                // peer IP, or the proxy's X-Forwarded-For when trusted
  bool secure = false;                       // came over TLS (via a trusted proxy)

  [[nodiscard]] std::string_view header(std::string_view name) const;
  [[nodiscard]] std::optional<std::string_view> query_value(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  HeaderMap headers;
  std::string body;
  std::string log_user;  // who asked, for the access log only (never sent)

  static HttpResponse json(int status, std::string body);
  static HttpResponse no_content();
  HttpResponse& with_header(std::string name, std::string value);
};

// Splits `target` into a decoded path, its segments and the decoded query.
// Fails (nullopt) on malformed percent escapes, NUL bytes, or a path segment
// that is "." or ".." after decoding: such paths never reach a handler.
struct ParsedTarget {
  std::string path;
  std::vector<std::string> segments;
  std::map<std::string, std::string> query;
};
[[nodiscard]] std::optional<ParsedTarget> parse_target(std::string_view target);

// "application/json; charset=utf-8" → "application/json" (lower case).
[[nodiscard]] std::string media_type(std::string_view content_type);

}  // namespace kompetent::api
