// Saved forecast scenarios: list a scope's, save, rename or change, delete
// (docs/api.md, "Saved scenarios"). Reading is the forecast's access
// (indicator_access); writing is decided here, by the scenario's scope
// (saved_scenarios.h): the route's rule admits hr and coordinators only.
#include <algorithm>

#include "api/handlers/handlers.h"
#include "api/json_body.h"
#include "api/json_mapping.h"
#include "api/saved_scenarios.h"
#include "api/session_service.h"

namespace kompetent::api::handlers {
namespace {

constexpr std::size_t kMaxScenarioNameLength = 80;  // characters, docs/openapi.yaml

bool is_name_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The name without surrounding whitespace; invalid "invalid_scenario_name" unless
// it is 1–80 characters (UTF-8 code points) without control characters.
Result<std::string> checked_scenario_name(std::string_view name) {
  while (!name.empty() && is_name_whitespace(name.front())) name.remove_prefix(1);
  while (!name.empty() && is_name_whitespace(name.back())) name.remove_suffix(1);
  std::size_t characters = 0;
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return Error::invalid("invalid_scenario_name");
    if ((byte & 0xC0) != 0x80) ++characters;  // not a continuation byte
  }
  if (characters < 1 || characters > kMaxScenarioNameLength) return Error::invalid("invalid_scenario_name");
  return std::string(name);
}

Json saved_scenario_json(const store::SavedScenario& saved) {
  Json out;
  out["id"] = saved.id;
  out["name"] = saved.name;
  if (!saved.scope.municipality.empty()) out["municipality"] = saved.scope.municipality;
  if (!saved.scope.region.empty()) out["region"] = saved.scope.region;
  out["levers"] = Json::parse(saved.levers_json, nullptr, /*allow_exceptions=*/false);
  out["created_by"] = saved.created_by;
  out["created_at"] = to_iso_utc(saved.created_at);
  out["updated_at"] = to_iso_utc(saved.updated_at);
  return out;
}

// The `levers` of a request body, applied and written out in full.
Result<std::string> request_levers_to_store(RequestContext& ctx, const nlohmann::json& levers) {
  auto keys = lever_keys(ctx.db, ctx.server.reference.data_dir);
  if (!keys.ok()) return keys.error();
  auto normalised = normalised_levers(levers, keys.value());
  if (!normalised.ok()) return normalised.error();
  return normalised.value().dump();
}

// The scenario of the path's {id} if this user may read it; 404 alike for a
// missing id and one of a scope the user does not see.
Result<store::SavedScenario> readable_scenario(RequestContext& ctx) {
  const std::string& text = ctx.param("id");
  const auto id = parse_scenario_id(text);
  if (!id) return Error::not_found("scenario_not_found", {text});
  auto saved = ctx.db.scenarios().find_scenario(*id);
  if (!saved.ok()) return saved.error();
  if (!may_read_scenario(ctx.who(), saved.value().scope, ctx.server.reference.regions)) {
    return Error::not_found("scenario_not_found", {text});
  }
  return saved;
}

std::string scenario_audit_detail(const store::SavedScenario& saved) {
  Json detail{{"name", saved.name}};
  if (!saved.scope.region.empty()) detail["region"] = saved.scope.region;
  return detail.dump();
}

void audit_scenario(RequestContext& ctx, const char* action, const store::SavedScenario& saved) {
  (void)audit(ctx.server, ctx.db, ctx.principal, ctx.request.remote_address, action, saved.scope.municipality,
              std::to_string(saved.id), AuditOutcome::success, scenario_audit_detail(saved));
}

}  // namespace

HttpResponse forecast_scenarios(RequestContext& ctx) {
  const auto municipality = ctx.request.query_value("municipality");
  const auto region = ctx.request.query_value("region");
  if (municipality.has_value() == region.has_value()) {
    return ctx.error(Error::invalid("invalid_parameter", {"municipality"}));
  }
  store::ScenarioScope scope;
  if (municipality) {
    if (!ctx.server.reference.find_municipality(*municipality)) {
      return ctx.error(Error::not_found("unknown_municipality", {std::string(*municipality)}));
    }
    scope.municipality = std::string(*municipality);
  } else {
    if (!ctx.server.reference.find_region(*region)) {
      return ctx.error(Error::not_found("unknown_region", {std::string(*region)}));
    }
    scope.region = std::string(*region);
  }
  if (!may_read_scenario(ctx.who(), scope, ctx.server.reference.regions)) return ctx.error(403, "forbidden");
  auto listed = ctx.db.scenarios().list_scenarios(scope);
  if (!listed.ok()) return ctx.error(listed.error());
  Json list = Json::array();
  for (const store::SavedScenario& saved : listed.value()) list.push_back(saved_scenario_json(saved));
  return HttpResponse::json(200, Json{{"scenarios", list}}.dump());
}

HttpResponse forecast_scenario_save(RequestContext& ctx) {
  auto body = parse_json_object(ctx.request);
  if (!body.ok()) return ctx.error(body.error());
  const nlohmann::json& json = body.value();
  auto municipality = string_field(json, "municipality", false);
  auto region = string_field(json, "region", false);
  auto name = string_field(json, "name", true);
  for (const auto* field : {&municipality, &region, &name}) {
    if (!field->ok()) return ctx.error(field->error());
  }
  if (municipality.value().empty() == region.value().empty()) {
    return ctx.error(Error::invalid("invalid_parameter", {"municipality"}));
  }
  store::SavedScenario saved;
  saved.scope = {municipality.value(), region.value()};
  if (!may_write_scenario(ctx.who(), saved.scope)) return ctx.error(403, "forbidden");
  auto trimmed = checked_scenario_name(name.value());
  if (!trimmed.ok()) return ctx.error(trimmed.error());
  const auto levers = json.find("levers");
  if (levers == json.end()) return ctx.error(Error::invalid("invalid_parameter", {"levers"}));
  auto stored = request_levers_to_store(ctx, *levers);
  if (!stored.ok()) return ctx.error(stored.error());
  saved.name = std::move(trimmed).value();
  saved.levers_json = std::move(stored).value();
  saved.created_by = ctx.who().account.username;

  auto id = retry_when_busy([&] { return ctx.db.scenarios().insert_scenario(saved); });
  if (!id.ok()) return ctx.error(id.error());
  auto written = ctx.db.scenarios().find_scenario(id.value());
  if (!written.ok()) return ctx.error(written.error());
  audit_scenario(ctx, "scenario_save", written.value());
  return HttpResponse::json(201, saved_scenario_json(written.value()).dump());
}

HttpResponse forecast_scenario_update(RequestContext& ctx) {
  auto saved = readable_scenario(ctx);
  if (!saved.ok()) return ctx.error(saved.error());
  if (!may_write_scenario(ctx.who(), saved.value().scope)) return ctx.error(403, "forbidden");
  auto body = parse_json_object(ctx.request);
  if (!body.ok()) return ctx.error(body.error());
  const nlohmann::json& json = body.value();

  std::string name = saved.value().name;
  if (json.contains("name")) {
    auto given = string_field(json, "name", true);
    if (!given.ok()) return ctx.error(given.error());
    auto trimmed = checked_scenario_name(given.value());
    if (!trimmed.ok()) return ctx.error(trimmed.error());
    name = std::move(trimmed).value();
  }
  // New levers replace the old ones (applied to the defaults, like a save).
  std::string levers = saved.value().levers_json;
  if (const auto given = json.find("levers"); given != json.end()) {
    auto stored = request_levers_to_store(ctx, *given);
    if (!stored.ok()) return ctx.error(stored.error());
    levers = std::move(stored).value();
  }
  const std::int64_t id = saved.value().id;
  Status updated = retry_when_busy([&] { return ctx.db.scenarios().update_scenario(id, name, levers); });
  if (!updated.ok()) return ctx.error(updated.error());
  auto written = ctx.db.scenarios().find_scenario(id);
  if (!written.ok()) return ctx.error(written.error());
  audit_scenario(ctx, "scenario_update", written.value());
  return HttpResponse::json(200, saved_scenario_json(written.value()).dump());
}

HttpResponse forecast_scenario_delete(RequestContext& ctx) {
  auto saved = readable_scenario(ctx);
  if (!saved.ok()) return ctx.error(saved.error());
  if (!may_write_scenario(ctx.who(), saved.value().scope)) return ctx.error(403, "forbidden");
  Status deleted = retry_when_busy([&] { return ctx.db.scenarios().delete_scenario(saved.value().id); });
  if (!deleted.ok()) return ctx.error(deleted.error());
  audit_scenario(ctx, "scenario_delete", saved.value());
  return HttpResponse::no_content();
}

}  // namespace kompetent::api::handlers
