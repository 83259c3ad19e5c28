// kompetent population [import|list|remove]: SSB's own population projection
// (tables 14288/14746) imported per municipality and alternative, which the
// forecast then uses instead of kompetent's estimate (docs/population-projection.md).
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "io/export/csv_writer.h"
#include "io/reference/population_ssb_table.h"

namespace kompetent::cli {
namespace {

using forecast::PopulationAlternative;

// The forecast's last year: a shorter table leaves the later years to the estimate.
constexpr int kPopulationTableFullYear = 2050;

struct PopulationOptions {
  std::string file;
  std::string municipality;
  std::string alternative;  // import: "main" unless given; remove: every alternative unless given
  std::string format = "table";
};

PopulationAlternative population_alternative_named(std::string_view key) {
  if (key == "low") return PopulationAlternative::low;
  if (key == "high") return PopulationAlternative::high;
  return PopulationAlternative::main;
}

const char* population_alternative_key(PopulationAlternative alternative) {
  switch (alternative) {
    case PopulationAlternative::low: return "low";
    case PopulationAlternative::high: return "high";
    case PopulationAlternative::main: break;
  }
  return "main";
}

void print_population_problems(const std::vector<io::ImportError>& problems, const Environment& env,
                               OutputFormat format) {
  if (format == OutputFormat::table) {
    print_problems(std::cout, problems, env);
    return;
  }
  if (format == OutputFormat::json) {
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const io::ImportError& e : problems) {
      errors.push_back({{"row", e.row}, {"column", e.column}, {"code", e.code}, {"value", e.value},
                        {"message", env.messages.text("problem." + e.code)}});
    }
    std::cout << nlohmann::ordered_json{{"accepted", false}, {"errors", errors}}.dump(2) << '\n';
    return;
  }
  io::CsvWriter out(std::cout, false);
  out.row({"row", "column", "code", "value", "message"});
  for (const io::ImportError& e : problems) {
    out.row({std::to_string(e.row), e.column, e.code, e.value, env.messages.text("problem." + e.code)});
  }
}

int run_population_import(const PopulationOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto opened = open_for_command(context, code);
  if (!opened.ok()) return code;
  Environment& env = opened.value();
  const MessageCatalogue& m = env.messages;
  auto format = parse_output_format(options.format);
  if (!format.ok()) return report_error(format.error(), m);
  if (std::error_code ec; !std::filesystem::is_regular_file(options.file, ec)) {
    return report_error(Error::io("file_not_readable", {options.file}), m);
  }
  const PopulationAlternative alternative = population_alternative_named(options.alternative);
  auto read = io::read_ssb_population_table(options.file, env.history, alternative);
  if (!read.ok()) {
    print_population_problems(read.errors, env, format.value());
    std::cerr << m.text("cli.population.refused", {format_integer(static_cast<std::int64_t>(read.errors.size()),
                                                                   env.language)})
              << '\n';
    return kExitInvalidInput;
  }
  const std::string table_id = io::ssb_table_id(options.file);
  const std::string source = std::filesystem::path(options.file).filename().string();
  Status stored = env.database->population().replace_population(read.value, source, table_id);
  if (!stored.ok()) return report_error(stored.error(), m);

  int first_year = read.value.front().first_year;
  int last_year = read.value.front().last_year();
  for (const forecast::PopulationSeries& series : read.value) {
    first_year = std::min(first_year, series.first_year);
    last_year = std::min(last_year, series.last_year());
  }
  if (format.value() == OutputFormat::json) {
    nlohmann::ordered_json municipalities = nlohmann::ordered_json::array();
    for (const forecast::PopulationSeries& series : read.value) municipalities.push_back(series.municipality);
    std::cout << nlohmann::ordered_json{{"accepted", true},
                                        {"table", table_id},
                                        {"alternative", population_alternative_key(alternative)},
                                        {"municipalities", municipalities},
                                        {"first_year", first_year},
                                        {"last_year", last_year}}
                     .dump(2)
              << '\n';
  } else {
    std::cout << m.text("cli.population.imported",
                        {table_id.empty() ? "SSB" : table_id, population_alternative_key(alternative),
                         std::to_string(read.value.size()), std::to_string(first_year), std::to_string(last_year)})
              << '\n';
  }
  if (last_year < kPopulationTableFullYear) {
    std::cerr << m.text("cli.population.too_short", {std::to_string(last_year)}) << '\n';
  }
  return kExitOk;
}

int run_population_list(const PopulationOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto opened = open_for_command(context, code);
  if (!opened.ok()) return code;
  Environment& env = opened.value();
  const MessageCatalogue& m = env.messages;
  auto format = parse_output_format(options.format);
  if (!format.ok()) return report_error(format.error(), m);
  auto imports = env.database->population().population_imports();
  if (!imports.ok()) return report_error(imports.error(), m);

  if (format.value() == OutputFormat::json) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::array();
    for (const store::PopulationImport& i : imports.value()) {
      doc.push_back({{"municipality", i.municipality},
                     {"alternative", population_alternative_key(i.alternative)},
                     {"source", i.source},
                     {"table", i.table_id},
                     {"first_year", i.first_year},
                     {"last_year", i.last_year},
                     {"imported_at", to_iso_utc(i.imported_at)}});
    }
    std::cout << doc.dump(2) << '\n';
    return kExitOk;
  }
  const bool en = env.language == Language::en;
  const std::vector<std::string> header =
      en ? std::vector<std::string>{"Municipality", "Alternative", "Source", "Table", "Years", "Imported (UTC)"}
         : std::vector<std::string>{"Kommune", "Alternativ", "Kilde", "Tabell", "År", "Importert (UTC)"};
  std::vector<std::vector<std::string>> rows;
  for (const store::PopulationImport& i : imports.value()) {
    rows.push_back({env.municipality_label(MunicipalityNumber{i.municipality}), population_alternative_key(i.alternative),
                    i.source, i.table_id, std::to_string(i.first_year) + "–" + std::to_string(i.last_year),
                    to_iso_utc(i.imported_at)});
  }
  if (rows.empty() && format.value() == OutputFormat::table) {
    std::cout << m.text("cli.none") << '\n';
  } else {
    print_rows(std::cout, format.value(), header, rows, 6);
  }
  return kExitOk;
}

int run_population_remove(const PopulationOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto opened = open_for_command(context, code);
  if (!opened.ok()) return code;
  Environment& env = opened.value();
  const MessageCatalogue& m = env.messages;
  auto resolved = env.resolve_municipality(options.municipality);
  if (!resolved.ok()) return report_error(resolved.error(), m);
  const MunicipalityNumber& number = resolved.value()->number;
  std::optional<PopulationAlternative> alternative;
  if (!options.alternative.empty()) alternative = population_alternative_named(options.alternative);
  Status removed = env.database->population().remove_population(number.digits, alternative);
  if (!removed.ok()) return report_error(removed.error(), m);
  std::string what = env.municipality_label(number);
  if (alternative) what += std::string(" (") + population_alternative_key(*alternative) + ")";
  std::cout << m.text("cli.population.removed", {what}) << '\n';
  return kExitOk;
}

}  // namespace

void add_population_command(CLI::App& app, CommandContext context) {
  CLI::App* cmd = app.add_subcommand(
      "population", "Importer SSBs befolkningsframskriving (tabell 14288/14746), vis eller fjern den");
  cmd->require_subcommand(1);
  cmd->footer(
      "En importert tabell erstatter kompetents eget anslag i fremskrivingen for kommunen og alternativet.\n"
      "Se docs/population-projection.md.");

  auto import_options = std::make_shared<PopulationOptions>();
  import_options->alternative = "main";
  CLI::App* import = cmd->add_subcommand(
      "import", "Importer en tabell lastet ned fra SSBs statistikkbank (CSV eller XLSX), alt eller ingenting");
  import->add_option("file", import_options->file, "Filen fra statistikkbanken (tabell 14288 eller 14746)")->required();
  import->add_option("-a,--alternative", import_options->alternative,
                     "Alternativet som skal leses: main (MMMM, standard), low (LLML) eller high (HHMH)")
      ->check(CLI::IsMember({"main", "low", "high"}));
  import->add_option("-f,--format", import_options->format, "Utdata: table, json eller csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  import->footer(
      "Avslutningskoder: 0 importert, 1 avvist (feil i filen, ingenting lagret), 5 fil-/databasefeil.\n"
      "Eksempel: kompetent population import 14288_Salten.csv --alternative low");
  import->callback([import_options, context] {
    context.exit_code = run_population_import(*import_options, context);
  });

  auto list_options = std::make_shared<PopulationOptions>();
  CLI::App* list = cmd->add_subcommand("list", "Vis de importerte befolkningstabellene");
  list->add_option("-f,--format", list_options->format, "table, json eller csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  list->callback([list_options, context] { context.exit_code = run_population_list(*list_options, context); });

  auto remove_options = std::make_shared<PopulationOptions>();
  CLI::App* remove = cmd->add_subcommand(
      "remove", "Fjern en kommunes importerte tabell; fremskrivingen bruker da kompetents eget anslag igjen");
  remove->add_option("-m,--municipality", remove_options->municipality, "Kommunenummer")->required();
  remove->add_option("-a,--alternative", remove_options->alternative,
                     "Bare dette alternativet: main, low eller high (standard: alle)")
      ->check(CLI::IsMember({"main", "low", "high"}));
  remove->callback([remove_options, context] { context.exit_code = run_population_remove(*remove_options, context); });
}

}  // namespace kompetent::cli
