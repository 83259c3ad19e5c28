// Each subcommand registers itself on the app with its options and a callback
// that sets the exit code. One file per subcommand (command_*.cpp).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/environment.h"

namespace kompetent::cli {

// Shared by every command: the parsed global options, the clock, and where to
// put the exit code.
struct CommandContext {
  const GlobalOptions& global;
  const Clock& clock;
  int& exit_code;
};

void add_import_command(CLI::App& app, CommandContext context);
void add_analyze_command(CLI::App& app, CommandContext context);
void add_forecast_command(CLI::App& app, CommandContext context);
void add_population_command(CLI::App& app, CommandContext context);
void add_snapshots_command(CLI::App& app, CommandContext context);
void add_demo_command(CLI::App& app, CommandContext context);
void add_profile_command(CLI::App& app, CommandContext context);
void add_codes_command(CLI::App& app, CommandContext context);
void add_org_command(CLI::App& app, CommandContext context);
void add_user_command(CLI::App& app, CommandContext context);
void add_audit_command(CLI::App& app, CommandContext context);
void add_serve_command(CLI::App& app, CommandContext context);

}  // namespace kompetent::cli

namespace kompetent::cli {

// Opens the environment; on failure reports the error in the user's language
// and sets `exit_code`.
[[nodiscard]] Result<Environment> open_for_command(const CommandContext& context, int& exit_code);

}  // namespace kompetent::cli
