// Imports uploaded through the API run as jobs, one at a time, on their own
// thread: SQLite has one writer, so running two at once would only make one
// wait, and a queue lets the client follow progress instead of holding a
// request open. Job state lives in this server's memory; the result (the
// snapshot) is in the database, and the audit trail records each job.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/calendar/date.h"
#include "core/result.h"
#include "io/import/importer.h"

namespace kompetent::api {

enum class JobState { queued, running, succeeded, failed };
[[nodiscard]] std::string_view job_state_name(JobState state) noexcept;

struct ImportJobRequest {
  std::string municipality;            // kommunenummer
  Date date;
  std::string profile = "standard";
  bool replace = false;
  std::filesystem::path file;          // the upload; the job deletes it when done
  std::string source_name;             // shown as the snapshot's source
  std::string username;                // who started it
  std::string address;
};

struct ImportProgress {
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
  std::int64_t rows = 0;
};

struct ImportJob {
  std::string id;
  ImportJobRequest request;
  JobState state = JobState::queued;
  ImportProgress progress;
  std::optional<io::ImportReport> report;  // when the file was read
  std::optional<Error> failure;            // why it failed, if not (only) row problems
};

class ImportJobs {
 public:
  // Runs one job: imports the file, reporting progress; returns the report, or
  // an error if the import could not be carried out at all.
  using Runner = std::function<Result<io::ImportReport>(
      const ImportJobRequest&, const std::function<void(const ImportProgress&)>& progress)>;
  // Called after each job ends (for the audit trail).
  using Finished = std::function<void(const ImportJob&)>;

  ImportJobs(Runner runner, Finished finished, std::size_t kept_jobs = 200);
  ~ImportJobs();  // finishes the running job, drops the queue

  // Queues a job and returns its id (unguessable: 128 random bits).
  [[nodiscard]] std::string submit(ImportJobRequest request);
  // A copy of the job's current state, or nullopt if unknown.
  [[nodiscard]] std::optional<ImportJob> find(const std::string& id) const;
  // True while a job holds (or is about to take) the database's write lock.
  [[nodiscard]] bool importing() const;

 private:
  void work();

  Runner runner_;
  Finished finished_;
  std::size_t kept_jobs_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool running_ = false;
  std::deque<std::string> queue_;
  std::deque<std::string> finished_order_;  // oldest first, to forget old jobs
  std::map<std::string, ImportJob> jobs_;
  std::thread worker_;
};

}  // namespace kompetent::api
