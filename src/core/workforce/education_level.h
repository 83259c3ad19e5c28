// Highest completed education, in the five levels HR systems and the seeds use.
#pragma once

#include <optional>
#include <string_view>

namespace kompetent {

enum class EducationLevel {
  unknown,             // not registered
  unskilled,           // ufaglært: no formal education for the position
  trade_certificate,   // fagbrev / fagutdanning (videregående)
  vocational_college,  // fagskole
  bachelor,            // bachelor / 3-4 year university college
  master_or_higher,    // master, doctorate
};

// Stable keys used in storage, JSON and data files: "unknown", "unskilled",
// "trade_certificate", "vocational_college", "bachelor", "master_or_higher".
[[nodiscard]] std::string_view to_key(EducationLevel level) noexcept;
[[nodiscard]] std::optional<EducationLevel> education_level_from_key(std::string_view key) noexcept;

}  // namespace kompetent
