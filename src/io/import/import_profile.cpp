#include "io/import/import_profile.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "io/import/text_match.h"

namespace kompetent::io {

std::string ImportProfile::category_for_title(std::string_view title) const {
  const std::string wanted = fold_case(trim_view(title));
  for (const auto& [known, category] : titles) {
    if (fold_case(trim_view(known)) == wanted) return category;
  }
  return {};
}

Result<ImportProfile> parse_import_profile(std::string_view json, const ImportProfile* base,
                                           const std::vector<std::string>& category_keys) {
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Error::invalid("invalid_profile", {"not a JSON object"});
  }
  ImportProfile profile;
  if (base) profile.headers = base->headers;

  auto name = doc.find("name");
  if (name == doc.end() || !name->is_string() || name->get<std::string>().empty()) {
    return Error::invalid("invalid_profile", {"\"name\" must be a non-empty string"});
  }
  profile.name = name->get<std::string>();
  if (auto d = doc.find("description"); d != doc.end() && d->is_string()) {
    profile.description = d->get<std::string>();
  }

  if (auto columns = doc.find("columns"); columns != doc.end()) {
    if (!columns->is_object()) return Error::invalid("invalid_profile", {"\"columns\" must be an object"});
    for (const auto& [key, value] : columns->items()) {
      auto field = field_from_key(key);
      if (!field) return Error::invalid("unknown_profile_field", {key});
      std::vector<std::string> headers;
      if (value.is_string()) {
        headers.push_back(value.get<std::string>());
      } else if (value.is_array()) {
        for (const auto& h : value) {
          if (!h.is_string()) return Error::invalid("invalid_profile", {"headers must be strings"});
          headers.push_back(h.get<std::string>());
        }
      } else {
        return Error::invalid("invalid_profile", {"headers must be a string or a list"});
      }
      profile.headers[static_cast<std::size_t>(*field)] = std::move(headers);
    }
  }

  if (auto titles = doc.find("titles"); titles != doc.end()) {
    if (!titles->is_object()) return Error::invalid("invalid_profile", {"\"titles\" must be an object"});
    for (const auto& [title, category] : titles->items()) {
      if (!category.is_string()) return Error::invalid("invalid_profile", {"title map values must be category keys"});
      std::string key = category.get<std::string>();
      if (!category_keys.empty() &&
          std::find(category_keys.begin(), category_keys.end(), key) == category_keys.end()) {
        return Error::invalid("unknown_category", {key, title});
      }
      profile.titles.emplace_back(title, std::move(key));
    }
  }
  return profile;
}

std::string to_json(const ImportProfile& profile) {
  nlohmann::ordered_json doc;
  doc["name"] = profile.name;
  if (!profile.description.empty()) doc["description"] = profile.description;
  nlohmann::ordered_json columns = nlohmann::ordered_json::object();
  for (const FieldInfo& info : all_fields()) {
    const auto& headers = profile.headers_of(info.field);
    if (!headers.empty()) columns[std::string(info.key)] = headers;
  }
  doc["columns"] = columns;
  nlohmann::ordered_json titles = nlohmann::ordered_json::object();
  for (const auto& [title, category] : profile.titles) titles[title] = category;
  doc["titles"] = titles;
  return doc.dump(2);
}

}  // namespace kompetent::io
