// Uploading an HR export: checked before the body is read (admit_import),
// streamed to disk by the server, then imported by a job whose progress and
// problems the client reads back.
#include <sstream>

#include "api/handlers/handlers.h"
#include "api/import_runner.h"
#include "api/json_mapping.h"
#include "api/session_service.h"
#include "core/calendar/date.h"
#include "io/export/csv_writer.h"
#include "security/random_token.h"

namespace kompetent::api::handlers {
namespace {

constexpr std::size_t kErrorsInJob = 100;

struct ImportParameters {
  Date date;
  std::string profile = "standard";
  bool replace = false;
};

Result<ImportParameters> import_parameters(RequestContext& ctx) {
  ImportParameters p;
  const auto date_text = ctx.request.query_value("date");
  if (!date_text) return Error::invalid("invalid_parameter", {"date"});
  const auto date = parse_iso_date(*date_text);
  if (!date) return Error::invalid("invalid_date", {std::string(*date_text)});
  p.date = *date;
  if (auto profile = ctx.request.query_value("profile")) p.profile = std::string(*profile);
  if (auto replace = ctx.request.query_value("replace")) {
    if (*replace != "true" && *replace != "false") return Error::invalid("invalid_parameter", {"replace"});
    p.replace = *replace == "true";
  }
  return p;
}

bool acceptable_upload_type(std::string_view content_type) {
  const std::string type = media_type(content_type);
  return type == "text/csv" || type == "application/octet-stream" || type == "text/plain" ||
         type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

Json job_json(const ImportJob& job, const MessageCatalogue& messages) {
  Json out;
  out["id"] = job.id;
  out["state"] = std::string(job_state_name(job.state));
  out["municipality"] = job.request.municipality;
  out["date"] = to_iso(job.request.date);
  out["progress"] = {{"bytes_done", job.progress.bytes_done},
                     {"bytes_total", job.progress.bytes_total},
                     {"rows", job.progress.rows}};
  if (job.report) {
    const io::ImportReport& r = *job.report;
    Json errors = Json::array();
    for (std::size_t i = 0; i < r.errors.size() && i < kErrorsInJob; ++i) {
      const io::ImportError& e = r.errors[i];
      errors.push_back({{"row", e.row}, {"column", e.column}, {"code", e.code},
                        {"message", messages.text("problem." + e.code)}, {"value", e.value}});
    }
    out["report"] = {{"data_rows", r.data_rows},
                     {"records", r.accepted() ? r.records : 0},
                     {"error_count", r.error_count},
                     {"errors", errors},
                     {"ignored_columns", r.ignored_columns}};
  } else {
    out["report"] = nullptr;
  }
  if (job.failure) {
    out["error"] = {{"code", job.failure->code}, {"message", messages.text("error." + job.failure->code, job.failure->args)}};
  } else {
    out["error"] = nullptr;
  }
  return out;
}

const MessageCatalogue& messages_for(const RequestContext& ctx) {
  return ctx.language == Language::en ? ctx.server.messages.en : ctx.server.messages.nb;
}

// The job, if this user may see it (its starter, or an administrator).
std::optional<ImportJob> visible_job(RequestContext& ctx) {
  if (!ctx.server.jobs) return std::nullopt;
  auto job = ctx.server.jobs->find(ctx.param("id"));
  if (!job) return std::nullopt;
  if (ctx.who().account.role != Role::administrator && job->request.username != ctx.who().account.username) {
    return std::nullopt;  // as if it did not exist: job ids are not to be probed
  }
  return job;
}

}  // namespace

std::optional<HttpResponse> admit_import(RequestContext& ctx) {
  auto parameters = import_parameters(ctx);
  if (!parameters.ok()) return ctx.error(parameters.error());
  if (!acceptable_upload_type(ctx.request.header("Content-Type"))) return ctx.error(415, "unsupported_media_type");
  const MunicipalityNumber municipality{ctx.param("number")};
  auto org = ctx.db.org().load_org(municipality);
  if (!org.ok()) return ctx.error(org.error());
  if (org.value().units().empty()) return ctx.error(Error::invalid("no_units", {municipality.digits}));
  auto profile = find_import_profile(ctx.server.reference.data_dir, ctx.db, parameters.value().profile);
  if (!profile.ok()) return ctx.error(profile.error());
  if (!parameters.value().replace) {
    auto existing = ctx.db.snapshots().list_snapshots(municipality);
    if (!existing.ok()) return ctx.error(existing.error());
    for (const SnapshotInfo& info : existing.value()) {
      if (info.date == parameters.value().date) {
        return ctx.error(Error::conflict("snapshot_exists", {municipality.digits, to_norwegian(info.date)}));
      }
    }
  }
  return std::nullopt;
}

HttpResponse import_start(RequestContext& ctx) {
  if (auto refusal = admit_import(ctx)) return std::move(*refusal);
  if (!ctx.request.body_file || !ctx.server.jobs) return ctx.error(400, "bad_request");
  auto parameters = import_parameters(ctx);
  // Keep the upload for the job: move it out of the server's way.
  const std::filesystem::path kept = ctx.server.options.upload_dir / ("job-" + security::random_token() + ".upload");
  std::error_code ec;
  std::filesystem::rename(*ctx.request.body_file, kept, ec);
  if (ec) return ctx.error(Error::io("file_not_writable", {kept.filename().string()}));

  ImportJobRequest request;
  request.municipality = ctx.param("number");
  request.date = parameters.value().date;
  request.profile = parameters.value().profile;
  request.replace = parameters.value().replace;
  request.file = kept;
  const std::string_view given_name = ctx.request.header("X-File-Name");
  request.source_name = given_name.empty() ? std::string("upload") : std::string(given_name.substr(0, 200));
  request.username = ctx.who().account.username;
  request.address = ctx.request.remote_address;
  const std::string id = ctx.server.jobs->submit(std::move(request));
  auto job = ctx.server.jobs->find(id);
  HttpResponse response = HttpResponse::json(202, Json{{"job", job_json(*job, messages_for(ctx))}}.dump());
  response.with_header("Location", "/api/v1/imports/" + id);
  return response;
}

HttpResponse import_job(RequestContext& ctx) {
  auto job = visible_job(ctx);
  if (!job) return ctx.error(Error::not_found("import_not_found", {}));
  return HttpResponse::json(200, Json{{"job", job_json(*job, messages_for(ctx))}}.dump());
}

HttpResponse import_errors(RequestContext& ctx) {
  auto job = visible_job(ctx);
  if (!job) return ctx.error(Error::not_found("import_not_found", {}));
  const MessageCatalogue& messages = messages_for(ctx);
  const std::string format(ctx.request.query_value("format").value_or("json"));
  static const io::ImportReport empty;
  const io::ImportReport& report = job->report ? *job->report : empty;
  if (format == "csv") {
    std::ostringstream out;
    io::CsvWriter csv(out, true);
    // The same columns as `kompetent import --errors`: stable names a program can read.
    csv.row({"row", "column", "code", "value", "message"});
    for (const io::ImportError& e : report.errors) {
      csv.row({std::to_string(e.row), e.column, e.code, e.value, messages.text("problem." + e.code)});
    }
    HttpResponse response;
    response.body = out.str();
    response.headers["Content-Type"] = "text/csv; charset=utf-8";
    response.headers["Content-Disposition"] = "attachment; filename=\"importfeil.csv\"";
    return response;
  }
  if (format != "json") return ctx.error(Error::invalid("invalid_parameter", {"format"}));
  Json errors = Json::array();
  for (const io::ImportError& e : report.errors) {
    errors.push_back({{"row", e.row}, {"column", e.column}, {"code", e.code},
                      {"message", messages.text("problem." + e.code)}, {"value", e.value}});
  }
  return HttpResponse::json(200, Json{{"error_count", report.error_count}, {"errors", errors}}.dump());
}

}  // namespace kompetent::api::handlers
