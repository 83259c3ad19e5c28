#include "api/saved_scenario_lookup.h"

#include "api/saved_scenarios.h"

namespace kompetent::api {

Result<SavedScenarioStart> find_saved_scenario(RequestContext& ctx, const IndicatorScope& scope,
                                               std::int64_t id) {
  auto saved = load_saved_scenario(ctx.db, ctx.who(), ctx.server.reference.regions, id,
                                   store::ScenarioScope{scope.municipality, scope.region});
  if (!saved.ok()) return saved.error();
  return SavedScenarioStart{saved.value().id, saved.value().name, saved.value().levers};
}

}  // namespace kompetent::api
