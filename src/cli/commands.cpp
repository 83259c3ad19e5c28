#include "cli/commands.h"

#include "cli/output.h"

namespace kompetent::cli {

Result<Environment> open_for_command(const CommandContext& context, int& exit_code) {
  auto env = open_environment(context.global, context.clock);
  if (!env.ok()) {
    auto messages = load_messages(context.global);
    exit_code = report_error(env.error(), messages.ok() ? messages.value() : MessageCatalogue{});
  }
  return env;
}

}  // namespace kompetent::cli
