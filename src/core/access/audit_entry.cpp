#include "core/access/audit_entry.h"

namespace kompetent {

std::string_view outcome_name(AuditOutcome outcome) noexcept {
  switch (outcome) {
    case AuditOutcome::success:
      return "success";
    case AuditOutcome::failure:
      return "failure";
    case AuditOutcome::denied:
      return "denied";
  }
  return "failure";
}

std::optional<AuditOutcome> parse_outcome(std::string_view name) noexcept {
  for (const AuditOutcome outcome :
       {AuditOutcome::success, AuditOutcome::failure, AuditOutcome::denied}) {
    if (outcome_name(outcome) == name) return outcome;
  }
  return std::nullopt;
}

}  // namespace kompetent
