// kompetent import FILE --municipality 1841 --date 31.12.2025 [--replace]
// Loads one dated snapshot from an HR export, all or nothing.
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "cli/profiles.h"
#include "io/export/csv_writer.h"
#include "io/import/importer.h"

namespace kompetent::cli {
namespace {

struct ImportOptions {
  std::string file;
  std::string municipality;
  std::string date;
  std::string profile = "standard";
  std::string errors_file;
  std::string format = "table";
  bool replace = false;
  bool quiet = false;
};

std::string problem_message(const MessageCatalogue& messages, const std::string& code) {
  return messages.text("problem." + code);
}

Status write_error_csv(const std::string& path, const io::ImportReport& report,
                       const MessageCatalogue& messages) {
  auto writer = io::CsvWriter::open(path);
  if (!writer.ok()) return writer.error();
  writer.value().row({"row", "column", "code", "value", "message"});
  for (const io::ImportError& e : report.errors) {
    writer.value().row({std::to_string(e.row), e.column, e.code, e.value,
                        problem_message(messages, e.code)});
  }
  if (!writer.value().good()) return Error::io("file_not_writable", {path});
  return ok_status();
}

void print_report(const io::ImportReport& report, const ImportOptions& options,
                  const Environment& env, OutputFormat format) {
  const MessageCatalogue& m = env.messages;
  if (format == OutputFormat::json) {
    nlohmann::ordered_json doc;
    doc["accepted"] = report.accepted();
    doc["municipality"] = options.municipality;
    doc["rows"] = report.data_rows;
    doc["positions"] = report.accepted() ? report.records : 0;
    doc["error_count"] = report.error_count;
    doc["ignored_columns"] = report.ignored_columns;
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const auto& e : report.errors) {
      errors.push_back({{"row", e.row}, {"column", e.column}, {"code", e.code}, {"value", e.value},
                        {"message", problem_message(m, e.code)}});
    }
    doc["errors"] = errors;
    std::cout << doc.dump(2) << '\n';
    return;
  }
  if (format == OutputFormat::csv) {
    io::CsvWriter out(std::cout, false);
    out.row({"row", "column", "code", "value", "message"});
    for (const auto& e : report.errors) {
      out.row({std::to_string(e.row), e.column, e.code, e.value, problem_message(m, e.code)});
    }
    return;
  }
  if (!report.ignored_columns.empty()) {
    std::string list;
    for (const auto& c : report.ignored_columns) list += (list.empty() ? "" : ", ") + c;
    std::cerr << m.text("cli.import.ignored_columns", {list}) << '\n';
  }
  if (report.accepted()) return;
  constexpr std::size_t kShownInTerminal = 200;
  print_problems(std::cout, report.errors, env, kShownInTerminal);
  const auto shown = static_cast<std::int64_t>(std::min(report.errors.size(), kShownInTerminal));
  if (report.error_count > shown) {
    std::cout << m.text("cli.import.more_errors", {format_integer(report.error_count - shown, env.language)})
              << '\n';
  }
}

int run(const ImportOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto opened_env = open_for_command(context, code);
  if (!opened_env.ok()) return code;
  Environment& env = opened_env.value();
  auto format = parse_output_format(options.format);
  if (!format.ok()) return report_error(format.error(), env.messages);

  auto resolved = env.resolve_municipality(options.municipality);
  if (!resolved.ok()) return report_error(resolved.error(), env.messages);
  const Municipality* municipality = resolved.value();
  auto date = parse_user_date(options.date);
  if (!date) return report_error(Error::invalid("invalid_date", {options.date}), env.messages);

  auto org = env.database->org().load_org(municipality->number);
  if (!org.ok()) return report_error(org.error(), env.messages);
  if (org.value().units().empty()) {
    return report_error(Error::invalid("no_units", {env.municipality_label(municipality->number)}),
                        env.messages);
  }
  auto codes = env.database->reference().position_codes();
  if (!codes.ok()) return report_error(codes.error(), env.messages);
  auto categories = env.database->reference().categories();
  if (!categories.ok()) return report_error(categories.error(), env.messages);
  auto profile = find_profile(env, options.profile);
  if (!profile.ok()) return report_error(profile.error(), env.messages);

  // A missing file is the first thing to say, before anything about the database.
  if (std::error_code ec; !std::filesystem::is_regular_file(options.file, ec)) {
    return report_error(Error::io("file_not_readable", {options.file}), env.messages);
  }
  // Refuse an existing date before reading a large file, not after.
  auto writer = env.database->snapshots().begin_snapshot(
      municipality->number, *date, options.replace,
      std::filesystem::path(options.file).filename().string());
  if (!writer.ok()) return report_error(writer.error(), env.messages);

  const io::ImportContext import_context{org.value(), codes.value(), categories.value(),
                                         profile.value(), *date};
  const bool show_progress = !options.quiet && ::isatty(STDERR_FILENO);
  auto progress = [&](std::uint64_t done, std::uint64_t total, std::int64_t rows) {
    if (!show_progress) return;
    std::cerr << '\r' << env.messages.text("cli.import.progress", {format_integer(rows, env.language)});
    if (total > 0) std::cerr << " (" << (done * 100 / total) << " %)";
    std::cerr << std::flush;
  };
  store::SnapshotWriter& sink = *writer.value();
  auto imported = io::import_file(
      options.file, import_context, [&](PositionRecord&& record) { return sink.add(record); }, progress);
  if (show_progress) std::cerr << '\n';
  if (!imported.ok()) return report_error(imported.error(), env.messages);
  io::ImportReport report = std::move(imported).value();
  if (report.sink_failure) return report_error(*report.sink_failure, env.messages);

  if (report.accepted()) {
    if (Status committed = writer.value()->commit(); !committed.ok()) {
      return report_error(committed.error(), env.messages);
    }
  }
  writer.value().reset();  // an uncommitted writer rolls back here: nothing is stored

  print_report(report, options, env, format.value());
  if (!options.errors_file.empty() && !report.accepted()) {
    if (Status written = write_error_csv(options.errors_file, report, env.messages); !written.ok()) {
      return report_error(written.error(), env.messages);
    }
    std::cerr << env.messages.text("cli.import.errors_written", {options.errors_file}) << '\n';
  }
  if (!report.accepted()) {
    std::cerr << env.messages.text("cli.import.refused", {format_integer(report.error_count, env.language)})
              << '\n';
    return kExitInvalidInput;
  }
  if (format.value() == OutputFormat::table) {
    std::cout << env.messages.text("cli.import.accepted",
                                   {format_integer(report.records, env.language),
                                    env.municipality_label(municipality->number), to_norwegian(*date)})
              << '\n';
  }
  return kExitOk;
}

}  // namespace

void add_import_command(CLI::App& app, CommandContext context) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "import", "Importer en eksport fra HR-systemet som kartlegging per dato (alt eller ingenting)");
  cmd->add_option("file", options->file, "CSV- eller XLSX-fil fra HR-systemet")->required();
  cmd->add_option("-m,--municipality", options->municipality, "Kommunenummer, f.eks. 1841")->required();
  cmd->add_option("-d,--date", options->date, "Kartleggingsdato, dd.mm.åååå")->required();
  cmd->add_flag("--replace", options->replace, "Erstatt en eksisterende kartlegging for samme dato");
  cmd->add_option("-p,--profile", options->profile, "Importprofil (standard: «standard»)");
  cmd->add_option("-e,--errors", options->errors_file, "Skriv feillisten som CSV til denne filen");
  cmd->add_option("-f,--format", options->format, "Utdata: table, json eller csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->add_flag("-q,--quiet", options->quiet, "Ingen fremdriftsvisning");
  cmd->footer(
      "Avslutningskoder: 0 importert, 1 avvist (feil i filen, ingenting lagret), 3 ukjent, "
      "4 kartleggingen finnes (bruk --replace), 5 fil-/databasefeil.\n"
      "Filformat og feilkoder: docs/import-format.md");
  cmd->callback([options, context] { context.exit_code = run(*options, context); });
}

}  // namespace kompetent::cli
