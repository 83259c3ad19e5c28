// kompetent: the command line. Builds everything and passes it down (no globals).
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "core/clock.h"

namespace {

std::string env_or(const char* name, std::string fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::string(value) : std::move(fallback);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kompetent;
  using namespace kompetent::cli;

  SystemClock clock;
  GlobalOptions global;
  global.db = env_or("KOMPETENT_DB", global.db);
  global.data_dir = env_or("KOMPETENT_DATA", global.data_dir);
  global.lang = env_or("KOMPETENT_LANG", global.lang);
  int exit_code = kExitOk;

  CLI::App app{"kompetent — strategisk kompetanse- og rekrutteringsplanlegging for kommuner"};
  app.set_version_flag("--version", KOMPETENT_VERSION);
  app.option_defaults()->always_capture_default();
  app.add_option("--db", global.db, "Databasefil (SQLite); eller $KOMPETENT_DB");
  app.add_option("--data-dir", global.data_dir, "Mappe med referansedata; eller $KOMPETENT_DATA");
  app.add_option("--lang", global.lang, "Språk: nb (bokmål) eller en; eller $KOMPETENT_LANG")
      ->check(CLI::IsMember({"nb", "en"}));
  app.require_subcommand(1);
  // Global options may also follow the subcommand: "kompetent import … --db x.db".
  app.fallthrough();
  app.footer(
      "Kom i gang: kompetent demo && kompetent analyze --region nord-troms --by category\n"
      "Avslutningskoder: 0 ok, 1 ugyldig inndata, 2 feil bruk, 3 ikke funnet, 4 konflikt, "
      "5 fil-/databasefeil, 70 intern feil. Se docs/cli.md.");

  const CommandContext context{global, clock, exit_code};
  add_import_command(app, context);
  add_analyze_command(app, context);
  add_forecast_command(app, context);
  add_population_command(app, context);
  add_snapshots_command(app, context);
  add_demo_command(app, context);
  add_org_command(app, context);
  add_codes_command(app, context);
  add_profile_command(app, context);
  add_user_command(app, context);
  add_audit_command(app, context);
  add_serve_command(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  } catch (const std::exception& e) {
    // Nothing should get here: errors are values. Say so, and never lose the reason.
    std::cerr << "intern feil / internal error: " << e.what() << '\n';
    return kExitInternal;
  }
  return exit_code;
}
