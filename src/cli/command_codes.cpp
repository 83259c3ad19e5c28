// kompetent codes list|add|remove|import: the table that maps position codes
// (KS stillingskoder and local codes) to position categories.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "io/reference/reference_files.h"

namespace kompetent::cli {
namespace {

struct CodesOptions {
  std::string code;
  std::string category;
  std::string title;
  std::string file;
  std::string format = "table";
};

int run_list(const CodesOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  const MessageCatalogue& m = env.value().messages;
  auto format = parse_output_format(options.format);
  if (!format.ok()) return report_error(format.error(), m);
  auto codes = env.value().database->reference().position_codes();
  if (!codes.ok()) return report_error(codes.error(), m);
  auto categories = env.value().database->reference().categories();
  if (!categories.ok()) return report_error(categories.error(), m);

  if (format.value() == OutputFormat::json) {
    nlohmann::ordered_json doc;
    doc["codes"] = nlohmann::ordered_json::array();
    for (const PositionCode& c : codes.value().all()) {
      doc["codes"].push_back({{"code", c.code}, {"category", c.category}, {"title", c.title}, {"source", c.source}});
    }
    doc["categories"] = nlohmann::ordered_json::array();
    for (const PositionCategory& c : categories.value().all()) {
      doc["categories"].push_back({{"key", c.key}, {"name_nb", c.name_nb}, {"name_en", c.name_en},
                                   {"expected_education", to_key(c.expected_education)},
                                   {"retirement_age", c.retirement_age}});
    }
    std::cout << doc.dump(2) << '\n';
    return kExitOk;
  }
  const std::vector<std::string> header{"stillingskode", "kategori", "benevnelse", "kilde"};
  std::vector<std::vector<std::string>> rows;
  for (const PositionCode& c : codes.value().all()) rows.push_back({c.code, c.category, c.title, c.source});
  print_rows(std::cout, format.value(), header, rows, header.size());
  return kExitOk;
}

int run_add(const CodesOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  const MessageCatalogue& m = env.value().messages;
  auto categories = env.value().database->reference().categories();
  if (!categories.ok()) return report_error(categories.error(), m);
  if (!categories.value().find(options.category)) {
    return report_error(Error::invalid("unknown_category", {options.category}), m);
  }
  Status saved = env.value().database->reference().upsert_position_code(
      {options.code, options.category, options.title, "lokal"});
  if (!saved.ok()) return report_error(saved.error(), m);
  std::cout << options.code << " → " << options.category << '\n';
  return kExitOk;
}

int run_remove(const CodesOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  Status removed = env.value().database->reference().delete_position_code(options.code);
  if (!removed.ok()) return report_error(removed.error(), env.value().messages);
  std::cout << options.code << ": fjernet / removed\n";
  return kExitOk;
}

int run_import(const CodesOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  const MessageCatalogue& m = env.value().messages;
  auto categories = env.value().database->reference().categories();
  if (!categories.ok()) return report_error(categories.error(), m);
  auto loaded = io::load_position_codes(options.file, categories.value());
  if (!loaded.ok()) {
    print_problems(std::cout, loaded.errors, env.value());
    return kExitInvalidInput;
  }
  for (const PositionCode& c : loaded.value) {
    if (Status s = env.value().database->reference().upsert_position_code(c); !s.ok()) {
      return report_error(s.error(), m);
    }
  }
  std::cout << loaded.value.size() << " stillingskoder lagret / position codes saved\n";
  return kExitOk;
}

}  // namespace

void add_codes_command(CLI::App& app, CommandContext context) {
  CLI::App* codes = app.add_subcommand("codes", "Stillingskoder og stillingskategorier");
  codes->require_subcommand(1);

  auto list_options = std::make_shared<CodesOptions>();
  CLI::App* list = codes->add_subcommand("list", "Vis kodetabellen");
  list->add_option("-f,--format", list_options->format, "table, json (med kategoriene) eller csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  list->callback([list_options, context] { context.exit_code = run_list(*list_options, context); });

  auto add_options = std::make_shared<CodesOptions>();
  CLI::App* add = codes->add_subcommand("add", "Legg til eller endre en stillingskode");
  add->add_option("code", add_options->code, "Stillingskoden, f.eks. 7174 eller en lokal kode")->required();
  add->add_option("-c,--category", add_options->category, "Kategori, f.eks. helsefagarbeider")->required();
  add->add_option("-t,--title", add_options->title, "Benevnelse");
  add->callback([add_options, context] { context.exit_code = run_add(*add_options, context); });

  auto remove_options = std::make_shared<CodesOptions>();
  CLI::App* remove = codes->add_subcommand("remove", "Fjern en stillingskode");
  remove->add_option("code", remove_options->code, "Stillingskoden")->required();
  remove->callback([remove_options, context] { context.exit_code = run_remove(*remove_options, context); });

  auto import_options = std::make_shared<CodesOptions>();
  CLI::App* import = codes->add_subcommand(
      "import", "Legg til koder fra en fil med kolonnene stillingskode;kategori;benevnelse");
  import->add_option("file", import_options->file, "CSV- eller XLSX-fil")->required();
  import->callback([import_options, context] { context.exit_code = run_import(*import_options, context); });
}

}  // namespace kompetent::cli
