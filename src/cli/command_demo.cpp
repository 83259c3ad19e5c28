// kompetent demo: creates the demo database (Nord-Troms health and care as in
// seed 003, and Salten with every sector), deterministic from a seed; with
// --export-dir also writes each municipality's HR export and units as CSV, so
// a new user can try `kompetent org import` and `kompetent import` on them.
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "core/demo/demo_data.h"
#include "core/demo/demo_users.h"
#include "security/password_hash.h"
#include "io/export/hr_export_writer.h"
#include "io/import/import_profile.h"

namespace kompetent::cli {
namespace {

struct DemoOptions {
  std::uint64_t seed = demo::kDefaultDemoSeed;
  bool force = false;
  std::string export_dir;
};

std::vector<demo::DemoMunicipality> demo_members(const Environment& env) {
  std::vector<demo::DemoMunicipality> members;
  for (const char* region_id : {"nord-troms", "salten"}) {
    const Region* region = env.find_region(region_id);
    if (!region) continue;
    for (const MunicipalityNumber& number : region->members) {
      if (const Municipality* m = env.find_municipality(number.digits)) {
        members.push_back({m->number, m->name, m->population, region->id});
      }
    }
  }
  return members;
}

// The demo exports carry titles, not KS codes (we ship only verified codes),
// so a "demo" profile maps each title to its category.
io::ImportProfile demo_profile(const demo::DemoDataset& data) {
  io::ImportProfile profile;
  profile.name = "demo";
  profile.description = "Demodata: stillingstitler i stedet for stillingskoder";
  std::map<std::string, std::string> titles;
  for (const Snapshot& s : data.snapshots) {
    for (const PositionRecord& p : s.positions) titles.emplace(p.position_title, p.category);
  }
  for (const auto& [title, category] : titles) profile.titles.emplace_back(title, category);
  return profile;
}

// One login per role (core/demo/demo_users.h), all with the public demo
// password. The employee login gets the first person of Sentrum sykehjem.
Status add_demo_users(store::Database& db, const demo::DemoDataset& data) {
  auto hash = security::hash_password(demo::kDemoPassword);
  if (!hash.ok()) return hash.error();
  std::string employee_id;
  for (const Snapshot& s : data.snapshots) {
    if (s.municipality.digits != "1841" || s.date != demo::kCurrentSnapshotDate) continue;
    for (const PositionRecord& p : s.positions) {
      if (p.unit_code == "SH01") {
        employee_id = p.employee_id;
        break;
      }
    }
  }
  for (const demo::DemoUser& user : demo::kDemoUsers) {
    UserAccount account;
    account.username = std::string(user.username);
    account.display_name = std::string(user.display_name);
    account.role = user.role;
    account.municipality = std::string(user.municipality);
    account.region = std::string(user.region);
    if (!user.unit.empty()) account.units = {std::string(user.unit)};
    if (user.role == Role::employee) account.employee_id = employee_id;
    if (auto existing = db.users().find_user(account.username); existing.ok() && existing.value()) continue;
    if (auto added = db.users().add_user(account, hash.value()); !added.ok()) return added.error();
  }
  return ok_status();
}

int run(const DemoOptions& options, const CommandContext& context) {
  int code = kExitOk;
  auto opened = open_for_command(context, code);
  if (!opened.ok()) return code;
  Environment& env = opened.value();
  const MessageCatalogue& m = env.messages;

  auto existing = env.database->snapshots().list_snapshots(std::nullopt);
  if (!existing.ok()) return report_error(existing.error(), m);
  if (!existing.value().empty() && !options.force) {
    return report_error(Error::conflict("demo_exists", {context.global.db}), m);
  }

  const auto members = demo_members(env);
  const demo::DemoDataset data = demo::generate_demo(members, options.seed);

  for (const OrgTree& tree : data.trees) {
    if (Status saved = env.database->org().save_org(tree); !saved.ok()) return report_error(saved.error(), m);
  }
  std::int64_t positions = 0;
  for (const Snapshot& snapshot : data.snapshots) {
    auto writer = env.database->snapshots().begin_snapshot(snapshot.municipality, snapshot.date,
                                                           options.force, "demo");
    if (!writer.ok()) return report_error(writer.error(), m);
    for (const PositionRecord& record : snapshot.positions) {
      if (Status added = writer.value()->add(record); !added.ok()) return report_error(added.error(), m);
    }
    if (Status committed = writer.value()->commit(); !committed.ok()) {
      return report_error(committed.error(), m);
    }
    if (snapshot.date == demo::kCurrentSnapshotDate) positions += static_cast<std::int64_t>(snapshot.positions.size());
  }
  const io::ImportProfile profile = demo_profile(data);
  if (Status saved = env.database->reference().save_profile(profile.name, io::to_json(profile)); !saved.ok()) {
    return report_error(saved.error(), m);
  }

  if (Status users = add_demo_users(*env.database, data); !users.ok()) return report_error(users.error(), m);

  if (!options.export_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.export_dir, ec);
    if (ec) return report_error(Error::io("file_not_writable", {options.export_dir}), m);
    for (const OrgTree& tree : data.trees) {
      const auto dir = std::filesystem::path(options.export_dir);
      const std::string number = tree.municipality().digits;
      if (Status s = io::write_org_csv(dir / ("enheter-" + number + ".csv"), tree); !s.ok()) {
        return report_error(s.error(), m);
      }
      for (const Snapshot& snapshot : data.snapshots) {
        if (snapshot.municipality != tree.municipality()) continue;
        const auto file = dir / ("ansatte-" + number + "-" + to_iso(snapshot.date) + ".csv");
        if (Status s = io::write_hr_export_csv(file, snapshot.positions); !s.ok()) return report_error(s.error(), m);
      }
    }
  }
  std::cout << m.text("cli.demo.created", {context.global.db, format_integer(positions, env.language),
                                           std::to_string(data.trees.size())})
            << '\n';
  return kExitOk;
}

}  // namespace

void add_demo_command(CLI::App& app, CommandContext context) {
  auto options = std::make_shared<DemoOptions>();
  CLI::App* cmd = app.add_subcommand("demo", "Lag demodatabasen: Nord-Troms (helse og omsorg) og Salten (alle sektorer)");
  cmd->add_option("--seed", options->seed, "Frø for tilfeldighetene (samme frø gir samme data)");
  cmd->add_flag("--force", options->force, "Erstatt demodata i en database som allerede har kartlegginger");
  cmd->add_option("--export-dir", options->export_dir,
                  "Skriv også HR-eksporter og enhetslister som CSV hit (til å prøve «kompetent import»)");
  cmd->footer("Dataene og hvordan de er laget: docs/demo-data.md");
  cmd->callback([options, context] { context.exit_code = run(*options, context); });
}

}  // namespace kompetent::cli
