// store::ReferenceStore on SQLite: the position_categories, position_codes and
// import_profiles tables (see migrations/001_initial.sql).
#pragma once

#include "store/reference_store.h"
#include "store/sqlite/connection.h"

namespace kompetent::store::sqlite {

class SqliteReferenceStore final : public ReferenceStore {
 public:
  // `connection` must outlive the store.
  explicit SqliteReferenceStore(Connection& connection) : connection_(connection) {}

  Result<CategoryTable> categories() override;
  Status upsert_category(const PositionCategory& category) override;
  Status delete_category(std::string_view key) override;

  Result<PositionCodeTable> position_codes() override;
  Status upsert_position_code(const PositionCode& code) override;
  Status delete_position_code(std::string_view code) override;

  Status save_profile(std::string name, std::string json) override;
  Result<std::string> load_profile(std::string_view name) override;
  Result<std::vector<std::string>> profile_names() override;
  Status delete_profile(std::string_view name) override;

 private:
  Connection& connection_;
};

}  // namespace kompetent::store::sqlite
