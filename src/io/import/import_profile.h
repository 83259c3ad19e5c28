// An import profile ties the header names of one HR system's export to our
// fields, and may map position titles to categories (for exports without KS
// codes). The standard profile ships as data/profiles/standard.json; users
// save others with `kompetent profile`. Profiles are JSON:
//
//   {"name": "visma-fauske",
//    "description": "Visma HRM, Fauske kommune",
//    "columns": {"employee_id": ["Ressursnr"], "position_percent": ["Stillingsandel"], ...},
//    "titles": {"Helsefagarbeider": "helsefagarbeider", "Assistent": "assistent"}}
//
// A field left out of "columns" keeps the standard headers.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "io/import/field.h"

namespace kompetent::io {

struct ImportProfile {
  std::string name;
  std::string description;
  std::array<std::vector<std::string>, kFieldCount> headers;  // accepted headers per Field
  std::vector<std::pair<std::string, std::string>> titles;    // position title → category key

  [[nodiscard]] const std::vector<std::string>& headers_of(Field field) const noexcept {
    return headers[static_cast<std::size_t>(field)];
  }
  // The category key for a title (compared ignoring case and surrounding
  // space), or empty when the profile has no such title.
  [[nodiscard]] std::string category_for_title(std::string_view title) const;
  bool operator==(const ImportProfile&) const = default;
};

// Parses a profile. `base` supplies the headers of fields the JSON leaves out
// (normally the standard profile). Errors: "invalid_profile" with the reason,
// "unknown_profile_field" naming the key, "unknown_category" naming a title map target
// not in `category_keys` (skipped when category_keys is empty).
[[nodiscard]] Result<ImportProfile> parse_import_profile(std::string_view json,
                                                         const ImportProfile* base,
                                                         const std::vector<std::string>& category_keys);

// The profile as JSON, in the form parse_import_profile reads.
[[nodiscard]] std::string to_json(const ImportProfile& profile);

}  // namespace kompetent::io
