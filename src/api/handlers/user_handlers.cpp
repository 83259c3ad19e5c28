// Accounts and the audit trail: administrators only (access_policy.cpp).
#include <charconv>

#include "api/handlers/handlers.h"
#include "api/json_body.h"
#include "api/json_mapping.h"
#include "api/session_service.h"
#include "core/access/password_policy.h"
#include "core/calendar/date.h"
#include "security/password_hash.h"

namespace kompetent::api::handlers {
namespace {

// The account's municipality, region and units must exist in the reference data.
Status check_scope_exists(const UserAccount& account, const ReferenceData& reference) {
  if (!account.municipality.empty() && !reference.find_municipality(account.municipality)) {
    return Error::invalid("unknown_municipality", {account.municipality});
  }
  if (!account.region.empty() && !reference.find_region(account.region)) {
    return Error::not_found("unknown_region", {account.region});
  }
  return ok_status();
}

std::optional<std::chrono::sys_seconds> day_start(std::string_view text) {
  auto date = parse_iso_date(text);
  if (!date) return std::nullopt;
  return std::chrono::sys_seconds(std::chrono::sys_days(*date).time_since_epoch());
}

}  // namespace

HttpResponse users_list(RequestContext& ctx) {
  auto users = ctx.db.users().list_users();
  if (!users.ok()) return ctx.error(users.error());
  Json list = Json::array();
  for (const UserAccount& user : users.value()) list.push_back(user_json(user));
  return HttpResponse::json(200, Json{{"users", list}}.dump());
}

HttpResponse user_add(RequestContext& ctx) {
  auto body = parse_json_object(ctx.request);
  if (!body.ok()) return ctx.error(body.error());
  const auto& json = body.value();
  UserAccount account;
  auto username = string_field(json, "username", true);
  auto password = string_field(json, "password", true);
  auto role = string_field(json, "role", true);
  auto display_name = string_field(json, "display_name", false);
  auto municipality = string_field(json, "municipality", false);
  auto region = string_field(json, "region", false);
  auto employee_id = string_field(json, "employee_id", false);
  auto units = string_list_field(json, "units");
  for (const auto* field : {&username, &password, &role, &display_name, &municipality, &region, &employee_id}) {
    if (!field->ok()) return ctx.error(field->error());
  }
  if (!units.ok()) return ctx.error(units.error());
  const auto parsed_role = parse_role(role.value());
  if (!parsed_role) return ctx.error(Error::invalid("invalid_parameter", {"role"}));
  account.username = normalize_username(username.value());
  account.display_name = display_name.value();
  account.role = *parsed_role;
  account.municipality = municipality.value();
  account.region = region.value();
  account.units = units.value();
  account.employee_id = employee_id.value();
  if (Status valid = validate_account(account); !valid.ok()) return ctx.error(valid.error());
  if (Status exists = check_scope_exists(account, ctx.server.reference); !exists.ok()) {
    return ctx.error(exists.error(), 400);
  }
  if (Status policy = check_password_policy(password.value()); !policy.ok()) return ctx.error(policy.error());
  auto hash = security::hash_password(password.value());
  if (!hash.ok()) return ctx.error(hash.error());
  auto added = retry_when_busy([&] { return ctx.db.users().add_user(account, hash.value()); });
  if (!added.ok()) return ctx.error(added.error());
  (void)audit(ctx.server, ctx.db, ctx.principal, ctx.request.remote_address, "user_add",
              added.value().municipality, added.value().username);
  return HttpResponse::json(201, Json{{"user", user_json(added.value())}}.dump());
}

HttpResponse user_disable(RequestContext& ctx) {
  auto user = ctx.db.users().find_user(normalize_username(ctx.param("username")));
  if (!user.ok()) return ctx.error(user.error());
  if (!user.value()) return ctx.error(Error::not_found("user_not_found", {ctx.param("username")}));
  Status disabled = retry_when_busy([&] { return ctx.db.users().set_disabled(user.value()->id, true); });
  if (!disabled.ok()) return ctx.error(disabled.error());
  (void)audit(ctx.server, ctx.db, ctx.principal, ctx.request.remote_address, "user_disable",
              user.value()->municipality, user.value()->username);
  return HttpResponse::no_content();
}

HttpResponse audit_list(RequestContext& ctx) {
  AuditQuery query;
  if (auto from = ctx.request.query_value("from")) {
    query.from = day_start(*from);
    if (!query.from) return ctx.error(Error::invalid("invalid_date", {std::string(*from)}));
  }
  if (auto to = ctx.request.query_value("to")) {
    auto day = day_start(*to);
    if (!day) return ctx.error(Error::invalid("invalid_date", {std::string(*to)}));
    query.to = *day + std::chrono::days{1};  // "to" includes the whole day
  }
  if (auto user = ctx.request.query_value("user")) query.username = std::string(*user);
  if (auto action = ctx.request.query_value("action")) query.action = std::string(*action);
  if (auto limit = ctx.request.query_value("limit")) {
    int value = 0;
    const auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (ec != std::errc() || end != limit->data() + limit->size() || value < 1 || value > 10000) {
      return ctx.error(Error::invalid("invalid_parameter", {"limit"}));
    }
    query.limit = value;
  }
  auto entries = ctx.db.audit().list(query);
  if (!entries.ok()) return ctx.error(entries.error());
  Json list = Json::array();
  for (const AuditEntry& entry : entries.value()) list.push_back(audit_json(entry));
  return HttpResponse::json(200, Json{{"entries", list}}.dump());
}

}  // namespace kompetent::api::handlers
