// The recruitment-need forecast (docs/forecast.md) as JSON and as a file, and the levers a
// client can set. Which view is suppressed is the access policy's decision (indicator_access).
#include <cctype>
#include <sstream>

#include "api/forecast_request.h"
#include "api/forecast_workbook.h"
#include "api/handlers/handlers.h"
#include "api/session_service.h"
#include "io/export/csv_table_writer.h"
#include "io/export/xlsx_table_writer.h"
#include "io/reference/scenario_json.h"

namespace kompetent::api::handlers {
namespace {

// Parses the query, decides access and runs the forecast: the answer, or the response refusing it.
struct PreparedForecast {
  std::optional<ForecastAnswer> answer;
  std::optional<HttpResponse> refusal;
};

PreparedForecast prepare_forecast(RequestContext& ctx,
                                  std::span<const std::string_view> own_parameters) {
  auto query = parse_forecast_query(ctx, own_parameters);
  if (!query.ok()) return {std::nullopt, ctx.error(query.error())};
  const IndicatorAccess access =
      indicator_access(ctx.who(), query.value().scope, ctx.server.reference.regions);
  if (!access.allowed) return {std::nullopt, ctx.error(403, "forbidden")};
  auto answer = compute_forecast(ctx, query.value(), access.suppressed);
  if (!answer.ok()) return {std::nullopt, ctx.error(answer.error())};
  return {std::move(answer).value(), std::nullopt};
}

// "fremskrivning-1841-heltid_2030.xlsx": the scope and the scenario in safe characters.
std::string forecast_file_name(const ForecastAnswer& answer, std::string_view extension) {
  const IndicatorScope& scope = answer.query.scope;
  std::string scenario = answer.query.scenario.name;
  for (char& c : scenario) {
    const auto u = static_cast<unsigned char>(c);
    c = std::isalnum(u) ? static_cast<char>(std::tolower(u)) : '_';
  }
  std::string name = "fremskrivning-" + (scope.region.empty() ? scope.municipality : scope.region) +
                     "-" + scenario;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  }
  return name + "." + std::string(extension);
}

const MessageCatalogue& messages_of(const RequestContext& ctx) {
  return ctx.language == Language::en ? ctx.server.messages.en : ctx.server.messages.nb;
}

}  // namespace

HttpResponse forecast(RequestContext& ctx) {
  PreparedForecast prepared = prepare_forecast(ctx, {});
  if (prepared.refusal) return std::move(*prepared.refusal);
  const ForecastAnswer& answer = *prepared.answer;
  return HttpResponse::json(
      200, app::forecast_json(answer.run, *answer.setup, answer.query.scenario, answer.presentation)
               .dump());
}

HttpResponse forecast_export(RequestContext& ctx) {
  const std::string format(ctx.request.query_value("format").value_or(""));
  if (format != "xlsx" && format != "csv")
    return ctx.error(Error::invalid("invalid_parameter", {"format"}));
  static constexpr std::string_view kExportParameters[] = {"format"};
  PreparedForecast prepared = prepare_forecast(ctx, kExportParameters);
  if (prepared.refusal) return std::move(*prepared.refusal);
  const ForecastAnswer& answer = *prepared.answer;
  const io::ExportWorkbook workbook = forecast_workbook(answer, messages_of(ctx));

  HttpResponse response;
  if (format == "xlsx") {
    auto bytes = io::xlsx_bytes(workbook);
    if (!bytes.ok()) return ctx.error(bytes.error());
    response.body = std::move(bytes).value();
    response.headers["Content-Type"] =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  } else {
    std::ostringstream out;
    if (Status written = io::write_csv(workbook.sheets[kForecastGroupsSheet], out, ctx.language);
        !written.ok()) {
      return ctx.error(written.error());
    }
    response.body = out.str();
    response.headers["Content-Type"] = "text/csv; charset=utf-8";
  }
  response.headers["Content-Disposition"] =
      "attachment; filename=\"" + forecast_file_name(answer, format) + "\"";
  const IndicatorScope& scope = answer.query.scope;
  Status audited = audit(ctx.server, ctx.db, ctx.principal, ctx.request.remote_address, "export",
                         scope.municipality,
                         "forecast:" + (scope.region.empty() ? scope.municipality : scope.region),
                         AuditOutcome::success,
                         nlohmann::json{{"format", format},
                                        {"suppressed", answer.presentation.suppressed},
                                        {"scenario", answer.query.scenario.name}}
                             .dump());
  if (!audited.ok()) return ctx.error(audited.error());
  return response;
}

HttpResponse forecast_levers(RequestContext& ctx) {
  auto setup = ctx.server.forecasts.setup(ctx.db, ctx.server.reference.data_dir);
  if (!setup.ok()) return ctx.error(setup.error());
  const forecast::Scenario defaults;
  const nlohmann::ordered_json default_levers = io::levers_json(defaults);
  nlohmann::ordered_json ranges = nlohmann::ordered_json::array();
  for (const forecast::LeverRange& range : forecast::lever_ranges()) {
    nlohmann::ordered_json default_value = nullptr;
    if (range.lever == "position_size.to_year") {
      default_value = forecast::PositionSizeTarget{}.to_year;  // used once position_size is set
    } else if (auto it = default_levers.find(range.lever);
               it != default_levers.end() && it->is_number()) {
      default_value = *it;
    }
    ranges.push_back({{"lever", range.lever},
                      {"min", range.low},
                      {"max", range.high},
                      {"default", default_value}});
  }
  nlohmann::ordered_json services = nlohmann::ordered_json::array();
  for (const forecast::Service& service : setup.value()->services.services()) {
    services.push_back(
        {{"key", service.key},
         {"name", ctx.language == Language::en ? service.name_en : service.name_nb}});
  }
  nlohmann::ordered_json body;
  body["defaults"] = default_levers;
  body["ranges"] = std::move(ranges);
  body["services"] = std::move(services);
  body["population_alternatives"] = {"main", "low", "high"};
  return HttpResponse::json(200, body.dump());
}

}  // namespace kompetent::api::handlers
