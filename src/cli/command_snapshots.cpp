// kompetent snapshots [list|delete]: the dated snapshots in the database.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"

namespace kompetent::cli {
namespace {

struct SnapshotsOptions {
  std::string municipality;
  std::string date;
  std::string format = "table";
};

int run_list(const SnapshotsOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  const MessageCatalogue& m = env.value().messages;
  auto format = parse_output_format(options.format);
  if (!format.ok()) return report_error(format.error(), m);
  std::optional<MunicipalityNumber> filter;
  if (!options.municipality.empty()) {
    auto resolved = env.value().resolve_municipality(options.municipality);
    if (!resolved.ok()) return report_error(resolved.error(), m);
    filter = resolved.value()->number;
  }
  auto list = env.value().database->snapshots().list_snapshots(filter);
  if (!list.ok()) return report_error(list.error(), m);

  if (format.value() == OutputFormat::json) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::array();
    for (const SnapshotInfo& s : list.value()) {
      doc.push_back({{"municipality", s.municipality.digits},
                     {"date", to_iso(s.date)},
                     {"positions", s.positions},
                     {"source", s.source},
                     {"imported_at", s.imported_at}});
    }
    std::cout << doc.dump(2) << '\n';
    return kExitOk;
  }
  const bool en = env.value().language == Language::en;
  const std::vector<std::string> header =
      en ? std::vector<std::string>{"Municipality", "Date", "Source", "Imported (UTC)", "Positions"}
         : std::vector<std::string>{"Kommune", "Dato", "Kilde", "Importert (UTC)", "Stillinger"};
  std::vector<std::vector<std::string>> rows;
  for (const SnapshotInfo& s : list.value()) {
    rows.push_back({env.value().municipality_label(s.municipality), to_norwegian(s.date), s.source,
                    s.imported_at, format_integer(s.positions, env.value().language)});
  }
  if (rows.empty() && format.value() == OutputFormat::table) {
    std::cout << m.text("cli.none") << '\n';
  } else {
    print_rows(std::cout, format.value(), header, rows, 4);
  }
  return kExitOk;
}

int run_delete(const SnapshotsOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  const MessageCatalogue& m = env.value().messages;
  auto date = parse_user_date(options.date);
  if (!date) return report_error(Error::invalid("invalid_date", {options.date}), m);
  Status deleted = env.value().database->snapshots().delete_snapshot(
      MunicipalityNumber{options.municipality}, *date);
  if (!deleted.ok()) return report_error(deleted.error(), m);
  std::cout << options.municipality << " " << to_norwegian(*date) << ": slettet / deleted\n";
  return kExitOk;
}

}  // namespace

void add_snapshots_command(CLI::App& app, CommandContext context) {
  auto options = std::make_shared<SnapshotsOptions>();
  CLI::App* cmd = app.add_subcommand("snapshots", "Vis eller slett kartlegginger (snapshots per dato)");
  cmd->add_option("-m,--municipality", options->municipality, "Bare denne kommunen");
  cmd->add_option("-f,--format", options->format, "table, json eller csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->callback([options, context, cmd] {
    if (cmd->get_subcommands().empty()) context.exit_code = run_list(*options, context);
  });

  auto delete_options = std::make_shared<SnapshotsOptions>();
  CLI::App* del = cmd->add_subcommand("delete", "Slett kartleggingen for en kommune og dato");
  del->add_option("-m,--municipality", delete_options->municipality, "Kommunenummer")->required();
  del->add_option("-d,--date", delete_options->date, "Dato, dd.mm.åååå")->required();
  del->callback([delete_options, context] { context.exit_code = run_delete(*delete_options, context); });
}

}  // namespace kompetent::cli
