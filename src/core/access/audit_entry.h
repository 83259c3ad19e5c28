// One line of the audit trail: who did what to whose data, when, from where,
// and how it went. Written by the API and the CLI, read by administrators.
//
// Never put a password, a session or setup token, an employee id or any other
// personal data in an entry: the trail is kept for ever and shown to every
// administrator. Name what was touched by municipality, node path, snapshot
// date or username instead. For a failed login to a name that is no account,
// store neither the name typed nor a role: people type their password into
// the username field often enough that the name may be a secret.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/access/role.h"

namespace kompetent {

enum class AuditOutcome {
  success,  // it was done
  failure,  // it was tried and failed (wrong password, refused import)
  denied,   // the user may not do it
};

// "success", "failure", "denied": stored and sent in JSON.
[[nodiscard]] std::string_view outcome_name(AuditOutcome outcome) noexcept;
[[nodiscard]] std::optional<AuditOutcome> parse_outcome(std::string_view name) noexcept;

struct AuditEntry {
  std::chrono::sys_seconds at{};  // UTC, from the injected Clock
  std::string username;      // who acted: an account, or "cli"; empty for an unknown login name
  std::optional<Role> role;  // their role; none for "cli" or an unknown login name
  std::string address;       // client address, or "local" for the command line
  // A short snake_case code: login, login_failed, logout, password_change,
  // user_add, user_disable, user_enable, import, snapshot_delete, export,
  // view_positions. Open-ended, so new actions need no migration.
  std::string action;
  std::string municipality;        // kommunenummer whose data it concerns, or empty
  std::string subject;             // what: a node path, a date, a username; never personal data
  std::string detail_json = "{}";  // a JSON object with anything else worth keeping
  AuditOutcome outcome = AuditOutcome::success;
  bool operator==(const AuditEntry&) const = default;
};

// What to list. Every filter is optional; entries come newest first.
struct AuditQuery {
  std::optional<std::chrono::sys_seconds> from;  // at >= from
  std::optional<std::chrono::sys_seconds> to;    // at < to: for "up to 31.12." pass 1.1. 00:00
  std::optional<std::string> username;
  std::optional<std::string> action;
  int limit = 100;  // at most this many; 1..10,000
};

}  // namespace kompetent
