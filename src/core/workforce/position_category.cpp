#include "core/workforce/position_category.h"

namespace kompetent {

const PositionCategory* CategoryTable::find(std::string_view key) const noexcept {
  auto index = index_of(key);
  return index ? &categories_[*index] : nullptr;
}

std::optional<std::size_t> CategoryTable::index_of(std::string_view key) const noexcept {
  for (std::size_t i = 0; i < categories_.size(); ++i) {
    if (categories_[i].key == key) return i;
  }
  return std::nullopt;
}

int CategoryTable::retirement_age(std::string_view key, int fallback) const noexcept {
  const PositionCategory* category = find(key);
  return category ? category->retirement_age : fallback;
}

}  // namespace kompetent
