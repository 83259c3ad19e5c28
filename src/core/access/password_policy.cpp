#include "core/access/password_policy.h"

#include <string>

#include "core/access/code_points.h"

namespace kompetent {

Status check_password_policy(std::string_view password) {
  const std::size_t length = code_point_count(password);
  if (length < kPasswordMinLength) {
    return Error::invalid("password_too_short", {std::to_string(kPasswordMinLength)});
  }
  if (length > kPasswordMaxLength) {
    return Error::invalid("password_too_long", {std::to_string(kPasswordMaxLength)});
  }
  return ok_status();
}

}  // namespace kompetent
