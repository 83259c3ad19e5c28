#include "api/api_error.h"

#include <map>
#include <nlohmann/json.hpp>

namespace kompetent::api {
namespace {

ErrorKind kind_for_status(int status) {
  switch (status) {
    case 403: return ErrorKind::forbidden;
    case 404: return ErrorKind::not_found;
    case 409: return ErrorKind::conflict;
    case 500: return ErrorKind::internal;
    case 503: return ErrorKind::io;
    default: return ErrorKind::invalid;
  }
}

std::string message(const MessageCatalogue& catalogue, const Error& error) {
  const std::string key = "error." + error.code;
  // A code without its own message still says something a person can use.
  if (!catalogue.has(key)) return catalogue.text("error.unexpected", {error.code});
  return catalogue.text(key, error.args);
}

// Names for the positional arguments of the codes clients are likely to
// read, so a client writes args.name rather than args["0"]. Codes not listed
// keep their positions as keys.
const std::vector<std::string_view>& arg_names(std::string_view code) {
  static const std::map<std::string_view, std::vector<std::string_view>> names = {
      {"invalid_parameter", {"name"}},
      {"invalid_date", {"value"}},
      {"unknown_municipality", {"municipality"}},
      {"unknown_region", {"region"}},
      {"unknown_category", {"category"}},
      {"unknown_dimension", {"dimension"}},
      {"invalid_node_path", {"node"}},
      {"unknown_node", {"node"}},
      {"snapshot_exists", {"municipality", "date"}},
      {"snapshot_not_found", {"municipality", "date"}},
      {"no_snapshot", {"municipality"}},
      {"no_units", {"municipality"}},
      {"too_many_attempts", {"seconds"}},
      {"user_exists", {"username"}},
      {"user_not_found", {"username"}},
      {"confirmation_required", {"date"}},
      {"password_too_short", {"min"}},
      {"password_too_long", {"max"}},
      {"profile_not_found", {"name"}},
      {"scenario_name_taken", {"name"}},
      {"scenario_not_found", {"id"}},
      {"min_group_too_small", {"min"}},
  };
  static const std::vector<std::string_view> none;
  const auto it = names.find(code);
  return it == names.end() ? none : it->second;
}

}  // namespace

int status_for(const Error& error) {
  if (error.code == "database_busy" || error.code == "busy") return 503;
  if (error.code == "unauthenticated" || error.code == "login_failed" || error.code == "session_expired") return 401;
  if (error.code == "password_wrong") return 403;  // re-authentication failed
  if (error.code == "import_refused" || error.code == "password_too_short" ||
      error.code == "password_too_long") {
    return 422;
  }
  if (error.code == "too_many_attempts") return 429;
  switch (error.kind) {
    case ErrorKind::invalid: return 400;
    case ErrorKind::not_found: return 404;
    case ErrorKind::conflict: return 409;
    case ErrorKind::forbidden: return 403;
    case ErrorKind::io:
    case ErrorKind::internal: return 500;
  }
  return 500;
}

HttpResponse error_response(const Error& error, const Messages& messages, int status) {
  if (status == 0) status = status_for(error);
  nlohmann::ordered_json args = nlohmann::ordered_json::object();
  const auto& names = arg_names(error.code);
  for (std::size_t i = 0; i < error.args.size(); ++i) {
    args[i < names.size() ? std::string(names[i]) : std::to_string(i)] = error.args[i];
  }
  // The store's "database_busy" is the contract's "busy": the client only needs to wait.
  const std::string code = error.code == "database_busy" ? "busy" : error.code;
  nlohmann::ordered_json body;
  body["error"] = {{"code", code},
                   {"message", {{"nb", message(messages.nb, error)}, {"en", message(messages.en, error)}}},
                   {"args", args}};
  HttpResponse response = HttpResponse::json(status, body.dump());
  if (status == 503 || status == 429) response.with_header("Retry-After", "2");
  return response;
}

HttpResponse error_response(int status, std::string_view code, const Messages& messages) {
  return error_response(Error{kind_for_status(status), std::string(code), {}}, messages, status);
}

}  // namespace kompetent::api
