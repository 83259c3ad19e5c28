#include "api/json_body.h"

namespace kompetent::api {

Result<nlohmann::json> parse_json_object(const HttpRequest& request) {
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) return Error::invalid("invalid_json");
  return body;
}

Result<std::string> string_field(const nlohmann::json& body, const char* name, bool required) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) return Error::invalid("invalid_parameter", {name});
    return std::string();
  }
  if (!it->is_string()) return Error::invalid("invalid_parameter", {name});
  return it->get<std::string>();
}

Result<std::vector<std::string>> string_list_field(const nlohmann::json& body, const char* name) {
  std::vector<std::string> values;
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return values;
  if (!it->is_array()) return Error::invalid("invalid_parameter", {name});
  for (const auto& value : *it) {
    if (!value.is_string()) return Error::invalid("invalid_parameter", {name});
    values.push_back(value.get<std::string>());
  }
  return values;
}

bool equal_secrets(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace kompetent::api
