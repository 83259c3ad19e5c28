// Everything a request handler may use, built once by `kompetent serve` and
// shared by all worker threads: reference data (read-only), the message
// catalogues, options, and the thread-safe services.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "api/api_error.h"
#include "api/database_pool.h"
#include "api/forecast_cache.h"
#include "api/import_jobs.h"
#include "api/login_throttle.h"
#include "api/view_cache.h"
#include "core/clock.h"
#include "core/org/municipality.h"
#include "core/org/municipality_history.h"

namespace kompetent::api {

struct ReferenceData {
  std::vector<Municipality> municipalities;
  std::vector<Region> regions;
  MunicipalityHistory history;
  std::filesystem::path data_dir;
  // Category keys in the order of data/position_categories.csv, the order
  // people expect them in (related professions together, "other" last).
  std::vector<std::string> category_order;

  [[nodiscard]] const Municipality* find_municipality(std::string_view number) const;
  [[nodiscard]] const Region* find_region(std::string_view id) const;
  // "Fauske", or the number itself when unknown.
  [[nodiscard]] std::string municipality_name(std::string_view number) const;
  // The region a municipality belongs to ("" if none).
  [[nodiscard]] std::string region_of(std::string_view number) const;
};

struct ApiOptions {
  int min_group = 5;                   // k of the small-group suppression (never below 3)
  std::filesystem::path upload_dir;    // where uploads wait for their job
  std::filesystem::path web_dir;       // the built web app, canonical (web_files.h); empty: none
};

struct ServerContext {
  const Clock& clock;
  Messages messages;
  ReferenceData reference;
  ApiOptions options;
  DatabasePool& pool;
  ViewCache& views;
  LoginThrottle& throttle;
  ImportJobs* jobs = nullptr;  // set once the job runner exists
  ForecastCache forecasts{};   // prepared workforces and population series (forecast_cache.h)
};

}  // namespace kompetent::api
