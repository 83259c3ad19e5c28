#include "api/api_application.h"

#include "api/access_policy.h"
#include "api/handlers/handlers.h"
#include "api/json_body.h"
#include "api/router.h"
#include "api/session_service.h"

namespace kompetent::api {
namespace {

Language language_of(const HttpRequest& request) {
  if (auto lang = request.query_value("lang")) return *lang == "en" ? Language::en : Language::nb;
  const std::string_view accept = request.header("Accept-Language");
  return accept.starts_with("en") ? Language::en : Language::nb;
}

bool state_changing(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

std::string session_token(std::string_view header) {
  std::string found;
  while (!header.empty()) {
    const std::size_t semicolon = header.find(';');
    std::string_view pair = header.substr(0, semicolon);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos) {
      const std::string_view name = pair.substr(0, eq);
      // The __Host- form wins: a plain cookie could have been planted by a sibling host.
      if (name == "__Host-kompetent") return std::string(pair.substr(eq + 1));
      if (name == "kompetent") found = std::string(pair.substr(eq + 1));
    }
    if (semicolon == std::string_view::npos) break;
    header.remove_prefix(semicolon + 1);
  }
  return found;
}

BodyMode ApiApplication::body_mode(const HttpRequest& head) const {
  const RouteMatch match = match_route(head.method, head.path_segments);
  return match.route && match.route->streams_body ? BodyMode::to_file : BodyMode::small;
}

std::optional<HttpResponse> ApiApplication::admit(const HttpRequest& head) {
  HttpRequest copy = head;
  return process(copy, true);
}

HttpResponse ApiApplication::handle(HttpRequest& request) {
  auto response = process(request, false);
  return response ? std::move(*response) : refusal(500, "internal");
}

HttpResponse ApiApplication::refusal(int status, std::string_view code) {
  return error_response(status, code, server_.messages);
}

std::optional<HttpResponse> ApiApplication::process(HttpRequest& request, bool admission_only) {
  const RouteMatch match = match_route(request.method, request.path_segments);
  if (!match.route) {
    HttpResponse response = refusal(match.path_known ? 405 : 404, match.path_known ? "method_not_allowed" : "not_found");
    if (match.path_known) {
      std::string allow;
      for (const Route& route : all_routes()) {
        RouteMatch probe = match_route(route.method, request.path_segments);
        if (probe.route == &route) allow += (allow.empty() ? "" : ", ") + std::string(route.method);
      }
      response.with_header("Allow", allow);
    }
    return response;
  }
  const AccessRule* rule = rule_for(match.route->id);
  if (!rule) return refusal(403, "forbidden");  // deny by default

  auto lease = server_.pool.acquire();
  if (!lease.ok()) return error_response(lease.error(), server_.messages);
  store::Database& db = *lease.value();

  std::optional<Principal> principal;
  if (!rule->is_public) {
    auto found = authenticate(server_, db, session_token(request.header("Cookie")));
    if (!found.ok()) return error_response(found.error(), server_.messages);
    if (!found.value()) return refusal(401, "unauthenticated");
    principal = std::move(found).value();
    if (!rule->allowed.has(principal->account.role)) {
      HttpResponse denied = refusal(403, "forbidden");
      denied.log_user = principal->account.username;
      return denied;
    }
    if (rule->needs_csrf && !equal_secrets(request.header("X-CSRF-Token"), principal->csrf_token)) {
      HttpResponse denied = refusal(403, "csrf_failed");
      denied.log_user = principal->account.username;
      return denied;
    }
  }
  // A JSON body must say it is JSON: a form post from another site cannot.
  if (state_changing(request.method) && !match.route->streams_body && !request.body.empty() &&
      media_type(request.header("Content-Type")) != "application/json") {
    return refusal(415, "unsupported_media_type");
  }
  if (principal) {
    const auto& params = match.params;
    bool allowed = true;
    switch (rule->scope) {
      case Scope::municipality_read:
        allowed = may_read_municipality(*principal, params.at("number"), server_.reference.regions);
        break;
      case Scope::municipality_hr: allowed = is_hr_of(*principal, params.at("number")); break;
      case Scope::positions:
        allowed = principal->account.municipality == params.at("number") &&
                  (principal->account.role == Role::municipality_hr || principal->account.role == Role::unit_leader);
        break;
      case Scope::none:
      case Scope::indicators:  // decided by the handler with indicator_access()
      case Scope::import_job:  // decided by the handler: the job's starter or an administrator
      case Scope::forecast_scenario:  // decided by the handler: the scenario's (or the body's) scope
        break;
    }
    if (!allowed) {
      HttpResponse denied = refusal(403, "forbidden");
      denied.log_user = principal->account.username;
      return denied;
    }
  }

  RequestContext ctx{request, match, principal ? &*principal : nullptr, server_, db, language_of(request)};
  if (admission_only) {
    if (match.route->id == "import_start") return handlers::admit_import(ctx);
    return std::nullopt;
  }
  const RouteHandler handler = handlers::handler_for(match.route->id);
  if (!handler) return refusal(404, "not_found");
  HttpResponse response = handler(ctx);
  if (principal && response.log_user.empty()) response.log_user = principal->account.username;
  if (!response.headers.count("Cache-Control")) response.with_header("Cache-Control", "no-store");
  response.with_header("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace kompetent::api
