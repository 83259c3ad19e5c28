#include "api/forecast_request.h"

#include <algorithm>
#include <charconv>

#include "api/saved_scenario_lookup.h"
#include "core/forecast/forecast_suppression.h"
#include "io/reference/scenario_json.h"

namespace kompetent::api {
namespace {

constexpr std::string_view kForecastParameters[] = {"municipality", "region",   "to",
                                                    "by",           "scenario", "lang"};

// The query as (name, value) pairs in the order sent, repeated names kept (HttpRequest::query
// keeps only the last, and task_shift may come several times).
std::vector<std::pair<std::string, std::string>> ordered_query(const std::string& target) {
  std::vector<std::pair<std::string, std::string>> pairs;
  const std::size_t question = target.find('?');
  if (question == std::string::npos) return pairs;
  std::string_view rest(target);
  rest.remove_prefix(question + 1);
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string piece(rest.substr(0, amp));
    if (!piece.empty()) {
      // parse_target decodes exactly as the request's own query was decoded.
      if (auto parsed = parse_target("/?" + piece); parsed && !parsed->query.empty()) {
        pairs.emplace_back(parsed->query.begin()->first, parsed->query.begin()->second);
      }
    }
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return pairs;
}

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::vector<bool> withheld_groups_of(const app::ForecastRun& run, bool region, int min_group) {
  if (!region) return forecast::withheld_forecast_groups(run.base_persons, min_group);
  return forecast::withheld_region_forecast_groups(run.forecast.groups, run.base_persons,
                                                   run.member_groups, min_group);
}

}  // namespace

Result<ForecastQuery> parse_forecast_query(RequestContext& ctx,
                                           std::span<const std::string_view> own) {
  const HttpRequest& request = ctx.request;
  const ReferenceData& reference = ctx.server.reference;
  ForecastQuery query;
  const auto municipality = request.query_value("municipality");
  const auto region = request.query_value("region");
  if (municipality.has_value() == region.has_value())
    return Error::invalid("invalid_parameter", {"municipality"});
  if (municipality) {
    if (!reference.find_municipality(*municipality)) {
      return Error::not_found("unknown_municipality", {std::string(*municipality)});
    }
    query.scope.municipality = std::string(*municipality);
    query.label = reference.municipality_name(*municipality);
    query.members.push_back(query.scope.municipality);
  } else {
    const Region* found = reference.find_region(*region);
    if (!found) return Error::not_found("unknown_region", {std::string(*region)});
    query.scope.region = found->id;
    query.label = found->name;
    for (const MunicipalityNumber& member : found->members) query.members.push_back(member.digits);
  }
  if (auto to = request.query_value("to")) {
    const auto year = whole_number(*to);
    if (!year || *year < 2026 || *year > 2050) return Error::invalid("invalid_parameter", {"to"});
    query.to_year = static_cast<int>(*year);
  }
  if (auto by = request.query_value("by")) {
    auto grouping = app::parse_grouping(*by);
    if (!grouping.ok()) return grouping.error();
    query.grouping = grouping.value();
  }
  if (auto id = request.query_value("scenario")) {
    const auto number = whole_number(*id);
    if (!number || *number < 1) return Error::invalid("invalid_parameter", {"scenario"});
    auto saved = find_saved_scenario(ctx, query.scope, *number);
    if (!saved.ok()) return saved.error();
    query.scenario.name = saved.value().name;
    query.scenario_id = saved.value().id;
    if (Status applied = io::apply_levers(query.scenario, saved.value().levers); !applied.ok())
      return applied.error();
  }
  for (const auto& parameter : ordered_query(request.target)) {
    const std::string& name = parameter.first;
    const std::string& value = parameter.second;
    const auto is = [&](std::string_view p) { return p == name; };
    if (std::any_of(std::begin(kForecastParameters), std::end(kForecastParameters), is) ||
        std::any_of(own.begin(), own.end(), is)) {
      continue;
    }
    if (Status set = forecast::set_lever(query.scenario, name, value); !set.ok())
      return set.error();
  }
  return query;
}

Result<ForecastAnswer> compute_forecast(RequestContext& ctx, const ForecastQuery& query,
                                        bool suppress) {
  ForecastCache& cache = ctx.server.forecasts;
  const std::filesystem::path& data_dir = ctx.server.reference.data_dir;
  ForecastAnswer answer;
  answer.query = query;
  auto setup = cache.setup(ctx.db, data_dir);
  if (!setup.ok()) return setup.error();
  answer.setup = setup.value();
  // Validate before loading anything: a bad lever is the client's mistake, whatever the data.
  if (Status valid = forecast::validate(query.scenario, app::category_keys_of(*answer.setup),
                                        app::service_keys_of(*answer.setup));
      !valid.ok()) {
    return valid.error();
  }

  auto latest = app::latest_snapshots(ctx.db, query.members);
  if (!latest.ok()) return latest.error();
  if (latest.value().empty()) return Error::not_found("no_snapshot", {query.label});
  std::vector<std::shared_ptr<const app::PreparedMember>> held;
  std::vector<const app::PreparedMember*> members;
  std::vector<std::string> numbers;
  for (const SnapshotInfo& info : latest.value()) {
    auto member = cache.member(ctx.db, info, *answer.setup);
    if (!member.ok()) return member.error();
    members.push_back(member.value().get());
    numbers.push_back(info.municipality.digits);
    held.push_back(std::move(member).value());
  }
  auto population =
      cache.population(ctx.db, data_dir, numbers, query.scenario.population, query.to_year);
  if (!population.ok()) return population.error();
  auto run = app::run_forecast(members, *population.value(), *answer.setup, query.scenario,
                               query.to_year, query.grouping);
  if (!run.ok()) return run.error();
  answer.run = std::move(run).value();

  app::ForecastPresentation& presentation = answer.presentation;
  presentation.municipality = query.scope.municipality;
  presentation.region = query.scope.region;
  presentation.label = query.label;
  presentation.scenario_id = query.scenario_id;
  presentation.suppressed = suppress;
  presentation.min_group = ctx.server.options.min_group;
  presentation.language = ctx.language;
  if (suppress) {
    presentation.withheld =
        withheld_groups_of(answer.run, !query.scope.region.empty(), presentation.min_group);
  }
  return answer;
}

}  // namespace kompetent::api
