// kompetent profile list|show|save|delete: import profiles that map another
// HR system's column names (and position titles) to our fields.
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "cli/profiles.h"

namespace kompetent::cli {
namespace {

struct ProfileOptions {
  std::string name;
  std::string file;
};

int run_list(const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  auto names = env.value().database->reference().profile_names();
  if (!names.ok()) return report_error(names.error(), env.value().messages);
  std::cout << "standard\n";
  for (const std::string& name : names.value()) std::cout << name << '\n';
  return kExitOk;
}

int run_show(const ProfileOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  auto profile = find_profile(env.value(), options.name);
  if (!profile.ok()) return report_error(profile.error(), env.value().messages);
  std::cout << io::to_json(profile.value()) << '\n';
  return kExitOk;
}

int run_save(const ProfileOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  const MessageCatalogue& m = env.value().messages;
  if (options.name == "standard") {
    return report_error(Error::conflict("profile_reserved", {options.name}), m);
  }
  std::ifstream in(options.file);
  if (!in) return report_error(Error::io("file_not_readable", {options.file}), m);
  std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto standard = standard_profile(env.value());
  if (!standard.ok()) return report_error(standard.error(), m);
  auto parsed = io::parse_import_profile(json, &standard.value(), category_keys(env.value()));
  if (!parsed.ok()) return report_error(parsed.error(), m);
  io::ImportProfile profile = std::move(parsed).value();
  profile.name = options.name;
  Status saved = env.value().database->reference().save_profile(options.name, io::to_json(profile));
  if (!saved.ok()) return report_error(saved.error(), m);
  std::cout << options.name << ": lagret / saved\n";
  return kExitOk;
}

int run_delete(const ProfileOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto env = open_for_command(context, code);
  if (!env.ok()) return code;
  Status deleted = env.value().database->reference().delete_profile(options.name);
  if (!deleted.ok()) return report_error(deleted.error(), env.value().messages);
  std::cout << options.name << ": slettet / deleted\n";
  return kExitOk;
}

}  // namespace

void add_profile_command(CLI::App& app, CommandContext context) {
  CLI::App* profile = app.add_subcommand("profile", "Importprofiler: kolonnenavn og stillingstitler per HR-system");
  profile->require_subcommand(1);
  profile->footer("Profilformatet er beskrevet i docs/import-format.md. Start med «kompetent profile show standard».");

  CLI::App* list = profile->add_subcommand("list", "Vis profilene");
  list->callback([context] { context.exit_code = run_list(context); });

  auto show_options = std::make_shared<ProfileOptions>();
  CLI::App* show = profile->add_subcommand("show", "Vis en profil som JSON");
  show->add_option("name", show_options->name, "Profilnavn")->required();
  show->callback([show_options, context] { context.exit_code = run_show(*show_options, context); });

  auto save_options = std::make_shared<ProfileOptions>();
  CLI::App* save = profile->add_subcommand("save", "Lagre en profil fra en JSON-fil");
  save->add_option("name", save_options->name, "Profilnavn")->required();
  save->add_option("-f,--file", save_options->file, "JSON-fil med profilen")->required();
  save->callback([save_options, context] { context.exit_code = run_save(*save_options, context); });

  auto delete_options = std::make_shared<ProfileOptions>();
  CLI::App* del = profile->add_subcommand("delete", "Slett en profil");
  del->add_option("name", delete_options->name, "Profilnavn")->required();
  del->callback([delete_options, context] { context.exit_code = run_delete(*delete_options, context); });
}

}  // namespace kompetent::cli
