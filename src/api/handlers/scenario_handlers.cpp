// Saved forecast scenarios. Placeholder while issue 6's server side is written: 404 so
// nothing mistakes it for a result.
#include "api/handlers/handlers.h"

namespace kompetent::api::handlers {

HttpResponse forecast_scenarios(RequestContext& ctx) { return ctx.error(404, "not_found"); }
HttpResponse forecast_scenario_save(RequestContext& ctx) { return ctx.error(404, "not_found"); }
HttpResponse forecast_scenario_update(RequestContext& ctx) { return ctx.error(404, "not_found"); }
HttpResponse forecast_scenario_delete(RequestContext& ctx) { return ctx.error(404, "not_found"); }

}  // namespace kompetent::api::handlers
