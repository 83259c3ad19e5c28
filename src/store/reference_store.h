// Reference tables a user can edit in storage: position categories, position
// codes, and named import profiles (column mappings kept as JSON text, which
// the store does not interpret; io/ owns their format).
// Interface only: store/sqlite/ implements it, store/postgres/ will.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/workforce/position_category.h"
#include "core/workforce/position_code.h"

namespace kompetent::store {

class ReferenceStore {
 public:
  virtual ~ReferenceStore() = default;

  // All categories, ordered by key.
  virtual Result<CategoryTable> categories() = 0;
  // Adds the category, or replaces the one with the same key.
  virtual Status upsert_category(const PositionCategory& category) = 0;
  // not_found "category_not_found" {key}; conflict "category_in_use" {key}
  // while a position code maps to it.
  virtual Status delete_category(std::string_view key) = 0;

  // All position codes, ordered by code.
  virtual Result<PositionCodeTable> position_codes() = 0;
  // Adds the code, or replaces the one with the same code. Conflict
  // "unknown_category" {category} unless its category is stored.
  virtual Status upsert_position_code(const PositionCode& code) = 0;
  // not_found "position_code_not_found" {code}.
  virtual Status delete_position_code(std::string_view code) = 0;

  // Stores `json` under `name`, replacing any profile of that name. The text is
  // kept byte for byte. invalid "invalid_profile_name" if `name` is empty.
  virtual Status save_profile(std::string name, std::string json) = 0;
  // The JSON text; not_found "profile_not_found" {name}.
  virtual Result<std::string> load_profile(std::string_view name) = 0;
  // Every profile name, sorted.
  virtual Result<std::vector<std::string>> profile_names() = 0;
  // not_found "profile_not_found" {name}.
  virtual Status delete_profile(std::string_view name) = 0;
};

}  // namespace kompetent::store
