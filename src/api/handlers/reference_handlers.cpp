// Regions, municipalities, categories, a municipality's tree and snapshots.
#include "api/access_policy.h"
#include <algorithm>

#include "api/handlers/handlers.h"
#include "api/json_mapping.h"
#include "api/session_service.h"
#include "core/calendar/date.h"

namespace kompetent::api::handlers {

HttpResponse regions(RequestContext& ctx) {
  Json list = Json::array();
  for (const Region& region : ctx.server.reference.regions) {
    Json members = Json::array();
    for (const MunicipalityNumber& m : region.members) members.push_back(m.digits);
    list.push_back({{"id", region.id}, {"name", region.name}, {"members", members}});
  }
  return HttpResponse::json(200, Json{{"regions", list}}.dump());
}

HttpResponse municipalities(RequestContext& ctx) {
  const ReferenceData& reference = ctx.server.reference;
  Json list = Json::array();
  // Administrators see every municipality that has data; everyone else the
  // ones their role reaches.
  std::vector<std::string> numbers;
  if (ctx.who().account.role == Role::administrator) {
    auto snapshots = ctx.db.snapshots().list_snapshots(std::nullopt);
    if (!snapshots.ok()) return ctx.error(snapshots.error());
    for (const SnapshotInfo& info : snapshots.value()) {
      if (numbers.empty() || numbers.back() != info.municipality.digits) numbers.push_back(info.municipality.digits);
    }
  } else {
    for (const Municipality& m : reference.municipalities) {
      if (may_read_municipality(ctx.who(), m.number.digits, reference.regions) ||
          (ctx.who().account.role == Role::employee && ctx.who().account.municipality == m.number.digits)) {
        numbers.push_back(m.number.digits);
      }
    }
  }
  for (const std::string& number : numbers) {
    const std::string region = reference.region_of(number);
    list.push_back({{"number", number},
                    {"name", reference.municipality_name(number)},
                    {"region", region.empty() ? Json(nullptr) : Json(region)}});
  }
  return HttpResponse::json(200, Json{{"municipalities", list}}.dump());
}

HttpResponse categories(RequestContext& ctx) {
  auto table = ctx.db.reference().categories();
  if (!table.ok()) return ctx.error(table.error());
  // The shipped categories in the file's order; any a user added with
  // `kompetent codes` after them, by key (the store's order, kept by the stable sort).
  const std::vector<std::string>& order = ctx.server.reference.category_order;
  const auto rank = [&order](const PositionCategory& c) {
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), c.key) - order.begin());
  };
  std::vector<const PositionCategory*> sorted;
  for (const PositionCategory& c : table.value().all()) sorted.push_back(&c);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&rank](const PositionCategory* a, const PositionCategory* b) { return rank(*a) < rank(*b); });
  Json list = Json::array();
  for (const PositionCategory* c : sorted) {
    list.push_back({{"key", c->key},
                    {"name", ctx.language == Language::en ? c->name_en : c->name_nb},
                    {"name_en", c->name_en}});
  }
  return HttpResponse::json(200, Json{{"categories", list}}.dump());
}

HttpResponse tree(RequestContext& ctx) {
  const std::string& number = ctx.param("number");
  if (!ctx.server.reference.find_municipality(number)) {
    return ctx.error(Error::not_found("unknown_municipality", {number}));
  }
  auto org = ctx.db.org().load_org(MunicipalityNumber{number});
  if (!org.ok()) return ctx.error(org.error());
  Json sectors = Json::array();
  for (const Sector& sector : org.value().sectors()) {
    Json units = Json::array();
    for (const Unit& unit : org.value().units()) {
      if (unit.sector_code == sector.code) units.push_back({{"code", unit.code}, {"name", unit.name}});
    }
    sectors.push_back({{"code", sector.code}, {"name", sector.name}, {"units", units}});
  }
  return HttpResponse::json(200, Json{{"municipality", number}, {"sectors", sectors}}.dump());
}

HttpResponse snapshots(RequestContext& ctx) {
  const std::string& number = ctx.param("number");
  if (!ctx.server.reference.find_municipality(number)) {
    return ctx.error(Error::not_found("unknown_municipality", {number}));
  }
  auto list = ctx.db.snapshots().list_snapshots(MunicipalityNumber{number});
  if (!list.ok()) return ctx.error(list.error());
  Json out = Json::array();
  for (const SnapshotInfo& info : list.value()) {
    out.push_back({{"date", to_iso(info.date)},
                   {"source", info.source},
                   {"imported_at", info.imported_at},
                   {"positions", info.positions}});
  }
  return HttpResponse::json(200, Json{{"snapshots", out}}.dump());
}

HttpResponse snapshot_delete(RequestContext& ctx) {
  const std::string& number = ctx.param("number");
  const auto date = parse_iso_date(ctx.param("date"));
  if (!date) return ctx.error(Error::invalid("invalid_date", {ctx.param("date")}));
  // Deleting is for good: the client repeats the date to confirm it.
  if (ctx.request.query_value("confirm") != std::optional<std::string_view>(ctx.param("date"))) {
    return ctx.error(Error::invalid("confirmation_required", {ctx.param("date")}));
  }
  Status deleted = retry_when_busy(
      [&] { return ctx.db.snapshots().delete_snapshot(MunicipalityNumber{number}, *date); });
  if (!deleted.ok()) return ctx.error(deleted.error());
  (void)audit(ctx.server, ctx.db, ctx.principal, ctx.request.remote_address, "snapshot_delete", number,
              to_iso(*date));
  return HttpResponse::no_content();
}

}  // namespace kompetent::api::handlers
