// The API as the HTTP server sees it: every request goes route → rule →
// session → role → CSRF → content type → scope → handler, in that order, and
// stops at the first refusal. Nothing reaches a handler that the access
// policy did not allow.
#pragma once

#include "api/http/http_server.h"
#include "api/server_context.h"

namespace kompetent::api {

class ApiApplication final : public RequestHandler {
 public:
  explicit ApiApplication(ServerContext& server) : server_(server) {}

  [[nodiscard]] BodyMode body_mode(const HttpRequest& head) const override;
  [[nodiscard]] std::optional<HttpResponse> admit(const HttpRequest& head) override;
  [[nodiscard]] HttpResponse handle(HttpRequest& request) override;
  [[nodiscard]] HttpResponse refusal(int status, std::string_view code) override;

 private:
  // Runs every check; with `admission_only` stops before the handler (for
  // uploads whose body is not read yet) and returns nullopt when admitted.
  std::optional<HttpResponse> process(HttpRequest& request, bool admission_only);

  ServerContext& server_;
};

// The session token in a Cookie header ("__Host-kompetent" or "kompetent"), or "".
[[nodiscard]] std::string session_token(std::string_view cookie_header);

}  // namespace kompetent::api
