// Finding an import profile by name: "standard" ships in data/profiles, the
// rest are stored in the database.
#pragma once

#include <string>

#include "cli/environment.h"
#include "io/import/import_profile.h"

namespace kompetent::cli {

[[nodiscard]] Result<io::ImportProfile> standard_profile(const Environment& env);
// The keys of the stored categories, which a profile's title map may name.
[[nodiscard]] std::vector<std::string> category_keys(Environment& env);
// not_found "profile_not_found" {name} if there is no such profile.
[[nodiscard]] Result<io::ImportProfile> find_profile(Environment& env, const std::string& name);

}  // namespace kompetent::cli
