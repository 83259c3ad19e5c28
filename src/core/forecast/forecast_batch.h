// Many forecasts at once: every municipality under every scenario, as a national overview or a
// server with several scenarios open needs them. The work is split over `threads` threads.
//
//   std::vector<ForecastJob> jobs = ...;  // one per municipality × scenario
//   auto results = forecast_batch(jobs, parameters, 2050, std::thread::hardware_concurrency());
//
// Pure and deterministic: each result is exactly (bit for bit) what forecast_workforce gives for
// its job, whatever the number of threads and whichever thread computed it.
#pragma once

#include <span>
#include <vector>

#include "core/forecast/workforce_forecast.h"

namespace kompetent::forecast {

// One forecast to run. The pointers are borrowed: they must outlive the call.
struct ForecastJob {
  const PreparedWorkforce* prepared = nullptr;
  const PopulationSeries* population = nullptr;
  const Scenario* scenario = nullptr;
};

// forecast_workforce(*job.prepared, *job.population, parameters, *job.scenario, to_year) for
// every job, results in the order of `jobs`; a job that fails has its error in its place and
// does not stop the others. `threads` 0 or 1 runs on the calling thread.
[[nodiscard]] std::vector<Result<WorkforceForecast>> forecast_batch(std::span<const ForecastJob> jobs,
                                                                    const ForecastParameters& parameters,
                                                                    int to_year, unsigned threads);

}  // namespace kompetent::forecast
