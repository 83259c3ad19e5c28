// The recruitment-need forecast (docs/forecast.md) as JSON and as a file. Placeholder while
// issue 6's server side is written: 404 so nothing mistakes it for a result.
#include "api/handlers/handlers.h"

namespace kompetent::api::handlers {

HttpResponse forecast(RequestContext& ctx) { return ctx.error(404, "not_found"); }
HttpResponse forecast_export(RequestContext& ctx) { return ctx.error(404, "not_found"); }
HttpResponse forecast_levers(RequestContext& ctx) { return ctx.error(404, "not_found"); }

}  // namespace kompetent::api::handlers
