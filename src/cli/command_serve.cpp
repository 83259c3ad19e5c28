// kompetent serve: the JSON API and the built web app over HTTP.
//   kompetent serve --db kompetent.db --port 8080 [--web-dir web/dist]
// A database without users gets a single-use link for creating the first
// administrator; the demo database prints its logins.
#include <fstream>
#include <iostream>

#include "api/api_application.h"
#include "api/import_runner.h"
#include "api/session_service.h"
#include "api/web_files.h"
#include <nlohmann/json.hpp>
#include "api/http/http_server.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "io/reference/reference_files.h"
#include "core/demo/demo_users.h"
#include "security/digest.h"
#include "security/random_token.h"
#include "store/sqlite/sqlite_database.h"

namespace kompetent::cli {
namespace {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string port_file;
  int min_group = 5;
  int threads = 8;
  std::string upload_dir;
  std::string access_log = "-";
  bool trust_proxy = false;
  std::string web_dir;  // "": look in the usual places; "none": serve no app
};

constexpr auto kSetupTokenLifetime = std::chrono::hours{24};

Result<api::Messages> both_catalogues(const GlobalOptions& global) {
  GlobalOptions nb = global;
  nb.lang = "nb";
  GlobalOptions en = global;
  en.lang = "en";
  auto nb_messages = load_messages(nb);
  if (!nb_messages.ok()) return nb_messages.error();
  auto en_messages = load_messages(en);
  if (!en_messages.ok()) return en_messages.error();
  return api::Messages{std::move(nb_messages).value(), std::move(en_messages).value()};
}

// Says how to get in: the setup link on a new installation, the demo logins
// on the demo database.
Status print_how_to_log_in(Environment& env, const std::string& base_url, const Clock& clock) {
  store::Database& db = *env.database;
  auto users = db.users().count_users();
  if (!users.ok()) return users.error();
  const MessageCatalogue& m = env.messages;
  if (users.value() == 0) {
    const std::string token = security::random_token();
    if (Status created = db.users().create_setup_token(security::sha256_hex(token),
                                                       clock.now_utc() + kSetupTokenLifetime);
        !created.ok()) {
      return created;
    }
    std::cout << m.text("cli.serve.setup_link", {base_url + "/setup?token=" + token}) << '\n';
    return ok_status();
  }
  auto demo_admin = db.users().find_user(demo::kDemoUsers.front().username);
  if (demo_admin.ok() && demo_admin.value()) {
    std::cout << m.text("cli.serve.demo_logins", {std::string(demo::kDemoPassword)}) << '\n';
    for (const demo::DemoUser& user : demo::kDemoUsers) {
      std::cout << "  " << user.username << "  (" << user.description << ")\n";
    }
  }
  return ok_status();
}

// The built web app: --web-dir (which must hold index.html), else web/dist
// in the current directory, else web/dist beside the binary's directory
// (build/kompetent → web/dist). Empty: none, and "/" shows the landing page.
Result<std::filesystem::path> find_web_dir(const std::string& option) {
  if (option == "none") return std::filesystem::path{};
  if (!option.empty()) {
    auto root = api::canonical_web_root(option);
    if (!root) return Error::invalid("web_dir_invalid", {option});
    return *root;
  }
  if (auto root = api::canonical_web_root(std::filesystem::path("web") / "dist")) return *root;
  std::error_code ec;
  const std::filesystem::path binary = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    if (auto root = api::canonical_web_root(binary.parent_path().parent_path() / "web" / "dist")) return *root;
  }
  return std::filesystem::path{};
}

int run(const ServeOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto opened = open_for_command(context, code);
  if (!opened.ok()) return code;
  Environment& env = opened.value();
  if (options.min_group < 3) return report_error(Error::invalid("min_group_too_small", {"3"}), env.messages);
  auto messages = both_catalogues(context.global);
  if (!messages.ok()) return report_error(messages.error(), env.messages);

  const std::filesystem::path db_path = context.global.db;
  const std::filesystem::path upload_dir =
      options.upload_dir.empty() ? std::filesystem::absolute(db_path).parent_path() / "kompetent-uploads"
                                 : std::filesystem::path(options.upload_dir);
  std::error_code ec;
  std::filesystem::create_directories(upload_dir, ec);
  if (ec) return report_error(Error::io("file_not_writable", {upload_dir.string()}), env.messages);

  // The categories are in the database; the file gives the order to list them in.
  auto shipped_categories = io::load_categories(env.data_dir / "position_categories.csv");
  if (!shipped_categories.ok()) {
    return report_error(Error::io("data_dir_invalid", {(env.data_dir / "position_categories.csv").string()}),
                        env.messages);
  }
  std::vector<std::string> category_order;
  for (const PositionCategory& c : shipped_categories.value.all()) category_order.push_back(c.key);

  auto web_dir = find_web_dir(options.web_dir);
  if (!web_dir.ok()) return report_error(web_dir.error(), env.messages);

  const Clock& clock = context.clock;
  store::sqlite::SqliteOptions sqlite_options;
  sqlite_options.busy_timeout = std::chrono::milliseconds{2000};
  api::DatabasePool pool(
      [db_path, &clock, sqlite_options]() -> Result<std::unique_ptr<store::Database>> {
        auto db = store::sqlite::SqliteDatabase::open(db_path, clock, sqlite_options);
        if (!db.ok()) return db.error();
        return std::unique_ptr<store::Database>(std::move(db).value());
      },
      static_cast<std::size_t>(options.threads + 2));
  api::ViewCache views;
  api::LoginThrottle throttle;
  api::ServerContext server{clock,
                            std::move(messages).value(),
                            api::ReferenceData{env.municipalities, env.regions, env.history, env.data_dir,
                                               std::move(category_order)},
                            api::ApiOptions{options.min_group, upload_dir, web_dir.value()},
                            pool,
                            views,
                            throttle};
  api::ImportJobs jobs(api::make_import_runner(server), [&server](const api::ImportJob& job) {
    auto lease = server.pool.acquire();
    if (!lease.ok()) return;
    api::Principal who;
    who.account.username = job.request.username;
    who.account.role = Role::municipality_hr;
    const bool ok = job.state == api::JobState::succeeded;
    nlohmann::json detail{{"rows", job.report ? job.report->data_rows : 0},
                          {"errors", job.report ? job.report->error_count : 0},
                          {"replace", job.request.replace}};
    if (job.failure) detail["failure"] = job.failure->code;
    (void)api::audit(server, *lease.value(), &who, job.request.address, "import", job.request.municipality,
                     to_iso(job.request.date), ok ? AuditOutcome::success : AuditOutcome::failure, detail.dump());
  });
  server.jobs = &jobs;

  std::ofstream log_file;
  std::ostream* access_log = &std::cerr;
  if (options.access_log == "none") {
    access_log = nullptr;
  } else if (options.access_log != "-") {
    log_file.open(options.access_log, std::ios::app);
    if (!log_file) return report_error(Error::io("file_not_writable", {options.access_log}), env.messages);
    access_log = &log_file;
  }

  api::ApiApplication application(server);
  api::ServerOptions server_options;
  server_options.host = options.host;
  server_options.port = static_cast<std::uint16_t>(options.port);
  server_options.worker_threads = options.threads;
  server_options.upload_dir = upload_dir;
  server_options.trust_proxy = options.trust_proxy;
  server_options.access_log = access_log;
  api::HttpServer http(application, server_options);
  auto port = http.listen();
  if (!port.ok()) return report_error(port.error(), env.messages);

  const std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  const std::string base_url = "http://" + host + ":" + std::to_string(port.value());
  if (Status said = print_how_to_log_in(env, base_url, clock); !said.ok()) {
    return report_error(said.error(), env.messages);
  }
  env.database.reset();  // the server uses its own connections
  if (!options.port_file.empty()) {
    std::ofstream(options.port_file) << port.value() << '\n';
  }
  if (web_dir.value().empty()) {
    std::cout << env.messages.text("cli.serve.no_web_app") << '\n';
  } else {
    std::cout << env.messages.text("cli.serve.web_app", {web_dir.value().string()}) << '\n';
  }
  std::cout << env.messages.text("cli.serve.listening", {base_url}) << '\n' << std::flush;
  http.run();
  std::cout << env.messages.text("cli.serve.stopped") << '\n';
  return kExitOk;
}

}  // namespace

void add_serve_command(CLI::App& app, CommandContext context) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* serve = app.add_subcommand("serve", "Start tjeneren: JSON-API på http://HOST:PORT/api/v1");
  serve->add_option("--host", options->host, "Adresse å lytte på");
  serve->add_option("--port", options->port, "Port (0: velg en ledig)")->check(CLI::Range(0, 65535));
  serve->add_option("--port-file", options->port_file, "Skriv porten hit når tjeneren lytter");
  serve->add_option("--min-group", options->min_group,
                    "Minste gruppe som vises i sammenstilte tall (k, minst 3)");
  serve->add_option("--threads", options->threads, "Arbeidstråder for forespørsler")->check(CLI::Range(1, 256));
  serve->add_option("--upload-dir", options->upload_dir, "Mappe for opplastinger under import");
  serve->add_option("--access-log", options->access_log, "Tilgangslogg: - (stderr), en fil, eller none");
  serve->add_option("--web-dir", options->web_dir,
                    "Den bygde nettleserappen (web/dist); none: ingen app");
  serve->add_flag("--trust-proxy", options->trust_proxy,
                  "Stol på X-Forwarded-For/-Proto (bare bak egen omvendt proxy med TLS)");
  serve->callback([options, context] { context.exit_code = run(*options, context); });
}

}  // namespace kompetent::cli
