// The dashboard's indicators as JSON, and the same table as XLSX or CSV.
// Which view is suppressed is the access policy's decision (indicator_access).
#include <sstream>

#include "api/handlers/handlers.h"
#include "api/indicator_table.h"
#include "api/session_service.h"
#include "io/export/csv_table_writer.h"
#include "io/export/xlsx_table_writer.h"

namespace kompetent::api::handlers {
namespace {

// Parses the query and decides access: the table, or the response refusing it.
struct Prepared {
  std::optional<IndicatorTable> table;
  std::optional<HttpResponse> refusal;
};

Prepared prepare(RequestContext& ctx) {
  auto query = parse_indicator_query(ctx);
  if (!query.ok()) return {std::nullopt, ctx.error(query.error())};
  const IndicatorAccess access = indicator_access(ctx.who(), query.value().scope, ctx.server.reference.regions);
  if (!access.allowed) return {std::nullopt, ctx.error(403, "forbidden")};
  auto table = compute_indicator_table(ctx, query.value(), access.suppressed);
  if (!table.ok()) return {std::nullopt, ctx.error(table.error())};
  return {std::move(table).value(), std::nullopt};
}

// A file name of safe characters: "kompetent-salten-2025-12-31.xlsx".
std::string file_name(const IndicatorTable& table, std::string_view extension) {
  const IndicatorScope& scope = table.query.scope;
  std::string name = "kompetent-" + (scope.region.empty() ? scope.municipality : scope.region);
  Date newest = table.snapshots.front().date;
  for (const SnapshotInfo& info : table.snapshots) newest = std::max(newest, info.date);
  name += "-" + to_iso(newest);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '_';
  }
  return name + "." + std::string(extension);
}

}  // namespace

HttpResponse indicators(RequestContext& ctx) {
  Prepared prepared = prepare(ctx);
  if (prepared.refusal) return std::move(*prepared.refusal);
  return HttpResponse::json(200, indicator_table_json(*prepared.table).dump());
}

HttpResponse indicators_export(RequestContext& ctx) {
  const std::string format(ctx.request.query_value("format").value_or(""));
  if (format != "xlsx" && format != "csv") return ctx.error(Error::invalid("invalid_parameter", {"format"}));
  Prepared prepared = prepare(ctx);
  if (prepared.refusal) return std::move(*prepared.refusal);
  const IndicatorTable& table = *prepared.table;
  const MessageCatalogue& messages = ctx.language == Language::en ? ctx.server.messages.en : ctx.server.messages.nb;
  const io::ExportWorkbook workbook = indicator_workbook(table, messages, ctx.language);

  HttpResponse response;
  if (format == "xlsx") {
    auto bytes = io::xlsx_bytes(workbook);
    if (!bytes.ok()) return ctx.error(bytes.error());
    response.body = std::move(bytes).value();
    response.headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  } else {
    std::ostringstream out;
    if (Status written = io::write_csv(workbook.sheets.front(), out, ctx.language); !written.ok()) {
      return ctx.error(written.error());
    }
    response.body = out.str();
    response.headers["Content-Type"] = "text/csv; charset=utf-8";
  }
  const std::string name = file_name(table, format);
  response.headers["Content-Disposition"] = "attachment; filename=\"" + name + "\"";
  const IndicatorScope& scope = table.query.scope;
  Status audited = audit(ctx.server, ctx.db, ctx.principal, ctx.request.remote_address, "export",
                         scope.municipality, scope.node ? scope.node->to_string() : (scope.region.empty() ? scope.municipality : scope.region),
                         AuditOutcome::success,
                         nlohmann::json{{"format", format}, {"suppressed", table.suppressed}}.dump());
  if (!audited.ok()) return ctx.error(audited.error());
  return response;
}

}  // namespace kompetent::api::handlers
