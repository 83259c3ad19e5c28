// What an import job does: the same steps as `kompetent import`, on the
// server's own connection. The snapshot is written in one transaction, so a
// refused, failed or interrupted job stores nothing (and a replaced snapshot
// survives until the new one commits).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "api/import_jobs.h"
#include "api/server_context.h"
#include "io/import/import_profile.h"
#include "store/database.h"

namespace kompetent::api {

// The shipped profile, data/profiles/standard.json; io "data_dir_invalid" if unreadable.
[[nodiscard]] Result<io::ImportProfile> standard_import_profile(const std::filesystem::path& data_dir);
// The keys of the stored categories, which a profile's title map may name.
[[nodiscard]] std::vector<std::string> category_keys(store::Database& db);
// "standard" from data/, any other name from the database (layered on the
// standard one). not_found "profile_not_found" {name}. The CLI uses it too.
[[nodiscard]] Result<io::ImportProfile> find_import_profile(const std::filesystem::path& data_dir,
                                                            store::Database& db, const std::string& name);

// The runner ImportJobs calls.
[[nodiscard]] ImportJobs::Runner make_import_runner(ServerContext& server);

}  // namespace kompetent::api
