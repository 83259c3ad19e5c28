#include "api/indicator_table.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "api/snapshot_choice.h"
#include "core/calendar/date.h"

namespace kompetent::api {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    std::string item(text.substr(0, comma));
    if (!item.empty()) items.push_back(std::move(item));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

Result<std::optional<Date>> date_parameter(const HttpRequest& request, const char* name) {
  auto text = request.query_value(name);
  if (!text) return std::optional<Date>{};
  auto date = parse_iso_date(*text);
  if (!date) return Error::invalid("invalid_date", {std::string(*text)});
  return std::optional<Date>(*date);
}

bool has(const std::vector<Dimension>& by, Dimension d) { return std::find(by.begin(), by.end(), d) != by.end(); }

std::string key_text(const GroupKey& key) {
  return key.municipality + '|' + key.sector + '|' + key.unit + '|' + key.category;
}

Json nullable(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json share_json(const Share& share, bool hidden) {
  if (hidden) return nullptr;
  auto value = share.value();
  return {{"count", share.count}, {"total", share.total}, {"share", value ? Json(*value) : Json(nullptr)}};
}

Json optional_number(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

Json indicators_json(const WorkforceIndicators& w, const privacy::IndicatorMask& mask, int snapshot_year) {
  Json out;
  out["positions"] = w.positions;
  out["persons"] = w.persons;
  out["fte"] = w.fte();
  out["average_age"] = optional_number(w.average_age);
  out["average_position_percent"] = optional_number(w.average_position_percent);
  Json bands = Json::object();
  for (int band = 0; band < kAgeBandCount; ++band) {
    bands[age_band_label(band)] = mask.age_bands[band] ? Json(nullptr) : Json(w.age_bands[band]);
  }
  out["age_bands"] = bands;
  Json pyramid = Json::object();
  for (int group = 0; group < kGenderGroupCount; ++group) {
    Json by_band = Json::object();
    for (int band = 0; band < kAgeBandCount; ++band) {
      by_band[age_band_label(band)] =
          mask.age_pyramid[group][band] ? Json(nullptr) : Json(w.age_pyramid[group][band]);
    }
    pyramid[std::string(gender_group_key(group))] = by_band;
  }
  out["age_pyramid"] = pyramid;
  Json sizes = Json::object();
  for (int band = 0; band < kPositionSizeBandCount; ++band) {
    sizes[std::string(position_size_band_label(band))] =
        mask.position_size_bands[band] ? Json(nullptr) : Json(w.position_size_bands[band]);
  }
  out["position_size_bands"] = sizes;
  Json retirements = Json::array();
  for (int i = 0; i < kRetirementYears; ++i) {
    const bool hidden = mask.retirements[i];
    retirements.push_back({{"year", snapshot_year + 1 + i},
                           {"persons", hidden ? Json(nullptr) : Json(w.retirements_by_year[i])},
                           {"fte", hidden ? Json(nullptr) : Json(w.retirement_fte_hundredths_by_year[i] / 10000.0)}});
  }
  out["retirements_by_year"] = retirements;
  out["under_25"] = share_json(w.under_25, mask.under_25);
  out["aged_50_plus"] = share_json(w.aged_50_plus, mask.aged_50_plus);
  out["aged_60_plus"] = share_json(w.aged_60_plus, mask.aged_60_plus);
  out["part_time"] = share_json(w.part_time, mask.part_time);
  out["small_positions"] = share_json(w.small_positions, mask.small_positions);
  out["unskilled"] = share_json(w.unskilled, mask.unskilled);
  out["relevant_education"] = share_json(w.relevant_education, mask.relevant_education);
  out["further_education"] = share_json(w.further_education, mask.further_education);
  out["aged_50_plus_among_further_educated"] =
      share_json(w.aged_50_plus_among_further_educated, mask.aged_50_plus_among_further_educated);
  out["female"] = share_json(w.female, mask.female);
  out["male"] = share_json(w.male, mask.male);
  out["other_or_unknown_gender"] = share_json(w.other_or_unknown_gender, mask.other_or_unknown_gender);
  return out;
}

Json snapshots_json(const std::vector<SnapshotInfo>& infos) {
  Json list = Json::array();
  for (const SnapshotInfo& info : infos) {
    list.push_back({{"municipality", info.municipality.digits}, {"date", to_iso(info.date)}});
  }
  return list;
}

// Names for the codes of a group key, from the trees of the view.
class Labels {
 public:
  Labels(const ReferenceData& reference, const std::vector<OrgTree>& trees, const CategoryTable& categories,
         Language language)
      : reference_(reference), trees_(trees), categories_(categories), language_(language) {}

  std::string row(const GroupKey& key, const std::string& total) const {
    std::string label;
    auto add = [&](const std::string& part) {
      if (part.empty()) return;
      if (!label.empty()) label += " / ";
      label += part;
    };
    if (key.municipality.empty() && key.sector.empty() && key.unit.empty() && key.category.empty()) return total;
    if (!key.municipality.empty()) add(reference_.municipality_name(key.municipality));
    const OrgTree* tree = tree_of(key.municipality);
    if (!key.sector.empty()) {
      const Sector* sector = tree ? tree->find_sector(key.sector) : nullptr;
      add(sector ? sector->name : key.sector);
    }
    if (!key.unit.empty()) {
      std::string name = key.unit;
      if (tree) {
        if (auto i = tree->find_unit(key.unit); i && tree->units()[*i].code == key.unit) name = tree->units()[*i].name;
      }
      add(name);
    }
    if (!key.category.empty()) {
      const PositionCategory* category = categories_.find(key.category);
      add(category ? (language_ == Language::en ? category->name_en : category->name_nb) : key.category);
    }
    return label;
  }

  std::string node(const NodePath& path) const {
    GroupKey key{path.municipality.digits, path.sector_code.value_or(""), path.unit_code.value_or(""), ""};
    return row(key, "");
  }

 private:
  const OrgTree* tree_of(const std::string& municipality) const {
    for (const OrgTree& tree : trees_) {
      if (tree.municipality().digits == municipality) return &tree;
    }
    return trees_.size() == 1 ? &trees_.front() : nullptr;
  }

  const ReferenceData& reference_;
  const std::vector<OrgTree>& trees_;
  const CategoryTable& categories_;
  Language language_;
};

// A node must name a sector (and unit) of its municipality's tree: a typo
// would otherwise give an empty table that looks like real zeros.
Status check_node(const NodePath& node, const std::vector<OrgTree>& trees) {
  if (!node.sector_code) return ok_status();
  for (const OrgTree& tree : trees) {
    if (tree.municipality() != node.municipality) continue;
    if (!tree.find_sector(*node.sector_code)) break;
    if (!node.unit_code) return ok_status();
    for (const Unit& unit : tree.units()) {
      if (unit.code == *node.unit_code && unit.sector_code == *node.sector_code) return ok_status();
    }
    break;
  }
  return Error::not_found("unknown_node", {node.to_string()});
}

}  // namespace

Result<IndicatorQuery> parse_indicator_query(const RequestContext& ctx) {
  const HttpRequest& request = ctx.request;
  const ReferenceData& reference = ctx.server.reference;
  IndicatorQuery query;
  const auto municipality = request.query_value("municipality");
  const auto region = request.query_value("region");
  if (municipality.has_value() == region.has_value()) return Error::invalid("invalid_parameter", {"municipality"});
  if (municipality) {
    if (!reference.find_municipality(*municipality)) {
      return Error::not_found("unknown_municipality", {std::string(*municipality)});
    }
    query.scope.municipality = std::string(*municipality);
  } else {
    if (!reference.find_region(*region)) return Error::not_found("unknown_region", {std::string(*region)});
    query.scope.region = std::string(*region);
  }
  if (auto node = request.query_value("node")) {
    auto path = parse_node_path(*node);
    if (!path.ok()) return path.error();
    query.scope.node = path.value();
  }
  if (auto by = request.query_value("by")) {
    for (const std::string& name : split_list(*by)) {
      const auto d = parse_dimension(name);
      if (!d) return Error::invalid("unknown_dimension", {name});
      if (!has(query.by, *d)) query.by.push_back(*d);
    }
  }
  // Sectors and units belong to one municipality: across several, say which.
  if (!query.scope.region.empty() && (has(query.by, Dimension::sector) || has(query.by, Dimension::unit)) &&
      !has(query.by, Dimension::municipality)) {
    query.by.insert(query.by.begin(), Dimension::municipality);
  }
  if (auto categories = request.query_value("category")) query.categories = split_list(*categories);
  auto date = date_parameter(request, "date");
  if (!date.ok()) return date.error();
  query.date = date.value();
  auto compare = date_parameter(request, "compare");
  if (!compare.ok()) return compare.error();
  query.compare = compare.value();
  return query;
}

Result<IndicatorTable> compute_indicator_table(RequestContext& ctx, const IndicatorQuery& query, bool suppress) {
  IndicatorTable table;
  table.query = query;
  table.suppressed = suppress;
  table.min_group = ctx.server.options.min_group;
  const ReferenceData& reference = ctx.server.reference;

  std::vector<std::string> members;
  if (!query.scope.region.empty()) {
    const Region* region = reference.find_region(query.scope.region);
    for (const MunicipalityNumber& m : region->members) members.push_back(m.digits);
    table.scope_name = region->name;
  } else {
    members.push_back(query.scope.municipality);
    table.scope_name = reference.municipality_name(query.scope.municipality);
  }
  auto categories = ctx.db.reference().categories();
  if (!categories.ok()) return categories.error();
  for (const std::string& c : query.categories) {
    if (!categories.value().find(c)) return Error::invalid("unknown_category", {c});
  }
  auto chosen = choose_snapshots(ctx.db, members, query.date);
  if (!chosen.ok()) return chosen.error();
  if (chosen.value().empty()) return Error::not_found("no_snapshot", {table.scope_name});
  table.snapshots = chosen.value();
  Date newest = table.snapshots.front().date;
  for (const SnapshotInfo& info : table.snapshots) newest = std::max(newest, info.date);
  table.snapshot_year = static_cast<int>(newest.year());

  BreakdownFilter filter;
  filter.node = query.scope.node;
  filter.categories = query.categories;

  auto view = ctx.server.views.view(ctx.db, table.snapshots, categories.value());
  if (!view.ok()) return view.error();
  if (query.scope.node) {
    if (Status known = check_node(*query.scope.node, view.value()->trees); !known.ok()) return known.error();
  }
  table.rows = breakdown(view.value()->view, query.by, filter);
  const Labels labels(reference, view.value()->trees, categories.value(), ctx.language);
  const std::string total_label = query.scope.node ? labels.node(*query.scope.node) : table.scope_name;
  for (const IndicatorRow& row : table.rows) table.labels.push_back(labels.row(row.key, total_label));

  std::vector<TurnoverRow> turnover;
  if (query.compare) {
    auto before = choose_snapshots(ctx.db, members, query.compare);
    if (!before.ok()) return before.error();
    table.compare_snapshots = before.value();
    auto pair = ctx.server.views.pair(ctx.db, table.compare_snapshots, table.snapshots, categories.value());
    if (!pair.ok()) return pair.error();
    turnover = turnover_breakdown(pair.value()->pair, query.by, filter);
    std::map<std::string, const TurnoverRow*> by_key;
    for (const TurnoverRow& row : turnover) by_key[key_text(row.key)] = &row;
    for (const IndicatorRow& row : table.rows) {
      const auto it = by_key.find(key_text(row.key));
      table.turnover.push_back(it == by_key.end() ? std::nullopt : std::optional<TurnoverRow>(*it->second));
    }
  }

  if (suppress) {
    const privacy::SuppressionRules rules{table.min_group};
    table.masks = privacy::suppress_indicator_rows(table.rows, query.by, rules);
    if (query.compare) {
      const auto masks = privacy::suppress_turnover_rows(turnover, query.by, rules);
      std::map<std::string, privacy::TurnoverMask> by_key;
      for (std::size_t i = 0; i < turnover.size(); ++i) by_key[key_text(turnover[i].key)] = masks[i];
      for (const IndicatorRow& row : table.rows) {
        const auto it = by_key.find(key_text(row.key));
        table.turnover_masks.push_back(it == by_key.end() ? privacy::TurnoverMask{true, true, true, true}
                                                          : it->second);
      }
    }
  } else {
    table.masks.assign(table.rows.size(), privacy::IndicatorMask{});
    table.turnover_masks.assign(table.rows.size(), privacy::TurnoverMask{});
  }
  return table;
}

Json indicator_table_json(const IndicatorTable& table) {
  Json out;
  const IndicatorScope& scope = table.query.scope;
  out["scope"] = {{"kind", scope.region.empty() ? "municipality" : "region"},
                  {"id", scope.region.empty() ? scope.municipality : scope.region},
                  {"name", table.scope_name}};
  if (scope.node) out["node"] = scope.node->to_string();
  out["snapshots"] = snapshots_json(table.snapshots);
  if (table.query.compare) out["compare_snapshots"] = snapshots_json(table.compare_snapshots);
  Json by = Json::array();
  for (Dimension d : table.query.by) {
    by.push_back(std::string(dimension_key(d)));
  }
  out["by"] = by;
  out["suppression"] = {{"applied", table.suppressed}, {"min_group", table.min_group}};
  Json rows = Json::array();
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const IndicatorRow& row = table.rows[i];
    const privacy::IndicatorMask& mask = table.masks[i];
    Json item;
    item["key"] = {{"municipality", nullable(row.key.municipality)},
                   {"sector", nullable(row.key.sector)},
                   {"unit", nullable(row.key.unit)},
                   {"category", nullable(row.key.category)}};
    item["label"] = table.labels[i];
    item["suppressed"] = mask.row;
    item["indicators"] = mask.row ? Json(nullptr) : indicators_json(row.indicators, mask, table.snapshot_year);
    if (table.query.compare) {
      const auto& t = table.turnover[i];
      const privacy::TurnoverMask& tm = table.turnover_masks[i];
      if (!t || tm.row || mask.row) {
        item["turnover"] = nullptr;
      } else {
        item["turnover"] = {{"persons_before", t->turnover.persons_before},
                            {"persons_after", t->turnover.persons_after},
                            {"joiners", tm.joiners ? Json(nullptr) : Json(t->turnover.joiners)},
                            {"leavers", tm.leavers ? Json(nullptr) : Json(t->turnover.leavers)},
                            {"turnover", share_json(t->turnover.turnover, tm.turnover)}};
      }
    }
    rows.push_back(std::move(item));
  }
  out["rows"] = rows;
  return out;
}

io::ExportWorkbook indicator_workbook(const IndicatorTable& table, const MessageCatalogue& m, Language language) {
  using io::ColumnKind;
  io::ExportTable sheet;
  sheet.sheet_name = table.scope_name;
  sheet.title = table.scope_name;
  std::string dates;
  for (const SnapshotInfo& info : table.snapshots) {
    const std::string d = to_norwegian(info.date);
    if (dates.find(d) == std::string::npos) dates += (dates.empty() ? "" : ", ") + d;
  }
  sheet.notes.push_back(m.text("label.snapshot", {dates}));
  if (table.suppressed) sheet.notes.push_back(m.text("export.suppression_rule", {std::to_string(table.min_group)}));
  sheet.suppressed_note = m.text("export.suppressed_note", {std::to_string(table.min_group)});

  struct Share { const char* key; kompetent::Share WorkforceIndicators::*field; bool privacy::IndicatorMask::*hidden; };
  const Share shares[] = {
      {"under_25", &WorkforceIndicators::under_25, &privacy::IndicatorMask::under_25},
      {"aged_50_plus", &WorkforceIndicators::aged_50_plus, &privacy::IndicatorMask::aged_50_plus},
      {"aged_60_plus", &WorkforceIndicators::aged_60_plus, &privacy::IndicatorMask::aged_60_plus},
      {"part_time", &WorkforceIndicators::part_time, &privacy::IndicatorMask::part_time},
      {"small_positions", &WorkforceIndicators::small_positions, &privacy::IndicatorMask::small_positions},
      {"unskilled", &WorkforceIndicators::unskilled, &privacy::IndicatorMask::unskilled},
      {"relevant_education", &WorkforceIndicators::relevant_education, &privacy::IndicatorMask::relevant_education},
      {"further_education", &WorkforceIndicators::further_education, &privacy::IndicatorMask::further_education},
      {"female", &WorkforceIndicators::female, &privacy::IndicatorMask::female},
      {"male", &WorkforceIndicators::male, &privacy::IndicatorMask::male},
  };

  sheet.columns.push_back({"group", m.text("label.group"), ColumnKind::text});
  sheet.columns.push_back({"persons", m.text("indicator.persons"), ColumnKind::integer});
  sheet.columns.push_back({"positions", m.text("indicator.positions"), ColumnKind::integer});
  sheet.columns.push_back({"fte", m.text("indicator.fte"), ColumnKind::decimal, 1});
  sheet.columns.push_back({"average_age", m.text("indicator.average_age"), ColumnKind::decimal, 1});
  sheet.columns.push_back({"average_position_percent", m.text("indicator.average_position_percent"),
                           ColumnKind::decimal, 1});
  for (const Share& s : shares) {
    sheet.columns.push_back({s.key, m.text(std::string("indicator.") + s.key), ColumnKind::percent, 1});
  }
  sheet.columns.push_back({"retirements_5y", m.text("indicator.retirements_5y"), ColumnKind::integer});
  sheet.columns.push_back({"retirements_10y", m.text("indicator.retirements_10y"), ColumnKind::integer});
  const std::size_t first_band_column = sheet.columns.size();
  for (int band = 0; band < kAgeBandCount; ++band) {
    sheet.columns.push_back({"age_" + age_band_label(band), m.text("label.age_band", {age_band_label(band)}),
                             ColumnKind::integer});
  }
  for (int band = 0; band < kPositionSizeBandCount; ++band) {
    const std::string label(position_size_band_label(band));
    sheet.columns.push_back({"position_size_" + label, m.text("label.position_size_band", {label}), ColumnKind::integer});
  }
  for (int group = 0; group < kGenderGroupCount; ++group) {
    const std::string gender(gender_group_key(group));
    for (int band = 0; band < kAgeBandCount; ++band) {
      sheet.columns.push_back({"age_" + gender + "_" + age_band_label(band),
                               m.text("label.age_pyramid." + gender, {age_band_label(band)}), ColumnKind::integer});
    }
  }
  const bool compared = table.query.compare.has_value();
  if (compared) {
    sheet.columns.push_back({"joiners", m.text("indicator.joiners"), ColumnKind::integer});
    sheet.columns.push_back({"leavers", m.text("indicator.leavers"), ColumnKind::integer});
    sheet.columns.push_back({"turnover", m.text("indicator.turnover"), ColumnKind::percent, 1});
  }

  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const WorkforceIndicators& w = table.rows[i].indicators;
    const privacy::IndicatorMask& mask = table.masks[i];
    std::vector<io::ExportCell> cells;
    cells.emplace_back(table.labels[i]);
    auto number = [&](std::optional<double> v, bool hidden) -> io::ExportCell {
      if (hidden || !v) return std::nullopt;
      return *v;
    };
    auto count = [&](std::int64_t v, bool hidden) -> io::ExportCell {
      if (hidden) return std::nullopt;
      return v;
    };
    cells.push_back(count(w.persons, mask.row));
    cells.push_back(count(w.positions, mask.row));
    cells.push_back(number(w.fte(), mask.row));
    cells.push_back(number(w.average_age, mask.row));
    cells.push_back(number(w.average_position_percent, mask.row));
    for (const Share& s : shares) cells.push_back(number((w.*s.field).value(), mask.row || mask.*s.hidden));
    // A sum is shown only when every year in it is: it would reveal a hidden year.
    for (int years : {5, 10}) {
      std::int64_t sum = 0;
      bool hidden = mask.row;
      for (int y = 0; y < years; ++y) {
        sum += w.retirements_by_year[y];
        hidden = hidden || mask.retirements[y];
      }
      cells.push_back(count(sum, hidden));
    }
    for (int band = 0; band < kAgeBandCount; ++band) {
      cells.push_back(count(w.age_bands[band], mask.row || mask.age_bands[band]));
    }
    for (int band = 0; band < kPositionSizeBandCount; ++band) {
      cells.push_back(count(w.position_size_bands[band], mask.row || mask.position_size_bands[band]));
    }
    for (int group = 0; group < kGenderGroupCount; ++group) {
      for (int band = 0; band < kAgeBandCount; ++band) {
        cells.push_back(count(w.age_pyramid[group][band], mask.row || mask.age_pyramid[group][band]));
      }
    }
    if (compared) {
      const auto& t = table.turnover[i];
      const privacy::TurnoverMask& tm = table.turnover_masks[i];
      const bool gone = !t || tm.row || mask.row;
      cells.push_back(gone ? io::ExportCell{} : count(t->turnover.joiners, tm.joiners));
      cells.push_back(gone ? io::ExportCell{} : count(t->turnover.leavers, tm.leavers));
      cells.push_back(gone ? io::ExportCell{} : number(t->turnover.turnover.value(), tm.turnover));
    }
    sheet.rows.push_back(std::move(cells));
  }

  // The chart shows the groups (not the total, which would dwarf them).
  if (table.rows.size() > 1) {
    io::ExportChart chart;
    chart.type = io::ExportChart::Type::bar;
    chart.title = m.text("export.chart_age_part_time");
    auto column_of = [&](std::string_view key) {
      for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
        if (sheet.columns[c].key == key) return c;
      }
      return std::size_t{0};
    };
    chart.value_columns = {column_of("aged_50_plus"), column_of("part_time")};
    chart.category_column = 0;
    chart.first_row = 1;
    chart.row_count = table.rows.size() - 1;
    sheet.charts.push_back(chart);
  } else {
    io::ExportChart chart;
    chart.type = io::ExportChart::Type::column;
    chart.title = m.text("export.chart_age_bands");
    for (int band = 0; band < kAgeBandCount; ++band) chart.value_columns.push_back(first_band_column + band);
    chart.category_column = 0;
    chart.first_row = 0;
    chart.row_count = 1;
    sheet.charts.push_back(chart);
  }
  (void)language;
  io::ExportWorkbook workbook;
  workbook.sheets.push_back(std::move(sheet));
  workbook.author = "kompetent";
  return workbook;
}

}  // namespace kompetent::api
