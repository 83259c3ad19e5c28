// Health, first-administrator setup, login, the current session, logout and
// password change.
#include "api/handlers/handlers.h"
#include "api/json_body.h"
#include "api/json_mapping.h"
#include "api/session_service.h"
#include "core/access/password_policy.h"
#include "core/access/session_policy.h"
#include "security/digest.h"
#include "security/password_hash.h"

namespace kompetent::api::handlers {
namespace {

// Browsers accept a Secure cookie over plain HTTP only from localhost; a
// deployment elsewhere runs behind a TLS proxy (request.secure).
bool secure_context(const HttpRequest& request) {
  if (request.secure) return true;
  std::string_view host = request.header("Host");
  if (const auto colon = host.rfind(':'); colon != std::string_view::npos && host.find(']') == std::string_view::npos) {
    host = host.substr(0, colon);
  } else if (host.starts_with("[")) {
    host = host.substr(0, host.find(']') + 1);
  }
  return host == "localhost" || host == "127.0.0.1" || host == "[::1]";
}

std::string cookie_header(const HttpRequest& request, const std::string& token, long max_age) {
  const bool secure = secure_context(request);
  std::string cookie = std::string(secure ? "__Host-kompetent=" : "kompetent=") + token +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (secure) cookie += "; Secure";
  return cookie;
}

Json session_json(const Principal& who) {
  Json out;
  out["user"] = user_json(who.account);
  out["csrf_token"] = who.csrf_token;
  return out;
}

}  // namespace

HttpResponse health(RequestContext&) { return HttpResponse::json(200, R"({"status":"ok"})"); }

HttpResponse setup(RequestContext& ctx) {
  auto body = parse_json_object(ctx.request);
  if (!body.ok()) return ctx.error(body.error());
  auto token = string_field(body.value(), "token", true);
  auto username = string_field(body.value(), "username", true);
  auto password = string_field(body.value(), "password", true);
  auto display_name = string_field(body.value(), "display_name", false);
  for (const auto* field : {&token, &username, &password, &display_name}) {
    if (!field->ok()) return ctx.error(field->error());
  }
  UserAccount admin;
  admin.username = normalize_username(username.value());
  admin.display_name = display_name.value();
  admin.role = Role::administrator;
  if (Status valid = validate_account(admin); !valid.ok()) return ctx.error(valid.error());
  if (Status policy = check_password_policy(password.value()); !policy.ok()) return ctx.error(policy.error());
  auto hash = security::hash_password(password.value());
  if (!hash.ok()) return ctx.error(hash.error());
  auto added = retry_when_busy([&] {
    return ctx.db.users().add_first_administrator(security::sha256_hex(token.value()),
                                                  ctx.server.clock.now_utc(), admin, hash.value());
  });
  if (!added.ok()) {
    // A used link on an installation that has its administrator: say setup is
    // done (log in instead), rather than that the link is bad.
    if (added.error().code == "setup_token_invalid") {
      if (auto users = ctx.db.users().count_users(); users.ok() && users.value() > 0) {
        return ctx.error(Error::conflict("setup_done"));
      }
    }
    return ctx.error(added.error());
  }
  Principal who;
  who.account = added.value();
  (void)audit(ctx.server, ctx.db, &who, ctx.request.remote_address, "user_add", "", who.account.username);
  return HttpResponse::json(201, Json{{"user", user_json(added.value())}}.dump());
}

HttpResponse login(RequestContext& ctx) {
  auto body = parse_json_object(ctx.request);
  if (!body.ok()) return ctx.error(body.error());
  auto username = string_field(body.value(), "username", true);
  if (!username.ok()) return ctx.error(username.error());
  auto password = string_field(body.value(), "password", true);
  if (!password.ok()) return ctx.error(password.error());
  auto result = api::login(ctx.server, ctx.db, username.value(), password.value(), ctx.request.remote_address);
  if (!result.ok()) {
    HttpResponse refused = ctx.error(result.error());
    if (result.error().code == "too_many_attempts") {
      refused.with_header("Retry-After", result.error().args.at(0));
    }
    return refused;
  }
  HttpResponse response = HttpResponse::json(200, session_json(result.value().principal).dump());
  response.with_header("Set-Cookie", cookie_header(ctx.request, result.value().token,
                                                   static_cast<long>(kSessionAbsoluteTimeout.count())));
  response.with_header("Cache-Control", "no-store");
  response.log_user = result.value().principal.account.username;
  return response;
}

HttpResponse session(RequestContext& ctx) {
  HttpResponse response = HttpResponse::json(200, session_json(ctx.who()).dump());
  response.with_header("Cache-Control", "no-store");
  return response;
}

HttpResponse logout(RequestContext& ctx) {
  if (Status done = api::logout(ctx.server, ctx.db, ctx.who(), ctx.request.remote_address); !done.ok()) {
    return ctx.error(done.error());
  }
  HttpResponse response = HttpResponse::no_content();
  response.with_header("Set-Cookie", cookie_header(ctx.request, "", 0));
  return response;
}

HttpResponse password_change(RequestContext& ctx) {
  auto body = parse_json_object(ctx.request);
  if (!body.ok()) return ctx.error(body.error());
  auto current = string_field(body.value(), "current_password", true);
  if (!current.ok()) return ctx.error(current.error());
  auto replacement = string_field(body.value(), "new_password", true);
  if (!replacement.ok()) return ctx.error(replacement.error());
  Status changed = api::change_password(ctx.server, ctx.db, ctx.who(), current.value(), replacement.value(),
                                   ctx.request.remote_address);
  if (!changed.ok()) return ctx.error(changed.error());
  return HttpResponse::no_content();
}

}  // namespace kompetent::api::handlers
