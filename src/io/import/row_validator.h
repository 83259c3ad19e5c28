// Turns one data row of an export into a PositionRecord, or into the list of
// what is wrong with it. Knows nothing of files or storage.
#pragma once

#include <optional>
#include <vector>

#include "core/calendar/date.h"
#include "core/org/org_tree.h"
#include "core/workforce/position_category.h"
#include "core/workforce/position_code.h"
#include "core/workforce/position_record.h"
#include "io/import/column_map.h"
#include "io/import/import_error.h"
#include "io/import/import_profile.h"
#include "io/table/row_source.h"

namespace kompetent::io {

// What a row is checked against. All references must outlive the validator.
struct ImportContext {
  const OrgTree& org;
  const PositionCodeTable& codes;
  const CategoryTable& categories;
  const ImportProfile& profile;
  Date snapshot_date;
};

inline constexpr std::size_t kMaxTextLength = 200;
inline constexpr std::size_t kMaxEmployeeIdLength = 64;
inline constexpr int kMinAge = 14;
inline constexpr int kMaxAge = 80;
inline constexpr int kMaxFurtherEducationCredits = 600;

// Validates `row` (mapped by `columns`). On success returns the record; else
// appends every problem of the row, in column order, to `errors` and returns
// nullopt. Duplicates across rows are the importer's business, not this one's.
[[nodiscard]] std::optional<PositionRecord> validate_row(const TableRow& row,
                                                         const ColumnMap& columns,
                                                         const ImportContext& context,
                                                         std::vector<ImportError>& errors);

// True for a value shaped like a fødselsnummer: 11 digits, optionally with one
// space after the sixth. Used to refuse columns that carry them.
[[nodiscard]] bool looks_like_fodselsnummer(std::string_view value) noexcept;

}  // namespace kompetent::io
