#include "api/http/http_message.h"

#include <algorithm>
#include <cctype>

namespace kompetent::api {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding; '+' means space only in the query (form encoding).
std::optional<std::string> decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      c = static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (c == '\0') return std::nullopt;
    out.push_back(c);
  }
  return out;
}

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

}  // namespace

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const noexcept {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return lower(x) < lower(y); });
}

std::string_view HttpRequest::header(std::string_view name) const {
  const auto it = headers.find(name);
  return it == headers.end() ? std::string_view{} : std::string_view(it->second);
}

std::optional<std::string_view> HttpRequest::query_value(std::string_view name) const {
  const auto it = query.find(std::string(name));
  if (it == query.end()) return std::nullopt;
  return std::string_view(it->second);
}

HttpResponse HttpResponse::json(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.headers["Content-Type"] = "application/json; charset=utf-8";
  response.body = std::move(body);
  return response;
}

HttpResponse HttpResponse::no_content() {
  HttpResponse response;
  response.status = 204;
  return response;
}

HttpResponse& HttpResponse::with_header(std::string name, std::string value) {
  headers[std::move(name)] = std::move(value);
  return *this;
}

std::optional<ParsedTarget> parse_target(std::string_view target) {
  ParsedTarget parsed;
  const std::size_t question = target.find('?');
  const std::string_view raw_path = target.substr(0, question);
  if (raw_path.empty() || raw_path.front() != '/') return std::nullopt;

  // Split before decoding, so an encoded slash (%2F) stays inside its segment
  // and can never add a level to the path. Every segment is kept, empty ones too.
  std::string_view rest = raw_path.substr(1);
  for (;;) {
    const std::size_t slash = rest.find('/');
    auto segment = decode(rest.substr(0, slash), false);
    if (!segment || *segment == "." || *segment == "..") return std::nullopt;
    parsed.segments.push_back(*segment);
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  // "/api/v1/health/" is "/api/v1/health" (and "/" has no segments); any
  // other empty segment ("//") is refused.
  if (parsed.segments.back().empty()) parsed.segments.pop_back();
  for (const std::string& segment : parsed.segments) {
    if (segment.empty()) return std::nullopt;
    parsed.path += '/';
    parsed.path += segment;
  }
  if (parsed.path.empty()) parsed.path = "/";

  if (question != std::string_view::npos) {
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
      const std::size_t amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      if (!pair.empty()) {
        const std::size_t eq = pair.find('=');
        auto name = decode(pair.substr(0, eq), true);
        auto value = decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
        if (!name || !value) return std::nullopt;
        parsed.query[*name] = *value;
      }
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
  }
  return parsed;
}

std::string media_type(std::string_view content_type) {
  const std::size_t semicolon = content_type.find(';');
  std::string_view type = content_type.substr(0, semicolon);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  while (!type.empty() && type.front() == ' ') type.remove_prefix(1);
  std::string out(type);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

}  // namespace kompetent::api
