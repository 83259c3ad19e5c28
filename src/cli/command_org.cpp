// kompetent org import|list: the sectors and units of a municipality, which
// an import's "Enhet" column must name.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "io/reference/reference_files.h"

namespace kompetent::cli {
namespace {

struct OrgOptions {
  std::string file;
  std::string municipality;
  std::string format = "table";
};

int run_import(const OrgOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  auto resolved = env.value().resolve_municipality(options.municipality);
  if (!resolved.ok()) return report_error(resolved.error(), env.value().messages);
  const Municipality* municipality = resolved.value();
  auto loaded = io::load_org_units(options.file);
  if (!loaded.ok()) {
    print_problems(std::cout, loaded.errors, env.value());
    return kExitInvalidInput;
  }
  auto& store = env.value().database->org();
  auto current = store.load_org(municipality->number);
  if (!current.ok()) return report_error(current.error(), env.value().messages);
  OrgTree base = current.value().units().empty() && current.value().sectors().empty()
                     ? OrgTree::create(municipality->number, {}, {}).value()
                     : current.value();
  auto merged = base.merged_with(loaded.value.sectors, loaded.value.units);
  if (!merged.ok()) return report_error(merged.error(), env.value().messages);
  if (Status saved = store.save_org(merged.value()); !saved.ok()) {
    return report_error(saved.error(), env.value().messages);
  }
  std::cout << env.value().municipality_label(municipality->number) << ": "
            << merged.value().sectors().size() << " sektorer, " << merged.value().units().size()
            << " enheter\n";
  return kExitOk;
}

int run_list(const OrgOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  auto format = parse_output_format(options.format);
  if (!format.ok()) return report_error(format.error(), env.value().messages);
  auto resolved = env.value().resolve_municipality(options.municipality);
  if (!resolved.ok()) return report_error(resolved.error(), env.value().messages);
  const Municipality* municipality = resolved.value();
  auto tree = env.value().database->org().load_org(municipality->number);
  if (!tree.ok()) return report_error(tree.error(), env.value().messages);
  std::vector<std::vector<std::string>> rows;
  for (const Unit& unit : tree.value().units()) {
    const Sector* sector = tree.value().find_sector(unit.sector_code);
    rows.push_back({unit.sector_code, sector ? sector->name : "", unit.code, unit.name});
  }
  const std::vector<std::string> header{"Sektorkode", "Sektor", "Enhetskode", "Enhet"};
  if (format.value() == OutputFormat::json) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::array();
    for (const auto& r : rows) {
      doc.push_back({{"sector_code", r[0]}, {"sector", r[1]}, {"unit_code", r[2]}, {"unit", r[3]}});
    }
    std::cout << doc.dump(2) << '\n';
  } else {
    print_rows(std::cout, format.value(), header, rows, header.size());
  }
  return kExitOk;
}

}  // namespace

void add_org_command(CLI::App& app, CommandContext context) {
  CLI::App* org = app.add_subcommand("org", "Kommunens sektorer og enheter");
  org->require_subcommand(1);

  auto import_options = std::make_shared<OrgOptions>();
  CLI::App* import = org->add_subcommand(
      "import", "Registrer sektorer og enheter fra en fil med kolonnene Sektorkode;Sektor;Enhetskode;Enhet");
  import->add_option("file", import_options->file, "CSV- eller XLSX-fil")->required();
  import->add_option("-m,--municipality", import_options->municipality, "Kommunenummer")->required();
  import->callback([import_options, context] { context.exit_code = run_import(*import_options, context); });

  auto list_options = std::make_shared<OrgOptions>();
  CLI::App* list = org->add_subcommand("list", "Vis kommunens sektorer og enheter");
  list->add_option("-m,--municipality", list_options->municipality, "Kommunenummer")->required();
  list->add_option("-f,--format", list_options->format, "table, json eller csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  list->callback([list_options, context] { context.exit_code = run_list(*list_options, context); });
}

}  // namespace kompetent::cli
