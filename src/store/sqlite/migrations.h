// The SQL migrations embedded at build time from src/store/sqlite/migrations/,
// in file-name order (001_…, 002_…). Applied once each, in one transaction each.
#pragma once

#include <string>
#include <vector>

namespace kompetent::store {

struct Migration {
  std::string name;  // file name, e.g. "001_initial.sql"
  std::string sql;
};

const std::vector<Migration>& embedded_migrations();

}  // namespace kompetent::store
