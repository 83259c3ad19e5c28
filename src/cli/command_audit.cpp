// kompetent audit: the audit trail (who imported, exported or viewed whose
// data, and changes to accounts), newest first, for administrators with
// access to the database file.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "core/access/user_account.h"

namespace kompetent::cli {
namespace {

struct AuditOptions {
  std::string from;
  std::string to;
  std::string user;
  std::string action;
  int limit = 100;
  std::string format = "table";
};

// The query the options describe: --from and --to are whole days in UTC,
// both included, so --to 31.12.2025 lists up to 1.1.2026 00:00.
Result<AuditQuery> query_from(const AuditOptions& options) {
  AuditQuery query;
  if (!options.from.empty()) {
    auto date = parse_user_date(options.from);
    if (!date) return Error::invalid("invalid_date", {options.from});
    query.from = std::chrono::sys_days{*date};
  }
  if (!options.to.empty()) {
    auto date = parse_user_date(options.to);
    if (!date) return Error::invalid("invalid_date", {options.to});
    query.to = std::chrono::sys_days{*date} + std::chrono::days{1};
  }
  if (!options.user.empty()) query.username = normalize_username(options.user);
  if (!options.action.empty()) query.action = options.action;
  query.limit = options.limit;
  return query;
}

int run_audit(const AuditOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  const MessageCatalogue& m = env.value().messages;
  auto format = parse_output_format(options.format);
  if (!format.ok()) return report_error(format.error(), m);
  auto query = query_from(options);
  if (!query.ok()) return report_error(query.error(), m);
  auto entries = env.value().database->audit().list(query.value());
  if (!entries.ok()) return report_error(entries.error(), m);

  if (format.value() == OutputFormat::json) {
    // The shape of GET /api/v1/audit.
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const AuditEntry& e : entries.value()) {
      list.push_back({{"at", to_iso_utc(e.at)},
                      {"username", e.username},
                      {"role", e.role ? nlohmann::ordered_json(role_name(*e.role)) : nullptr},
                      {"address", e.address},
                      {"action", e.action},
                      {"municipality", e.municipality},
                      {"subject", e.subject},
                      {"detail", nlohmann::ordered_json::parse(e.detail_json, nullptr, false)},
                      {"outcome", outcome_name(e.outcome)}});
    }
    std::cout << nlohmann::ordered_json{{"entries", list}}.dump(2) << '\n';
    return kExitOk;
  }
  const bool en = env.value().language == Language::en;
  const std::vector<std::string> header =
      en ? std::vector<std::string>{"Time (UTC)",   "User",    "Role",    "Address", "Action",
                                    "Municipality", "Subject", "Outcome", "Detail"}
         : std::vector<std::string>{"Tid (UTC)", "Bruker",  "Rolle",  "Adresse", "Handling",
                                    "Kommune",   "Gjelder", "Utfall", "Detaljer"};
  std::vector<std::vector<std::string>> rows;
  for (const AuditEntry& e : entries.value()) {
    rows.push_back({to_iso_utc(e.at), e.username, e.role ? std::string{role_name(*e.role)} : "",
                    e.address, e.action, e.municipality, e.subject,
                    std::string{outcome_name(e.outcome)},
                    e.detail_json == "{}" ? "" : e.detail_json});
  }
  if (rows.empty() && format.value() == OutputFormat::table) {
    std::cout << m.text("cli.none") << '\n';
  } else {
    print_rows(std::cout, format.value(), header, rows, header.size());
  }
  return kExitOk;
}

}  // namespace

void add_audit_command(CLI::App& app, CommandContext context) {
  auto options = std::make_shared<AuditOptions>();
  CLI::App* cmd = app.add_subcommand(
      "audit", "Vis revisjonsloggen: hvem som importerte, eksporterte eller så hvilke data");
  cmd->add_option("--from", options->from, "Fra og med dato, dd.mm.åååå (UTC)");
  cmd->add_option("--to", options->to, "Til og med dato, dd.mm.åååå (UTC)");
  cmd->add_option("-u,--user", options->user, "Bare denne brukeren (\"cli\" for kommandolinjen)");
  cmd->add_option("-a,--action", options->action,
                  "Bare denne handlingen, f.eks. login, import, export, view_positions");
  cmd->add_option("-n,--limit", options->limit, "Høyst så mange linjer, nyeste først")
      ->check(CLI::Range(1, 10000));
  cmd->add_option("-f,--format", options->format, "table, json eller csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->callback([options, context] { context.exit_code = run_audit(*options, context); });
}

}  // namespace kompetent::cli
