// Logins and sessions: password check with Argon2id, throttling, a fresh
// 256-bit token per login (so a token planted before login is never
// promoted), the session found by the token's SHA-256, idle and absolute
// timeouts, logout and password change. Every outcome that matters is
// written to the audit trail.
#pragma once

#include <optional>
#include <string>

#include "api/principal.h"
#include "core/access/audit_entry.h"
#include "api/server_context.h"
#include "core/result.h"
#include "store/database.h"

namespace kompetent::api {

struct LoginResult {
  Principal principal;
  std::string token;  // goes into the cookie; never stored
};

// invalid "login_failed" (401) for an unknown user, a wrong password or a
// disabled account alike; "too_many_attempts" {seconds} (429) when throttled.
[[nodiscard]] Result<LoginResult> login(ServerContext& server, store::Database& db,
                                        std::string_view username, std::string_view password,
                                        const std::string& address);

// The session behind a cookie token, or nullopt if none is alive (unknown,
// timed out, user disabled). Refreshes last_seen at most once a minute, so a
// busy dashboard does not write on every request.
[[nodiscard]] Result<std::optional<Principal>> authenticate(ServerContext& server, store::Database& db,
                                                            std::string_view token);

[[nodiscard]] Status logout(ServerContext& server, store::Database& db, const Principal& who,
                            const std::string& address);

// invalid "password_wrong" (422) if `current` is wrong; the policy's errors
// for `replacement`. Ends the user's other sessions.
[[nodiscard]] Status change_password(ServerContext& server, store::Database& db, const Principal& who,
                                     std::string_view current, std::string_view replacement,
                                     const std::string& address);

// Appends to the audit trail; a failure to audit is logged to stderr and
// returned, so callers that must not proceed unaudited can stop.
Status audit(ServerContext& server, store::Database& db, const Principal* who, const std::string& address,
             std::string action, std::string municipality, std::string subject,
             AuditOutcome outcome = AuditOutcome::success, std::string detail_json = "{}");

}  // namespace kompetent::api
