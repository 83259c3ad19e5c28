#include "cli/profiles.h"

#include <fstream>
#include <iterator>

namespace kompetent::cli {
std::vector<std::string> category_keys(Environment& env) {
  std::vector<std::string> keys;
  if (auto categories = env.database->reference().categories(); categories.ok()) {
    for (const auto& c : categories.value().all()) keys.push_back(c.key);
  }
  return keys;
}

Result<io::ImportProfile> standard_profile(const Environment& env) {
  const auto path = env.data_dir / "profiles" / "standard.json";
  std::ifstream in(path);
  if (!in) return Error::io("data_dir_invalid", {path.string()});
  std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return io::parse_import_profile(json, nullptr, {});
}

Result<io::ImportProfile> find_profile(Environment& env, const std::string& name) {
  auto standard = standard_profile(env);
  if (!standard.ok() || name == "standard") return standard;
  auto json = env.database->reference().load_profile(name);
  if (!json.ok()) return json.error();
  return io::parse_import_profile(json.value(), &standard.value(), category_keys(env));
}

}  // namespace kompetent::cli
