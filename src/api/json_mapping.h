// Domain values as the API's JSON (docs/openapi.yaml describes each shape).
#pragma once

#include <nlohmann/json.hpp>

#include "core/access/audit_entry.h"
#include "core/access/user_account.h"
#include "core/workforce/position_record.h"

namespace kompetent::api {

using Json = nlohmann::ordered_json;

[[nodiscard]] Json user_json(const UserAccount& user);
[[nodiscard]] Json audit_json(const AuditEntry& entry);
[[nodiscard]] Json position_json(const PositionRecord& record);

}  // namespace kompetent::api
