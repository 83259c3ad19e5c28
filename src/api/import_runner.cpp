#include "api/import_runner.h"

#include <fstream>
#include <iterator>

namespace kompetent::api {

Result<io::ImportProfile> standard_import_profile(const std::filesystem::path& data_dir) {
  const auto path = data_dir / "profiles" / "standard.json";
  std::ifstream in(path);
  if (!in) return Error::io("data_dir_invalid", {path.string()});
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return io::parse_import_profile(json, nullptr, {});
}

std::vector<std::string> category_keys(store::Database& db) {
  std::vector<std::string> keys;
  if (auto categories = db.reference().categories(); categories.ok()) {
    for (const auto& c : categories.value().all()) keys.push_back(c.key);
  }
  return keys;
}

Result<io::ImportProfile> find_import_profile(const std::filesystem::path& data_dir, store::Database& db,
                                              const std::string& name) {
  auto standard = standard_import_profile(data_dir);
  if (!standard.ok() || name == "standard") return standard;
  auto stored = db.reference().load_profile(name);
  if (!stored.ok()) return stored.error();
  return io::parse_import_profile(stored.value(), &standard.value(), category_keys(db));
}

ImportJobs::Runner make_import_runner(ServerContext& server) {
  return [&server](const ImportJobRequest& job,
                   const std::function<void(const ImportProgress&)>& report_progress) -> Result<io::ImportReport> {
    auto lease = server.pool.acquire();
    if (!lease.ok()) return lease.error();
    store::Database& db = *lease.value();
    const MunicipalityNumber municipality{job.municipality};
    auto org = db.org().load_org(municipality);
    if (!org.ok()) return org.error();
    if (org.value().units().empty()) return Error::invalid("no_units", {job.municipality});
    auto codes = db.reference().position_codes();
    if (!codes.ok()) return codes.error();
    auto categories = db.reference().categories();
    if (!categories.ok()) return categories.error();
    auto profile = find_import_profile(server.reference.data_dir, db, job.profile);
    if (!profile.ok()) return profile.error();
    const io::ImportContext context{org.value(), codes.value(), categories.value(), profile.value(), job.date};
    auto progress = [&](std::uint64_t done, std::uint64_t total, std::int64_t rows) {
      report_progress({done, total, rows});
    };

    // The write transaction waits for another writer; retry it whole when
    // the wait runs out, as every write does (database_pool.h).
    auto writer = retry_when_busy([&] {
      return db.snapshots().begin_snapshot(municipality, job.date, job.replace, job.source_name);
    });
    if (!writer.ok()) return writer.error();
    store::SnapshotWriter& sink = *writer.value();
    auto imported = io::import_file(
        job.file, context, [&](PositionRecord&& record) { return sink.add(record); }, progress);
    if (!imported.ok()) return imported.error();
    io::ImportReport report = std::move(imported).value();
    if (report.accepted()) {
      if (Status committed = writer.value()->commit(); !committed.ok()) report.sink_failure = committed.error();
    }
    writer.value().reset();  // uncommitted: rolled back, nothing stored
    return report;
  };
}

}  // namespace kompetent::api
