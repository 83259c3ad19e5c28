// Position-level data: the HR export's rows. Only a municipality's own HR,
// a unit leader for their own units, and an employee for their own record
// may read it, and every read is written to the audit trail first: if the
// trail cannot be written, nothing is shown.
#include "api/access_policy.h"
#include "api/handlers/handlers.h"
#include "api/json_mapping.h"
#include "api/session_service.h"
#include "api/snapshot_choice.h"
#include "core/calendar/date.h"

namespace kompetent::api::handlers {
namespace {

Result<std::optional<Date>> date_parameter(const RequestContext& ctx) {
  auto text = ctx.request.query_value("date");
  if (!text) return std::optional<Date>{};
  auto date = parse_iso_date(*text);
  if (!date) return Error::invalid("invalid_date", {std::string(*text)});
  return std::optional<Date>(*date);
}

}  // namespace

HttpResponse positions(RequestContext& ctx) {
  const std::string& number = ctx.param("number");
  const Principal& who = ctx.who();
  if (who.account.municipality != number) return ctx.error(403, "forbidden");
  auto date = date_parameter(ctx);
  if (!date.ok()) return ctx.error(date.error());

  std::optional<NodePath> node;
  if (auto text = ctx.request.query_value("node")) {
    auto parsed = parse_node_path(*text);
    if (!parsed.ok()) return ctx.error(parsed.error());
    if (parsed.value().municipality.digits != number) return ctx.error(403, "forbidden");
    node = parsed.value();
  }
  // A unit leader reads their own units only: a node they lead, or all of them.
  if (who.account.role == Role::unit_leader && node && !leads_unit(who, *node)) {
    return ctx.error(403, "forbidden");
  }

  auto chosen = choose_snapshots(ctx.db, {number}, date.value());
  if (!chosen.ok()) return ctx.error(chosen.error());
  if (chosen.value().empty()) return ctx.error(Error::not_found("no_snapshot", {number}));
  const SnapshotInfo& info = chosen.value().front();
  auto snapshot = ctx.db.snapshots().load_snapshot(info.municipality, info.date);
  if (!snapshot.ok()) return ctx.error(snapshot.error());
  auto org = ctx.db.org().load_org(info.municipality);
  if (!org.ok()) return ctx.error(org.error());

  Json list = Json::array();
  for (const PositionRecord& record : snapshot.value().positions) {
    NodePath unit{info.municipality, std::nullopt, record.unit_code};
    if (auto i = org.value().find_unit(record.unit_code)) unit.sector_code = org.value().units()[*i].sector_code;
    if (node && !(node->sector_code ? unit.sector_code == node->sector_code &&
                                          (!node->unit_code || unit.unit_code == node->unit_code)
                                    : true)) {
      continue;
    }
    if (who.account.role == Role::unit_leader && !leads_unit(who, unit)) continue;
    list.push_back(position_json(record));
  }
  const std::string subject = node ? node->to_string() : number;
  Status audited = audit(ctx.server, ctx.db, ctx.principal, ctx.request.remote_address, "view_positions",
                         number, subject, AuditOutcome::success,
                         Json{{"date", to_iso(info.date)}, {"positions", list.size()}}.dump());
  if (!audited.ok()) return ctx.error(audited.error());
  return HttpResponse::json(200, Json{{"municipality", number}, {"date", to_iso(info.date)}, {"positions", list}}.dump());
}

HttpResponse my_positions(RequestContext& ctx) {
  const UserAccount& me = ctx.who().account;
  auto chosen = choose_snapshots(ctx.db, {me.municipality}, std::nullopt);
  if (!chosen.ok()) return ctx.error(chosen.error());
  Json list = Json::array();
  std::string date;
  if (!chosen.value().empty()) {
    const SnapshotInfo& info = chosen.value().front();
    date = to_iso(info.date);
    auto snapshot = ctx.db.snapshots().load_snapshot(info.municipality, info.date);
    if (!snapshot.ok()) return ctx.error(snapshot.error());
    for (const PositionRecord& record : snapshot.value().positions) {
      if (!me.employee_id.empty() && record.employee_id == me.employee_id) list.push_back(position_json(record));
    }
  }
  Status audited = audit(ctx.server, ctx.db, ctx.principal, ctx.request.remote_address, "view_positions",
                         me.municipality, "own", AuditOutcome::success,
                         Json{{"positions", list.size()}}.dump());
  if (!audited.ok()) return ctx.error(audited.error());
  return HttpResponse::json(200, Json{{"municipality", me.municipality},
                                      {"date", date.empty() ? Json(nullptr) : Json(date)},
                                      {"positions", list}}.dump());
}

}  // namespace kompetent::api::handlers
