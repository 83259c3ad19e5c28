#include "api/import_jobs.h"

#include "security/random_token.h"

namespace kompetent::api {

std::string_view job_state_name(JobState state) noexcept {
  switch (state) {
    case JobState::queued: return "queued";
    case JobState::running: return "running";
    case JobState::succeeded: return "succeeded";
    case JobState::failed: return "failed";
  }
  return "failed";
}

ImportJobs::ImportJobs(Runner runner, Finished finished, std::size_t kept_jobs)
    : runner_(std::move(runner)), finished_(std::move(finished)), kept_jobs_(kept_jobs) {
  worker_ = std::thread([this] { work(); });
}

ImportJobs::~ImportJobs() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (const std::string& id : queue_) {
      std::error_code ignored;
      std::filesystem::remove(jobs_[id].request.file, ignored);
    }
    queue_.clear();
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

std::string ImportJobs::submit(ImportJobRequest request) {
  std::string id = security::random_token();
  {
    std::lock_guard lock(mutex_);
    ImportJob job;
    job.id = id;
    std::error_code ec;
    job.progress.bytes_total = std::filesystem::file_size(request.file, ec);
    job.request = std::move(request);
    jobs_[id] = std::move(job);
    queue_.push_back(id);
  }
  wake_.notify_one();
  return id;
}

std::optional<ImportJob> ImportJobs::find(const std::string& id) const {
  std::lock_guard lock(mutex_);
  const auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return it->second;
}

bool ImportJobs::importing() const {
  std::lock_guard lock(mutex_);
  return running_;
}

void ImportJobs::work() {
  for (;;) {
    std::string id;
    ImportJobRequest request;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      id = queue_.front();
      queue_.pop_front();
      ImportJob& job = jobs_[id];
      job.state = JobState::running;
      request = job.request;
      running_ = true;
    }
    auto progress = [this, &id](const ImportProgress& p) {
      std::lock_guard lock(mutex_);
      jobs_[id].progress = p;
    };
    Result<io::ImportReport> result = runner_(request, progress);
    std::error_code ignored;
    std::filesystem::remove(request.file, ignored);

    ImportJob done;
    {
      std::lock_guard lock(mutex_);
      ImportJob& job = jobs_[id];
      if (result.ok()) {
        job.report = std::move(result).value();
        job.state = job.report->accepted() ? JobState::succeeded : JobState::failed;
        if (job.report->sink_failure) job.failure = job.report->sink_failure;
        job.progress.bytes_done = job.progress.bytes_total;
      } else {
        job.failure = result.error();
        job.state = JobState::failed;
      }
      done = job;
      running_ = false;
      finished_order_.push_back(id);
      while (finished_order_.size() > kept_jobs_) {
        jobs_.erase(finished_order_.front());
        finished_order_.pop_front();
      }
    }
    if (finished_) finished_(done);
  }
}

}  // namespace kompetent::api
