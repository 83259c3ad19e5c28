// Writes position records as an HR-system export in the standard profile's
// columns (docs/import-format.md): what `kompetent demo --export-dir` gives
// users to try `kompetent import` with, and what bench/ generates at scale.
// `kompetent import` of the file gives back the same records.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/org/org_tree.h"
#include "core/result.h"
#include "core/workforce/position_record.h"

namespace kompetent::io {

// The standard profile's headers, in the order the writers use them.
[[nodiscard]] const std::vector<std::string>& hr_export_headers();
// How an export spells coded values: Gender::female → "K", unskilled → "Ufaglært".
[[nodiscard]] std::string_view export_text(Gender gender) noexcept;
[[nodiscard]] std::string_view export_text(EducationLevel level) noexcept;

// The export as CSV (`;`, UTF-8 with BOM, decimal comma, dd.mm.yyyy).
[[nodiscard]] Status write_hr_export_csv(const std::filesystem::path& path,
                                         std::span<const PositionRecord> positions);

// The units as `Sektorkode;Sektor;Enhetskode;Enhet`, for `kompetent org import`.
[[nodiscard]] Status write_org_csv(const std::filesystem::path& path, const OrgTree& tree);

}  // namespace kompetent::io
