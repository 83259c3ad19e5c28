// Reading JSON request bodies: parse once, then take typed fields with errors
// that name the field (400 invalid_json / invalid_parameter {name}).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/http/http_message.h"
#include "core/result.h"

namespace kompetent::api {

// The body as a JSON object; invalid "invalid_json" otherwise.
[[nodiscard]] Result<nlohmann::json> parse_json_object(const HttpRequest& request);

// A string field: invalid "invalid_parameter" {name} when missing (and
// required) or not a string.
[[nodiscard]] Result<std::string> string_field(const nlohmann::json& body, const char* name, bool required);
[[nodiscard]] Result<std::vector<std::string>> string_list_field(const nlohmann::json& body, const char* name);

// Compares without an early exit, for tokens.
[[nodiscard]] bool equal_secrets(std::string_view a, std::string_view b) noexcept;

}  // namespace kompetent::api
