// kompetent analyze: the workforce indicators of a municipality or a region,
// for any node and category, grouped as asked, optionally against an earlier
// snapshot (joiners, leavers, turnover).
#include <algorithm>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/indicator_json.h"
#include "cli/output.h"
#include "core/indicators/breakdown.h"

namespace kompetent::cli {
namespace {

struct AnalyzeOptions {
  std::vector<std::string> municipalities;
  std::string region;
  std::string node;
  std::vector<std::string> categories;
  std::vector<std::string> by;
  std::string date;
  std::string compare;
  std::string format = "table";
};

// The snapshots and trees of the municipalities analysed, kept alive together.
struct Loaded {
  std::vector<Snapshot> snapshots;
  std::vector<OrgTree> trees;
  std::vector<MunicipalityWorkforce> members;
};

Result<std::vector<MunicipalityNumber>> scope_of(const AnalyzeOptions& options, const Environment& env) {
  auto listed = env.municipalities_of(options.region, options.municipalities);
  if (!listed.ok()) return listed.error();
  std::vector<MunicipalityNumber> numbers = std::move(listed.value());
  if (!options.node.empty() && numbers.empty()) {
    auto path = parse_node_path(options.node);
    if (!path.ok()) return path.error();
    numbers.push_back(path.value().municipality);
  }
  if (numbers.empty()) return Error::invalid("no_municipality");
  return numbers;
}

// Loads each municipality's snapshot on `date`, or its newest when `date` is
// empty. A municipality with no snapshot is left out of a region, but is an
// error when it was asked for alone.
Result<Loaded> load(Environment& env, const std::vector<MunicipalityNumber>& numbers,
                    std::optional<Date> date) {
  Loaded loaded;
  loaded.snapshots.reserve(numbers.size());
  loaded.trees.reserve(numbers.size());
  for (const MunicipalityNumber& number : numbers) {
    std::optional<Date> on = date;
    if (!on) {
      auto latest = env.database->snapshots().latest_snapshot_date(number);
      if (!latest.ok()) return latest.error();
      on = latest.value();
    }
    if (!on) {
      if (numbers.size() == 1) return Error::not_found("no_snapshot", {env.municipality_label(number)});
      continue;
    }
    auto snapshot = env.database->snapshots().load_snapshot(number, *on);
    if (!snapshot.ok()) {
      if (numbers.size() > 1 && snapshot.error().kind == ErrorKind::not_found) continue;
      return snapshot.error();
    }
    auto tree = env.database->org().load_org(number);
    if (!tree.ok()) return tree.error();
    loaded.snapshots.push_back(std::move(snapshot).value());
    loaded.trees.push_back(std::move(tree).value());
  }
  if (loaded.snapshots.empty()) {
    std::string names;
    for (const MunicipalityNumber& n : numbers) names += (names.empty() ? "" : ", ") + env.municipality_label(n);
    return date ? Error::not_found("snapshot_not_found", {names, to_norwegian(*date)})
                : Error::not_found("no_snapshot", {names});
  }
  for (std::size_t i = 0; i < loaded.snapshots.size(); ++i) {
    loaded.members.push_back({&loaded.snapshots[i], &loaded.trees[i]});
  }
  return loaded;
}

Result<std::vector<Dimension>> parse_dimensions(const std::vector<std::string>& names) {
  std::vector<Dimension> by;
  for (const std::string& name : names) {
    // The command line also takes the Norwegian words.
    const std::string_view key = name == "kommune"    ? "municipality"
                                 : name == "sektor"   ? "sector"
                                 : name == "enhet"    ? "unit"
                                 : name == "kategori" ? "category"
                                                      : std::string_view(name);
    const auto d = parse_dimension(key);
    if (!d) return Error::invalid("unknown_dimension", {name});
    by.push_back(*d);
  }
  return by;
}

// Names for the codes in a group key, in the user's language.
class GroupLabels {
 public:
  GroupLabels(const Environment& env, const Loaded& loaded, const CategoryTable& categories)
      : env_(env), loaded_(loaded), categories_(categories) {}

  std::string municipality(const std::string& number) const {
    return env_.municipality_label(MunicipalityNumber{number});
  }
  std::string sector(const GroupKey& key) const {
    for (const OrgTree& tree : loaded_.trees) {
      if (tree.municipality().digits != key.municipality && !key.municipality.empty()) continue;
      if (const Sector* s = tree.find_sector(key.sector)) return s->name;
    }
    return key.sector;
  }
  std::string unit(const GroupKey& key) const {
    for (const OrgTree& tree : loaded_.trees) {
      if (tree.municipality().digits != key.municipality && !key.municipality.empty()) continue;
      if (auto i = tree.find_unit(key.unit); i && tree.units()[*i].code == key.unit) return tree.units()[*i].name;
    }
    return key.unit;
  }
  std::string category(const std::string& k) const {
    const PositionCategory* c = categories_.find(k);
    if (!c) return k;
    return env_.language == Language::en ? c->name_en : c->name_nb;
  }

 private:
  const Environment& env_;
  const Loaded& loaded_;
  const CategoryTable& categories_;
};

std::string share_text(const Share& share, Language language) {
  auto v = share.value();
  return v ? format_percent(*v, language) : "–";
}

std::int64_t sum_retirements(const WorkforceIndicators& w, int years) {
  std::int64_t sum = 0;
  for (int i = 0; i < years && i < kRetirementYears; ++i) sum += w.retirements_by_year[i];
  return sum;
}

int run(const AnalyzeOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto opened = open_for_command(context, code);
  if (!opened.ok()) return code;
  Environment& env = opened.value();
  const MessageCatalogue& m = env.messages;
  const Language lang = env.language;

  auto format = parse_output_format(options.format);
  if (!format.ok()) return report_error(format.error(), m);
  auto numbers = scope_of(options, env);
  if (!numbers.ok()) return report_error(numbers.error(), m);
  auto by = parse_dimensions(options.by);
  if (!by.ok()) return report_error(by.error(), m);
  // Sector and unit codes belong to one municipality, so the engine groups
  // them under their municipality: show that column too when there are several.
  const bool by_org = std::find(by.value().begin(), by.value().end(), Dimension::sector) != by.value().end() ||
                      std::find(by.value().begin(), by.value().end(), Dimension::unit) != by.value().end();
  if (by_org && numbers.value().size() > 1 &&
      std::find(by.value().begin(), by.value().end(), Dimension::municipality) == by.value().end()) {
    by.value().insert(by.value().begin(), Dimension::municipality);
  }

  BreakdownFilter filter;
  if (!options.node.empty()) {
    auto path = parse_node_path(options.node);
    if (!path.ok()) return report_error(path.error(), m);
    filter.node = path.value();
  }
  auto categories = env.database->reference().categories();
  if (!categories.ok()) return report_error(categories.error(), m);
  for (const std::string& c : options.categories) {
    if (!categories.value().find(c)) return report_error(Error::invalid("unknown_category", {c}), m);
  }
  filter.categories = options.categories;

  std::optional<Date> date;
  if (!options.date.empty()) {
    date = parse_user_date(options.date);
    if (!date) return report_error(Error::invalid("invalid_date", {options.date}), m);
  }
  auto loaded = load(env, numbers.value(), date);
  if (!loaded.ok()) return report_error(loaded.error(), m);
  if (filter.node) {
    const auto& node = *filter.node;
    const OrgTree* tree = nullptr;
    for (const OrgTree& t : loaded.value().trees) {
      if (t.municipality() == node.municipality) tree = &t;
    }
    bool found = tree && (!node.sector_code || tree->find_sector(*node.sector_code)) &&
                 (!node.unit_code || tree->find_unit(*node.unit_code));
    if (!found) return report_error(Error::not_found("unknown_node", {options.node}), m);
  }

  const std::vector<IndicatorRow> rows =
      breakdown(loaded.value().members, by.value(), filter, categories.value());

  // Turnover against an earlier snapshot, matched to the rows by group key.
  std::optional<Date> compare_date;
  std::vector<TurnoverRow> turnover;
  Loaded before;
  if (!options.compare.empty()) {
    compare_date = parse_user_date(options.compare);
    if (!compare_date) return report_error(Error::invalid("invalid_date", {options.compare}), m);
    auto earlier = load(env, numbers.value(), compare_date);
    if (!earlier.ok()) return report_error(earlier.error(), m);
    before = std::move(earlier).value();
    turnover = turnover_breakdown(before.members, loaded.value().members, by.value(), filter,
                                  categories.value());
  }
  auto turnover_of = [&](const GroupKey& key) -> const TurnoverIndicators* {
    for (const TurnoverRow& t : turnover) {
      if (t.key == key) return &t.turnover;
    }
    return nullptr;
  };

  const GroupLabels labels(env, loaded.value(), categories.value());
  // The snapshot year of a group: its municipality's, or the first one's for a total.
  auto year_of_group = [&](const GroupKey& key) {
    for (const Snapshot& s : loaded.value().snapshots) {
      if (key.municipality.empty() || s.municipality.digits == key.municipality) return year_of(s.date);
    }
    return date ? year_of(*date) : 0;
  };

  if (format.value() == OutputFormat::json) {
    nlohmann::ordered_json doc;
    nlohmann::ordered_json snapshots = nlohmann::ordered_json::array();
    for (const Snapshot& s : loaded.value().snapshots) {
      snapshots.push_back({{"municipality", s.municipality.digits}, {"date", to_iso(s.date)}});
    }
    doc["snapshots"] = snapshots;
    if (compare_date) doc["compared_with"] = to_iso(*compare_date);
    doc["by"] = options.by;
    nlohmann::ordered_json out_rows = nlohmann::ordered_json::array();
    for (const IndicatorRow& row : rows) {
      nlohmann::ordered_json r;
      auto field = [](const std::string& v) { return v.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v); };
      r["municipality"] = field(row.key.municipality);
      r["sector"] = field(row.key.sector);
      r["unit"] = field(row.key.unit);
      r["category"] = field(row.key.category);
      r["indicators"] = to_json(row.indicators, year_of_group(row.key));
      if (const TurnoverIndicators* t = turnover_of(row.key)) r["turnover"] = to_json(*t);
      out_rows.push_back(r);
    }
    doc["rows"] = out_rows;
    std::cout << doc.dump(2) << '\n';
    return kExitOk;
  }

  // Table and CSV share the columns: the group, then the headline indicators.
  std::vector<std::string> header;
  for (Dimension d : by.value()) {
    header.push_back(m.text(d == Dimension::municipality ? "label.municipality"
                            : d == Dimension::sector     ? "label.sector"
                            : d == Dimension::unit       ? "label.unit"
                                                         : "label.category"));
  }
  if (header.empty()) header.push_back(m.text("label.all"));
  for (const char* key : {"indicator.persons", "indicator.fte", "indicator.average_age", "indicator.under_25",
                          "indicator.aged_50_plus", "indicator.aged_60_plus", "indicator.part_time",
                          "indicator.average_position_percent", "indicator.small_positions",
                          "indicator.unskilled", "indicator.further_education", "indicator.female",
                          "indicator.retirements_5y", "indicator.retirements_10y"}) {
    header.push_back(m.text(key));
  }
  if (compare_date) {
    for (const char* key : {"indicator.joiners", "indicator.leavers", "indicator.turnover"}) {
      header.push_back(m.text(key));
    }
  }
  std::vector<std::vector<std::string>> table;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const IndicatorRow& row = rows[i];
    const WorkforceIndicators& w = row.indicators;
    std::vector<std::string> cells;
    if (i == 0) {
      cells.push_back(m.text("label.total"));
      for (std::size_t d = 1; d < std::max<std::size_t>(1, by.value().size()); ++d) cells.emplace_back();
    } else {
      for (Dimension d : by.value()) {
        cells.push_back(d == Dimension::municipality ? labels.municipality(row.key.municipality)
                        : d == Dimension::sector     ? labels.sector(row.key)
                        : d == Dimension::unit       ? labels.unit(row.key)
                                                     : labels.category(row.key.category));
      }
    }
    cells.push_back(format_integer(w.persons, lang));
    cells.push_back(format_decimal(w.fte(), 1, lang));
    cells.push_back(w.average_age ? format_decimal(*w.average_age, 1, lang) : "–");
    cells.push_back(share_text(w.under_25, lang));
    cells.push_back(share_text(w.aged_50_plus, lang));
    cells.push_back(share_text(w.aged_60_plus, lang));
    cells.push_back(share_text(w.part_time, lang));
    cells.push_back(w.average_position_percent
                        ? format_decimal(*w.average_position_percent, 1, lang) + (lang == Language::nb ? " %" : "%")
                        : "–");
    cells.push_back(share_text(w.small_positions, lang));
    cells.push_back(share_text(w.unskilled, lang));
    cells.push_back(share_text(w.further_education, lang));
    cells.push_back(share_text(w.female, lang));
    cells.push_back(format_integer(sum_retirements(w, 5), lang));
    cells.push_back(format_integer(sum_retirements(w, 10), lang));
    if (compare_date) {
      const TurnoverIndicators* t = turnover_of(row.key);
      cells.push_back(t ? format_integer(t->joiners, lang) : "–");
      cells.push_back(t ? format_integer(t->leavers, lang) : "–");
      cells.push_back(t ? share_text(t->turnover, lang) : "–");
    }
    table.push_back(std::move(cells));
  }

  if (format.value() == OutputFormat::csv) {
    print_rows(std::cout, format.value(), header, table);
    return kExitOk;
  }
  // One line on what is shown: the municipalities and the snapshot date(s).
  const auto& snapshots = loaded.value().snapshots;
  const bool one_date = std::all_of(snapshots.begin(), snapshots.end(),
                                    [&](const Snapshot& s) { return s.date == snapshots.front().date; });
  std::string scope;
  if (!options.region.empty() && one_date) {
    if (const Region* region = env.find_region(options.region)) scope = region->name + ", ";
    scope += format_integer(static_cast<std::int64_t>(snapshots.size()), lang) + " " +
             (lang == Language::en ? "municipalities" : "kommuner") + ": " +
             m.text("label.snapshot", {to_norwegian(snapshots.front().date)});
  } else {
    for (const Snapshot& s : snapshots) {
      scope += (scope.empty() ? "" : ", ") + env.municipality_label(s.municipality) + " " + to_norwegian(s.date);
    }
  }
  std::cout << scope << '\n';
  if (compare_date) {
    const std::string to = one_date ? to_norwegian(snapshots.front().date) : "…";
    std::cout << m.text("label.comparison", {to_norwegian(*compare_date), to}) << '\n';
  }
  std::cout << '\n';
  print_table(std::cout, header, table, std::max<std::size_t>(1, by.value().size()));
  return kExitOk;
}

}  // namespace

void add_analyze_command(CLI::App& app, CommandContext context) {
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = app.add_subcommand("analyze", "Vis nøkkeltall for arbeidsstyrken (kommune, region, sektor, enhet, kategori)");
  cmd->add_option("-m,--municipality", options->municipalities, "Kommunenummer (flere med komma)")->delimiter(',');
  cmd->add_option("-r,--region", options->region, "Region: salten eller nord-troms (data/regions.csv)");
  cmd->add_option("-n,--node", options->node, "Bare denne noden: 1841, 1841/HO eller 1841/HO/FSH");
  cmd->add_option("-c,--category", options->categories, "Bare disse stillingskategoriene (komma)")->delimiter(',');
  cmd->add_option("-b,--by", options->by, "Grupper etter municipality, sector, unit og/eller category (komma)")
      ->delimiter(',');
  cmd->add_option("-d,--date", options->date, "Kartleggingsdato (standard: den nyeste per kommune)");
  cmd->add_option("--compare", options->compare, "Sammenlign med kartleggingen per denne datoen (nye, sluttet, turnover)");
  cmd->add_option("-f,--format", options->format, "table, json eller csv")->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->footer("Eksempel: kompetent analyze --municipality 1841 --by sector,category\n"
              "Formlene står i docs/indicators.md. JSON gir alle indikatorene med teller og nevner.");
  cmd->callback([options, context] { context.exit_code = run(*options, context); });
}

}  // namespace kompetent::cli
