#include "api/router.h"

namespace kompetent::api {
namespace {

std::vector<std::string_view> split(std::string_view pattern) {
  std::vector<std::string_view> parts;
  while (!pattern.empty()) {
    if (pattern.front() == '/') pattern.remove_prefix(1);
    if (pattern.empty()) break;  // "/" has no segments
    const std::size_t slash = pattern.find('/');
    parts.push_back(pattern.substr(0, slash));
    if (slash == std::string_view::npos) break;
    pattern.remove_prefix(slash);
  }
  return parts;
}

bool is_rest_part(std::string_view part) { return part.size() > 3 && part.front() == '{' && part.ends_with("*}"); }

bool matches(std::string_view pattern, const std::vector<std::string>& segments,
             std::map<std::string, std::string>& params) {
  const auto parts = split(pattern);
  const bool has_rest = !parts.empty() && is_rest_part(parts.back());
  if (has_rest ? segments.size() < parts.size() : parts.size() != segments.size()) return false;
  if (has_rest && segments.front() == "api") return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    if (has_rest && i + 1 == parts.size()) {
      std::string rest = segments[i];
      for (std::size_t j = i + 1; j < segments.size(); ++j) rest += "/" + segments[j];
      found[std::string(part.substr(1, part.size() - 3))] = std::move(rest);
      break;
    }
    if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      found[std::string(part.substr(1, part.size() - 2))] = segments[i];
    } else if (part != segments[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

const std::vector<Route>& all_routes() {
  static const std::vector<Route> routes = {
      {"landing_page", "GET", "/"},
      {"setup_page", "GET", "/setup"},
      {"setup_script", "GET", "/setup.js"},
      {"health", "GET", "/api/v1/health"},
      {"setup", "POST", "/api/v1/setup"},
      {"login", "POST", "/api/v1/session"},
      {"session", "GET", "/api/v1/session"},
      {"logout", "DELETE", "/api/v1/session"},
      {"password_change", "PUT", "/api/v1/session/password"},
      {"users_list", "GET", "/api/v1/users"},
      {"user_add", "POST", "/api/v1/users"},
      {"user_disable", "POST", "/api/v1/users/{username}/disable"},
      {"audit", "GET", "/api/v1/audit"},
      {"regions", "GET", "/api/v1/regions"},
      {"municipalities", "GET", "/api/v1/municipalities"},
      {"categories", "GET", "/api/v1/categories"},
      {"tree", "GET", "/api/v1/municipalities/{number}/tree"},
      {"snapshots", "GET", "/api/v1/municipalities/{number}/snapshots"},
      {"snapshot_delete", "DELETE", "/api/v1/municipalities/{number}/snapshots/{date}"},
      {"positions", "GET", "/api/v1/municipalities/{number}/positions"},
      {"my_positions", "GET", "/api/v1/me/positions"},
      {"indicators", "GET", "/api/v1/indicators"},
      {"indicators_export", "GET", "/api/v1/indicators/export"},
      {"import_start", "POST", "/api/v1/municipalities/{number}/imports", true},
      {"import_job", "GET", "/api/v1/imports/{id}"},
      {"import_errors", "GET", "/api/v1/imports/{id}/errors"},
      {"forecast", "GET", "/api/v1/forecast"},
      {"forecast_export", "GET", "/api/v1/forecast/export"},
      {"forecast_levers", "GET", "/api/v1/forecast/levers"},
      {"forecast_scenarios", "GET", "/api/v1/forecast/scenarios"},
      {"forecast_scenario_save", "POST", "/api/v1/forecast/scenarios"},
      {"forecast_scenario_update", "PUT", "/api/v1/forecast/scenarios/{id}"},
      {"forecast_scenario_delete", "DELETE", "/api/v1/forecast/scenarios/{id}"},
      // Last, so every route above wins: the web app's files and client routes.
      {"web_app", "GET", "/{path*}"},
  };
  return routes;
}

RouteMatch match_route(std::string_view method, const std::vector<std::string>& segments) {
  if (method == "HEAD") method = "GET";
  RouteMatch result;
  for (const Route& route : all_routes()) {
    std::map<std::string, std::string> params;
    if (!matches(route.pattern, segments, params)) continue;
    result.path_known = true;
    if (route.method == method) {
      result.route = &route;
      result.params = std::move(params);
      return result;
    }
  }
  return result;
}

}  // namespace kompetent::api
