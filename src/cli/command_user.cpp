// kompetent user add|passwd|disable|enable|list: the accounts that may log in
// to the server. Passwords come from stdin, never from the command line, so
// they do not show in the process list or the shell history. Every change is
// written to the audit trail as done by "cli" from "local".
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "core/access/password_policy.h"
#include "core/access/user_account.h"
#include "security/password_hash.h"

namespace kompetent::cli {
namespace {

struct UserOptions {
  std::string username;
  std::string role;
  std::string municipality;
  std::string region;
  std::vector<std::string> units;
  std::string employee_id;
  std::string name;
  std::string format = "table";
};

// Turns terminal echo off for its lifetime and back on when destroyed.
class EchoOff {
 public:
  explicit EchoOff(int fd) : fd_(fd) {
    if (::tcgetattr(fd_, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = ::tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) ::tcsetattr(fd_, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  int fd_;
  termios saved_{};
  bool active_ = false;
};

// One line of stdin without its line ending ("\n" or "\r\n"); nullopt at end of input.
std::optional<std::string> read_line() {
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The new password for `username`: on a terminal asked twice without echo
// (prompts on stderr), otherwise the first line of stdin, so scripts can
// pipe it in. invalid "password_mismatch" or "password_missing".
Result<std::string> read_new_password(const MessageCatalogue& m, const std::string& username) {
  if (::isatty(STDIN_FILENO) == 0) {
    auto line = read_line();
    if (!line) return Error::invalid("password_missing");
    return std::move(*line);
  }
  EchoOff echo_off{STDIN_FILENO};
  std::cerr << m.text("cli.user.password_prompt", {username}) << std::flush;
  auto first = read_line();
  std::cerr << '\n';
  if (!first) return Error::invalid("password_missing");
  std::cerr << m.text("cli.user.password_again") << std::flush;
  auto second = read_line();
  std::cerr << '\n';
  if (!second) return Error::invalid("password_missing");
  if (*first != *second) return Error::invalid("password_mismatch");
  return std::move(*first);
}

// A new password read, checked against the policy and hashed.
Result<std::string> new_password_hash(const MessageCatalogue& m, const std::string& username) {
  auto password = read_new_password(m, username);
  if (!password.ok()) return password.error();
  if (auto allowed = check_password_policy(password.value()); !allowed.ok()) {
    return allowed.error();
  }
  return security::hash_password(password.value());
}

Status audit(store::Database& database, const Clock& clock, std::string action,
             const UserAccount& account, nlohmann::json detail = nlohmann::json::object()) {
  AuditEntry entry;
  entry.at = clock.now_utc();
  entry.username = "cli";
  entry.address = "local";
  entry.action = std::move(action);
  entry.municipality = account.municipality;
  entry.subject = account.username;
  entry.detail_json = detail.dump();
  return database.audit().append(entry);
}

// Each unit path must name a unit of the stored organisation, if the
// municipality has registered one (it may be imported after the account).
Status check_units_exist(store::Database& database, const UserAccount& account) {
  if (account.units.empty()) return ok_status();
  auto tree = database.org().load_org(MunicipalityNumber{account.municipality});
  if (!tree.ok()) return tree.error();
  if (tree.value().units().empty()) return ok_status();
  for (const std::string& text : account.units) {
    auto path = parse_node_path(text);
    if (!path.ok()) return path.error();
    const auto& units = tree.value().units();
    const bool found = std::any_of(units.begin(), units.end(), [&](const Unit& unit) {
      return unit.code == path.value().unit_code && unit.sector_code == path.value().sector_code;
    });
    if (!found) return Error::not_found("unknown_node", {text});
  }
  return ok_status();
}

// The account the options describe, with the municipality resolved (old
// numbers accepted) and the region checked against data/regions.csv.
Result<UserAccount> account_from(const UserOptions& options, const Environment& env) {
  UserAccount account;
  account.username = normalize_username(options.username);
  account.display_name = options.name;
  const auto role = parse_role(options.role);
  if (!role) return Error::invalid("unknown_role", {options.role});
  account.role = *role;
  if (!options.municipality.empty()) {
    auto resolved = env.resolve_municipality(options.municipality);
    if (!resolved.ok()) return resolved.error();
    account.municipality = resolved.value()->number.digits;
  }
  if (!options.region.empty()) {
    if (env.find_region(options.region) == nullptr) {
      return Error::not_found("unknown_region", {options.region});
    }
    account.region = options.region;
  }
  account.units = options.units;
  account.employee_id = options.employee_id;
  if (auto valid = validate_account(account); !valid.ok()) return valid.error();
  return account;
}

// The stored account named `username`; not_found "user_not_found" {username}.
Result<UserAccount> existing_user(store::Database& database, const std::string& username) {
  auto found = database.users().find_user(username);
  if (!found.ok()) return found.error();
  if (!found.value()) return Error::not_found("user_not_found", {normalize_username(username)});
  return std::move(*found.value());
}

int run_add(const UserOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  const MessageCatalogue& m = env.value().messages;
  store::Database& database = *env.value().database;

  auto account = account_from(options, env.value());
  if (!account.ok()) return report_error(account.error(), m);
  if (auto exists = check_units_exist(database, account.value()); !exists.ok()) {
    return report_error(exists.error(), m);
  }
  // Refuse a taken name before asking for a password that would be wasted.
  auto taken = database.users().find_user(account.value().username);
  if (!taken.ok()) return report_error(taken.error(), m);
  if (taken.value()) {
    return report_error(Error::conflict("user_exists", {account.value().username}), m);
  }
  auto hash = new_password_hash(m, account.value().username);
  if (!hash.ok()) return report_error(hash.error(), m);
  auto added = database.users().add_user(account.value(), hash.value());
  if (!added.ok()) return report_error(added.error(), m);
  if (auto audited = audit(database, context.clock, "user_add", added.value(),
                           {{"role", role_name(added.value().role)}});
      !audited.ok()) {
    return report_error(audited.error(), m);
  }
  std::cout << m.text("cli.user.added",
                      {added.value().username, std::string{role_name(added.value().role)}})
            << '\n';
  return kExitOk;
}

int run_passwd(const UserOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  const MessageCatalogue& m = env.value().messages;
  store::Database& database = *env.value().database;

  auto account = existing_user(database, options.username);
  if (!account.ok()) return report_error(account.error(), m);
  auto hash = new_password_hash(m, account.value().username);
  if (!hash.ok()) return report_error(hash.error(), m);
  // No session is kept: the command line has none of its own.
  if (auto changed = database.users().set_password_hash(account.value().id, hash.value());
      !changed.ok()) {
    return report_error(changed.error(), m);
  }
  if (auto audited = audit(database, context.clock, "password_change", account.value());
      !audited.ok()) {
    return report_error(audited.error(), m);
  }
  std::cout << m.text("cli.user.password_changed", {account.value().username}) << '\n';
  return kExitOk;
}

int run_set_disabled(const UserOptions& options, const CommandContext& context, bool disabled) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  const MessageCatalogue& m = env.value().messages;
  store::Database& database = *env.value().database;

  auto account = existing_user(database, options.username);
  if (!account.ok()) return report_error(account.error(), m);
  if (auto changed = database.users().set_disabled(account.value().id, disabled); !changed.ok()) {
    return report_error(changed.error(), m);
  }
  if (auto audited = audit(database, context.clock, disabled ? "user_disable" : "user_enable",
                           account.value());
      !audited.ok()) {
    return report_error(audited.error(), m);
  }
  std::cout << m.text(disabled ? "cli.user.disabled" : "cli.user.enabled",
                      {account.value().username})
            << '\n';
  return kExitOk;
}

std::string join(const std::vector<std::string>& values) {
  std::string joined;
  for (const std::string& value : values) joined += (joined.empty() ? "" : ", ") + value;
  return joined;
}

int run_list(const UserOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  const MessageCatalogue& m = env.value().messages;
  auto format = parse_output_format(options.format);
  if (!format.ok()) return report_error(format.error(), m);
  auto users = env.value().database->users().list_users();
  if (!users.ok()) return report_error(users.error(), m);

  if (format.value() == OutputFormat::json) {
    // The shape of GET /api/v1/users.
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const UserAccount& u : users.value()) {
      list.push_back({{"id", u.id},
                      {"username", u.username},
                      {"display_name", u.display_name},
                      {"role", role_name(u.role)},
                      {"municipality", u.municipality},
                      {"region", u.region},
                      {"units", u.units},
                      {"employee_id", u.employee_id},
                      {"disabled", u.disabled},
                      {"created_at", u.created_at}});
    }
    std::cout << nlohmann::ordered_json{{"users", list}}.dump(2) << '\n';
    return kExitOk;
  }
  const bool en = env.value().language == Language::en;
  const std::vector<std::string> header =
      en ? std::vector<std::string>{"Username", "Name",        "Role",   "Municipality", "Region",
                                    "Units",    "Employee id", "Status", "Created (UTC)"}
         : std::vector<std::string>{"Brukernavn", "Navn",      "Rolle",  "Kommune",        "Region",
                                    "Enheter",    "Ansattnr.", "Status", "Opprettet (UTC)"};
  std::vector<std::vector<std::string>> rows;
  for (const UserAccount& u : users.value()) {
    rows.push_back({u.username, u.display_name, std::string{role_name(u.role)},
                    u.municipality.empty() ? "" : env.value().municipality_label({u.municipality}),
                    u.region, join(u.units), u.employee_id,
                    m.text(u.disabled ? "cli.user.status_disabled" : "cli.user.status_active"),
                    u.created_at});
  }
  if (rows.empty() && format.value() == OutputFormat::table) {
    std::cout << m.text("cli.none") << '\n';
  } else {
    print_rows(std::cout, format.value(), header, rows, header.size());
  }
  return kExitOk;
}

}  // namespace

void add_user_command(CLI::App& app, CommandContext context) {
  CLI::App* user = app.add_subcommand("user", "Brukere som kan logge inn på tjeneren");
  user->require_subcommand(1);
  const std::string stdin_note = " Passordet (12–128 tegn) leses fra standard inn.";

  auto add_options = std::make_shared<UserOptions>();
  CLI::App* add = user->add_subcommand("add", "Opprett en bruker." + stdin_note);
  add->add_option("username", add_options->username, "Brukernavn, f.eks. fauske.hr")->required();
  add->add_option("--role", add_options->role,
                  "administrator, coordinator, hr, unit_leader eller employee")
      ->required()
      ->check(CLI::IsMember({"administrator", "coordinator", "hr", "unit_leader", "employee"}));
  add->add_option("-m,--municipality", add_options->municipality,
                  "Kommunenummer (hr, unit_leader, employee)");
  add->add_option("-r,--region", add_options->region, "Region, f.eks. salten (coordinator)");
  add->add_option("--unit", add_options->units,
                  "Enhet brukeren leder, f.eks. 1841/HO/FSH (unit_leader)");
  add->add_option("--employee-id", add_options->employee_id,
                  "Ansattnummer i HR-eksporten (employee)");
  add->add_option("--name", add_options->name, "Fullt navn, f.eks. \"Kari Nordmann\"");
  add->callback([add_options, context] { context.exit_code = run_add(*add_options, context); });

  auto passwd_options = std::make_shared<UserOptions>();
  CLI::App* passwd =
      user->add_subcommand("passwd", "Sett nytt passord og avslutt brukerens økter." + stdin_note);
  passwd->add_option("username", passwd_options->username, "Brukernavn")->required();
  passwd->callback(
      [passwd_options, context] { context.exit_code = run_passwd(*passwd_options, context); });

  auto disable_options = std::make_shared<UserOptions>();
  CLI::App* disable = user->add_subcommand("disable", "Sperr en bruker og avslutt øktene");
  disable->add_option("username", disable_options->username, "Brukernavn")->required();
  disable->callback([disable_options, context] {
    context.exit_code = run_set_disabled(*disable_options, context, true);
  });

  auto enable_options = std::make_shared<UserOptions>();
  CLI::App* enable = user->add_subcommand("enable", "Opphev sperringen av en bruker");
  enable->add_option("username", enable_options->username, "Brukernavn")->required();
  enable->callback([enable_options, context] {
    context.exit_code = run_set_disabled(*enable_options, context, false);
  });

  auto list_options = std::make_shared<UserOptions>();
  CLI::App* list = user->add_subcommand("list", "Vis brukerne (aldri passord)");
  list->add_option("-f,--format", list_options->format, "table, json eller csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  list->callback([list_options, context] { context.exit_code = run_list(*list_options, context); });
}

}  // namespace kompetent::cli
