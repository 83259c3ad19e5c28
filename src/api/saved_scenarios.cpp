#include "api/saved_scenarios.h"

#include <charconv>

#include "api/access_policy.h"
#include "io/reference/forecast_parameters.h"
#include "io/reference/scenario_json.h"

namespace kompetent::api {

bool may_read_scenario(const Principal& who, const store::ScenarioScope& scope,
                       std::span<const Region> regions) {
  return indicator_access(who, IndicatorScope{scope.municipality, scope.region, std::nullopt}, regions)
      .allowed;
}

bool may_write_scenario(const Principal& who, const store::ScenarioScope& scope) {
  const UserAccount& user = who.account;
  if (!scope.municipality.empty()) {
    return scope.region.empty() && user.role == Role::municipality_hr && user.municipality == scope.municipality;
  }
  return !scope.region.empty() && user.role == Role::regional_coordinator && user.region == scope.region;
}

Result<LeverKeys> lever_keys(store::Database& db, const std::filesystem::path& data_dir) {
  auto categories = db.reference().categories();
  if (!categories.ok()) return categories.error();
  auto services = io::load_forecast_services(data_dir / "forecast" / "services.csv", categories.value());
  if (!services.ok()) {
    const io::ImportError& e = services.errors.front();
    return Error::invalid("forecast_parameters_invalid",
                          {"services.csv", std::to_string(e.row), e.column, e.code, e.value});
  }
  LeverKeys keys;
  for (const PositionCategory& category : categories.value().all()) keys.categories.push_back(category.key);
  for (const forecast::Service& service : services.value.services()) keys.services.push_back(service.key);
  return keys;
}

Result<nlohmann::ordered_json> normalised_levers(const nlohmann::json& levers, const LeverKeys& keys) {
  forecast::Scenario scenario;
  if (Status applied = io::apply_levers(scenario, levers); !applied.ok()) return applied.error();
  if (Status valid = forecast::validate(scenario, keys.categories, keys.services); !valid.ok()) {
    return valid.error();
  }
  return io::levers_json(scenario);
}

std::optional<std::int64_t> parse_scenario_id(std::string_view text) noexcept {
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id < 1) return std::nullopt;
  return id;
}

Result<LoadedScenario> load_saved_scenario(store::Database& db, const Principal& who,
                                           std::span<const Region> regions, std::int64_t id,
                                           const std::optional<store::ScenarioScope>& only_scope) {
  auto saved = db.scenarios().find_scenario(id);
  if (!saved.ok()) return saved.error();
  const store::ScenarioScope& scope = saved.value().scope;
  if (!may_read_scenario(who, scope, regions) || (only_scope && *only_scope != scope)) {
    return Error::not_found("scenario_not_found", {std::to_string(id)});
  }
  LoadedScenario loaded;
  loaded.id = id;
  loaded.name = saved.value().name;
  loaded.scope = scope;
  loaded.levers = nlohmann::json::parse(saved.value().levers_json, nullptr, /*allow_exceptions=*/false);
  // Stored levers were valid when saved; one renamed since is a 500, not a silent default.
  if (Status applied = io::apply_levers(loaded.scenario, loaded.levers); !applied.ok()) {
    return Error::internal("stored_scenario_invalid", {std::to_string(id), applied.error().code});
  }
  loaded.scenario.name = loaded.name;
  return loaded;
}

}  // namespace kompetent::api
