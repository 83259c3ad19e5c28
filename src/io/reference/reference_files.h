// Readers for the reference tables we ship in data/ and that users supply
// (their units, their local position codes). Each returns the values, or the
// list of problems with row and column.
#pragma once

#include <filesystem>
#include <variant>
#include <vector>

#include "core/org/municipality.h"
#include "core/org/org_tree.h"
#include "core/workforce/position_category.h"
#include "core/workforce/position_code.h"
#include "io/import/import_error.h"

namespace kompetent::io {

template <class T>
struct Loaded {
  T value{};
  std::vector<ImportError> errors;  // empty when value is complete
  [[nodiscard]] bool ok() const noexcept { return errors.empty(); }
};

// data/position_categories.csv: kategori;navn_nb;navn_en;forventet_utdanning;pensjonsalder
[[nodiscard]] Loaded<CategoryTable> load_categories(const std::filesystem::path& path);

// stillingskode;kategori;benevnelse[;kilde] — categories must exist in `categories`.
[[nodiscard]] Loaded<std::vector<PositionCode>> load_position_codes(
    const std::filesystem::path& path, const CategoryTable& categories);

// data/reference/kommuner_2024_med_folkemengde.csv (SSB, via PROVENANCE.md).
[[nodiscard]] Loaded<std::vector<Municipality>> load_municipalities(
    const std::filesystem::path& path);

// data/regions.csv: region;navn;medlemmer (comma-separated kommunenummer).
[[nodiscard]] Loaded<std::vector<Region>> load_regions(const std::filesystem::path& path);

// A municipality's units: Sektorkode;Sektor;Enhetskode;Enhet.
struct OrgRows {
  std::vector<Sector> sectors;
  std::vector<Unit> units;
};
[[nodiscard]] Loaded<OrgRows> load_org_units(const std::filesystem::path& path);

}  // namespace kompetent::io
