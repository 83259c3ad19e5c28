// What every subcommand needs: the options shared by all of them, and the
// environment built from them (database, reference data, messages). Built
// once in main and passed down; nothing here is global.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/i18n/message_catalogue.h"
#include "core/i18n/number_format.h"
#include "core/org/municipality.h"
#include "core/org/municipality_history.h"
#include "core/result.h"
#include "store/database.h"

namespace kompetent::cli {

enum class OutputFormat { table, json, csv };

struct GlobalOptions {
  std::string db = "kompetent.db";   // --db, or $KOMPETENT_DB
  std::string data_dir;              // --data-dir, or $KOMPETENT_DATA, or the built-in path
  std::string lang = "nb";           // --lang nb|en, or $KOMPETENT_LANG
};

struct Environment {
  const Clock* clock = nullptr;
  Language language = Language::nb;
  MessageCatalogue messages;
  std::filesystem::path data_dir;
  std::unique_ptr<store::Database> database;
  std::vector<Municipality> municipalities;  // data/reference/kommuner_2024_med_folkemengde.csv
  std::vector<Region> regions;               // data/regions.csv
  MunicipalityHistory history;               // data/municipality_numbers.csv: numbers retired in 2020/2024

  [[nodiscard]] const Municipality* find_municipality(std::string_view number) const;
  // The current municipality a user means by `number`, also by a number
  // retired in the 2020 or 2024 reforms (1943 and 5429 both mean 5546
  // Kvænangen), saying so on stderr. not_found "unknown_municipality";
  // invalid "municipality_split" {number, successors} when the old
  // municipality was divided and the user must pick.
  [[nodiscard]] Result<const Municipality*> resolve_municipality(std::string_view number) const;
  [[nodiscard]] const Region* find_region(std::string_view id) const;
  // The municipalities of --region (if given) followed by those of --municipality, each
  // resolved as above. not_found "unknown_region"; may be empty.
  [[nodiscard]] Result<std::vector<MunicipalityNumber>> municipalities_of(
      std::string_view region, const std::vector<std::string>& municipalities) const;
  // "1841 Fauske", or the number alone if unknown.
  [[nodiscard]] std::string municipality_label(const MunicipalityNumber& number) const;
};

// The messages only (for errors before a database is open).
[[nodiscard]] Result<MessageCatalogue> load_messages(const GlobalOptions& options);

// Opens the database (creating and migrating it if needed), seeds the category
// and code tables from data/ the first time, and loads the reference data.
[[nodiscard]] Result<Environment> open_environment(const GlobalOptions& options, const Clock& clock);

[[nodiscard]] std::filesystem::path data_dir_of(const GlobalOptions& options);

}  // namespace kompetent::cli
