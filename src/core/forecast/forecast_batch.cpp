#include "core/forecast/forecast_batch.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace kompetent::forecast {

std::vector<Result<WorkforceForecast>> forecast_batch(std::span<const ForecastJob> jobs,
                                                      const ForecastParameters& parameters, int to_year,
                                                      unsigned threads) {
  std::vector<Result<WorkforceForecast>> results(jobs.size(), WorkforceForecast{});
  // Jobs are handed out one at a time from a shared counter, so a thread that gets small
  // municipalities takes more of them. Each job writes only its own slot.
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t j = next++; j < jobs.size(); j = next++) {
      const ForecastJob& job = jobs[j];
      results[j] = forecast_workforce(*job.prepared, *job.population, parameters, *job.scenario, to_year);
    }
  };
  {
    const std::size_t helpers = std::min<std::size_t>(threads, jobs.size());
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < helpers; ++t) pool.emplace_back(work);
    work();
  }  // every thread has joined: the results are complete
  return results;
}

}  // namespace kompetent::forecast
