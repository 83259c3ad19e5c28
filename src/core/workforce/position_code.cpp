#include "core/workforce/position_code.h"

namespace kompetent {

const PositionCode* PositionCodeTable::find(std::string_view code) const noexcept {
  while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
  while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
  for (const PositionCode& entry : codes_) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

}  // namespace kompetent
