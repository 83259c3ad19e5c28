// What a route handler gets: the request, the route's parameters, who is
// asking (already authenticated and checked against the route's rule), the
// shared server context, and a database connection for this request.
#pragma once

#include <string>

#include "api/http/http_message.h"
#include "api/principal.h"
#include "api/router.h"
#include "api/server_context.h"
#include "core/i18n/number_format.h"
#include "store/database.h"

namespace kompetent::api {

struct RequestContext {
  HttpRequest& request;
  const RouteMatch& match;
  const Principal* principal;  // null only on public routes
  ServerContext& server;
  store::Database& db;
  Language language = Language::nb;  // ?lang=en, else Accept-Language, else bokmål

  [[nodiscard]] const std::string& param(const std::string& name) const { return match.params.at(name); }
  [[nodiscard]] const Principal& who() const { return *principal; }
  [[nodiscard]] HttpResponse error(const Error& e, int status = 0) const {
    return error_response(e, server.messages, status);
  }
  [[nodiscard]] HttpResponse error(int status, std::string_view code) const {
    return error_response(status, code, server.messages);
  }
};

using RouteHandler = HttpResponse (*)(RequestContext&);

}  // namespace kompetent::api
