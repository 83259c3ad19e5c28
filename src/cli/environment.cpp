#include "cli/environment.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "io/reference/municipality_history_file.h"
#include "io/reference/reference_files.h"
#include "store/sqlite/sqlite_database.h"

namespace kompetent::cli {
namespace {

Error data_error(const std::filesystem::path& file) {
  return Error::io("data_dir_invalid", {file.string()});
}

// The shipped category and code tables become the database's own the first
// time it is opened; after that users edit them with `kompetent codes`.
Status seed_reference_tables(store::Database& database, const std::filesystem::path& data_dir) {
  auto categories = database.reference().categories();
  if (!categories.ok()) return categories.error();
  if (categories.value().all().empty()) {
    auto loaded = io::load_categories(data_dir / "position_categories.csv");
    if (!loaded.ok()) return data_error(data_dir / "position_categories.csv");
    for (const PositionCategory& c : loaded.value.all()) {
      if (Status s = database.reference().upsert_category(c); !s.ok()) return s;
    }
    auto table = database.reference().categories();
    if (!table.ok()) return table.error();
    auto codes = io::load_position_codes(data_dir / "position_codes.csv", table.value());
    if (!codes.ok()) return data_error(data_dir / "position_codes.csv");
    for (const PositionCode& code : codes.value) {
      if (Status s = database.reference().upsert_position_code(code); !s.ok()) return s;
    }
  }
  return ok_status();
}

}  // namespace

std::filesystem::path data_dir_of(const GlobalOptions& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  return KOMPETENT_DATA_DIR;
}

Result<MessageCatalogue> load_messages(const GlobalOptions& options) {
  const Language language = language_from_tag(options.lang);
  const std::string name = language == Language::en ? "en" : "nb";
  const auto path = data_dir_of(options) / "i18n" / (name + ".json");
  std::ifstream in(path);
  if (!in) return data_error(path);
  auto doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return data_error(path);
  std::map<std::string, std::string, std::less<>> messages;
  for (const auto& [key, value] : doc.items()) {
    if (value.is_string()) messages.emplace(key, value.get<std::string>());
  }
  return MessageCatalogue(name, std::move(messages));
}

Result<Environment> open_environment(const GlobalOptions& options, const Clock& clock) {
  Environment env;
  env.clock = &clock;
  env.language = language_from_tag(options.lang);
  env.data_dir = data_dir_of(options);
  auto messages = load_messages(options);
  if (!messages.ok()) return messages.error();
  env.messages = std::move(messages).value();

  auto municipalities =
      io::load_municipalities(env.data_dir / "reference" / "kommuner_2024_med_folkemengde.csv");
  if (!municipalities.ok()) return data_error(env.data_dir / "reference");
  env.municipalities = std::move(municipalities.value);
  auto history = io::load_municipality_history(env.data_dir / "municipality_numbers.csv", env.municipalities);
  if (!history.ok()) return data_error(env.data_dir / "municipality_numbers.csv");
  env.history = std::move(history.value);
  auto regions = io::load_regions(env.data_dir / "regions.csv");
  if (!regions.ok()) return data_error(env.data_dir / "regions.csv");
  env.regions = std::move(regions.value);

  auto database = store::sqlite::SqliteDatabase::open(options.db, clock);
  if (!database.ok()) return database.error();
  env.database = std::move(database).value();
  if (Status seeded = seed_reference_tables(*env.database, env.data_dir); !seeded.ok()) {
    return seeded.error();
  }
  return env;
}

const Municipality* Environment::find_municipality(std::string_view number) const {
  for (const Municipality& m : municipalities) {
    if (m.number.digits == number) return &m;
  }
  return nullptr;
}

Result<const Municipality*> Environment::resolve_municipality(std::string_view number) const {
  if (const Municipality* current = find_municipality(number)) return current;
  const std::vector<MunicipalityNumber> successors = history.current_numbers_for(number);
  if (successors.empty()) return Error::not_found("unknown_municipality", {std::string(number)});
  if (successors.size() > 1) {
    std::string list;
    for (const auto& s : successors) list += (list.empty() ? "" : ", ") + municipality_label(s);
    return Error::invalid("municipality_split", {std::string(number), list});
  }
  const Municipality* current = find_municipality(successors.front().digits);
  if (!current) return Error::not_found("unknown_municipality", {std::string(number)});
  std::cerr << messages.text("cli.municipality_renumbered", {std::string(number), municipality_label(current->number)})
            << '\n';
  return current;
}

Result<std::vector<MunicipalityNumber>> Environment::municipalities_of(
    std::string_view region_id, const std::vector<std::string>& municipalities) const {
  std::vector<MunicipalityNumber> numbers;
  if (!region_id.empty()) {
    const Region* region = find_region(region_id);
    if (!region) return Error::not_found("unknown_region", {std::string(region_id)});
    numbers = region->members;
  }
  for (const std::string& m : municipalities) {
    auto resolved = resolve_municipality(m);
    if (!resolved.ok()) return resolved.error();
    numbers.push_back(resolved.value()->number);
  }
  return numbers;
}

const Region* Environment::find_region(std::string_view id) const {
  for (const Region& r : regions) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string Environment::municipality_label(const MunicipalityNumber& number) const {
  const Municipality* m = find_municipality(number.digits);
  return m ? number.digits + " " + m->name : number.digits;
}

}  // namespace kompetent::cli
