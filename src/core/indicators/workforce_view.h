// WorkforceView: the positions of one snapshot set (one municipality, or every
// member of a region) prepared for fast grouping. Strings become small integer
// indices into a dictionary, each record becomes a row of flat columns, and the
// rows are ordered by person, so the breakdown engine (breakdown.h) computes
// every group in one linear pass. Build it once per snapshot set and keep it:
// it is what the server caches per snapshot. It owns all its data; the
// snapshots and trees it was built from may go away afterwards.
//
//   WorkforceView view = WorkforceView::build(members, categories);
//   auto rows = breakdown(view, std::array{Dimension::unit}, {});
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/org/org_tree.h"
#include "core/workforce/position_category.h"
#include "core/workforce/snapshot.h"

namespace kompetent {

// One member municipality: its snapshot and its organisation tree. Either may
// be null (no positions; no tree, so every unit is unknown). Not owned.
struct MunicipalityWorkforce {
  const Snapshot* snapshot = nullptr;
  const OrgTree* tree = nullptr;
};

// Sector and unit codes given to positions whose unit is not in the tree (or
// whose unit code is empty). Such a unit keeps its own code under sector "?".
inline constexpr std::string_view kUnknownOrgCode = "?";

// The strings behind the indices. Ordered so that index order is report order:
// municipalities by number; within one, sectors in tree order (sector "?"
// last); units by sector, then tree order; categories in table order, then
// keys not in the table in order of first appearance.
struct ViewDictionary {
  std::vector<std::string> municipalities;         // kommunenummer
  std::vector<std::string> sector_codes;
  std::vector<std::uint32_t> sector_municipality;  // per sector
  std::vector<std::string> unit_codes;
  std::vector<std::uint32_t> unit_sector;          // per unit
  std::vector<std::string> categories;             // category keys
  bool operator==(const ViewDictionary&) const = default;
};

class WorkforceView {
 public:
  // One position, reduced to what an indicator needs and already derived from
  // the record and its municipality's snapshot year. A pass reads every field
  // of a row, so 20-byte rows beat separate column arrays here.
  struct Row {
    std::uint32_t unit = 0;      // index into dictionary().unit_codes
    std::uint32_t category = 0;  // index into dictionary().categories
    std::int32_t percent = 0;    // hundredths
    std::int16_t age = 0;        // snapshot year − birth year
    std::uint8_t age_band = 0;   // age_band_of(age)
    std::uint8_t gender = 0;     // Gender as integer
    std::uint8_t education = 0;  // EducationLevel as integer
    // Retirement age of this position's category (unknown category: 67).
    std::uint8_t retirement_age = 0;
    bool relevant_education = false;
    bool further_education = false;  // credits > 0
  };

  WorkforceView() = default;

  // Prepares `members`. Persons are (municipality, employee_id): the same id in
  // two municipalities is two persons. A municipality listed twice is one
  // municipality with the records of both (the first tree wins). Never fails.
  [[nodiscard]] static WorkforceView build(std::span<const MunicipalityWorkforce> members,
                                           const CategoryTable& categories);

  [[nodiscard]] const ViewDictionary& dictionary() const noexcept { return dictionary_; }
  [[nodiscard]] std::size_t position_count() const noexcept { return rows_.size(); }
  [[nodiscard]] std::size_t person_count() const noexcept { return person_begin_.size() - 1; }
  // The rows of person `person`, in the order of the records in the snapshot.
  [[nodiscard]] std::span<const Row> rows_of(std::size_t person) const noexcept {
    return std::span<const Row>(rows_).subspan(person_begin_[person],
                                                person_begin_[person + 1] - person_begin_[person]);
  }
  [[nodiscard]] std::span<const Row> rows() const noexcept { return rows_; }
  [[nodiscard]] std::uint32_t person_begin(std::size_t person) const noexcept {
    return person_begin_[person];
  }

 private:
  friend class ViewBuilder;

  ViewDictionary dictionary_;
  std::vector<Row> rows_;                      // ordered by person, then record order
  std::vector<std::uint32_t> person_begin_{0};  // person p owns rows [p], [p + 1])
};

// Two views over one dictionary and one set of person indices, so that a
// person, unit or category has the same index in both: what turnover between
// two snapshot sets of the same municipalities needs. Report order follows the
// later tree; sectors and units found only in the earlier one come after.
struct WorkforceViewPair {
  WorkforceView before;
  WorkforceView after;

  [[nodiscard]] static WorkforceViewPair build(std::span<const MunicipalityWorkforce> before,
                                               std::span<const MunicipalityWorkforce> after,
                                               const CategoryTable& categories);
};

}  // namespace kompetent
