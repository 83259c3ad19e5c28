#include "cli/profiles.h"

#include "api/import_runner.h"

namespace kompetent::cli {

// One lookup for the CLI and the server (api/import_runner.h).
std::vector<std::string> category_keys(Environment& env) { return api::category_keys(*env.database); }

Result<io::ImportProfile> standard_profile(const Environment& env) {
  return api::standard_import_profile(env.data_dir);
}

Result<io::ImportProfile> find_profile(Environment& env, const std::string& name) {
  return api::find_import_profile(env.data_dir, *env.database, name);
}

}  // namespace kompetent::cli
