// The route handlers, one function per route id of router.cpp, grouped in
// files by resource. Each is reached only after the access policy allowed it.
#pragma once

#include <string_view>

#include "api/request_context.h"

namespace kompetent::api::handlers {

// page_handlers.cpp
HttpResponse landing_page(RequestContext&);
HttpResponse setup_page(RequestContext&);
HttpResponse setup_script(RequestContext&);
HttpResponse web_app(RequestContext&);
// session_handlers.cpp
HttpResponse health(RequestContext&);
HttpResponse setup(RequestContext&);
HttpResponse login(RequestContext&);
HttpResponse session(RequestContext&);
HttpResponse logout(RequestContext&);
HttpResponse password_change(RequestContext&);
// user_handlers.cpp
HttpResponse users_list(RequestContext&);
HttpResponse user_add(RequestContext&);
HttpResponse user_disable(RequestContext&);
HttpResponse audit_list(RequestContext&);
// reference_handlers.cpp
HttpResponse regions(RequestContext&);
HttpResponse municipalities(RequestContext&);
HttpResponse categories(RequestContext&);
HttpResponse tree(RequestContext&);
HttpResponse snapshots(RequestContext&);
HttpResponse snapshot_delete(RequestContext&);
// position_handlers.cpp
HttpResponse positions(RequestContext&);
HttpResponse my_positions(RequestContext&);
// indicator_handlers.cpp
HttpResponse indicators(RequestContext&);
HttpResponse indicators_export(RequestContext&);
// import_handlers.cpp
std::optional<HttpResponse> admit_import(RequestContext&);
HttpResponse import_start(RequestContext&);
HttpResponse import_job(RequestContext&);
HttpResponse import_errors(RequestContext&);
// forecast_handlers.cpp
HttpResponse forecast(RequestContext&);
HttpResponse forecast_export(RequestContext&);
HttpResponse forecast_levers(RequestContext&);
// scenario_handlers.cpp
HttpResponse forecast_scenarios(RequestContext&);
HttpResponse forecast_scenario_save(RequestContext&);
HttpResponse forecast_scenario_update(RequestContext&);
HttpResponse forecast_scenario_delete(RequestContext&);

// The handler of a route id, or null.
[[nodiscard]] RouteHandler handler_for(std::string_view route_id);

}  // namespace kompetent::api::handlers
