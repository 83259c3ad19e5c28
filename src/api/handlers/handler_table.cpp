#include <array>
#include <utility>

#include "api/handlers/handlers.h"

namespace kompetent::api::handlers {

RouteHandler handler_for(std::string_view route_id) {
  static const std::array<std::pair<std::string_view, RouteHandler>, 34> table = {{
      {"landing_page", landing_page},
      {"setup_page", setup_page},
      {"setup_script", setup_script},
      {"web_app", web_app},
      {"health", health},
      {"setup", setup},
      {"login", login},
      {"session", session},
      {"logout", logout},
      {"password_change", password_change},
      {"users_list", users_list},
      {"user_add", user_add},
      {"user_disable", user_disable},
      {"audit", audit_list},
      {"regions", regions},
      {"municipalities", municipalities},
      {"categories", categories},
      {"tree", tree},
      {"snapshots", snapshots},
      {"snapshot_delete", snapshot_delete},
      {"positions", positions},
      {"my_positions", my_positions},
      {"indicators", indicators},
      {"indicators_export", indicators_export},
      {"import_start", import_start},
      {"import_job", import_job},
      {"import_errors", import_errors},
      {"forecast", forecast},
      {"forecast_export", forecast_export},
      {"forecast_levers", forecast_levers},
      {"forecast_scenarios", forecast_scenarios},
      {"forecast_scenario_save", forecast_scenario_save},
      {"forecast_scenario_update", forecast_scenario_update},
      {"forecast_scenario_delete", forecast_scenario_delete},
  }};
  for (const auto& [id, handler] : table) {
    if (id == route_id) return handler;
  }
  return nullptr;
}

}  // namespace kompetent::api::handlers
