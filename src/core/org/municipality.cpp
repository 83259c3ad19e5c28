#include "core/org/municipality.h"

namespace kompetent {

bool is_valid_municipality_number(std::string_view text) noexcept {
  if (text.size() != 4) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace kompetent
