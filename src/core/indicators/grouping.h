// Internal to the breakdown engine: how the rows of a WorkforceView are put
// into groups, and the table of per-group accumulators. A group is a small
// integer, org_index × category_parts + category_index, so a pass looks it up
// in two short arrays instead of hashing strings.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <unordered_map>
#include <vector>

#include "core/indicators/breakdown.h"
#include "core/indicators/workforce_view.h"

namespace kompetent::detail {

// Group ids are 64-bit so units × categories cannot overflow; slots are 32-bit.
inline constexpr std::uint64_t kNoGroup = std::numeric_limits<std::uint64_t>::max();
inline constexpr std::uint32_t kNoIndex = std::numeric_limits<std::uint32_t>::max();

enum class OrgLevel { none, municipality, sector, unit };

class Grouping {
 public:
  Grouping(const ViewDictionary& dictionary, OrgLevel level, bool by_category,
           const BreakdownFilter& filter);
  Grouping(const ViewDictionary& dictionary, std::span<const Dimension> by,
           const BreakdownFilter& filter);

  // The group of a row, or kNoGroup when the filter drops it.
  [[nodiscard]] std::uint64_t group_of(const WorkforceView::Row& row) const noexcept {
    const std::uint32_t org = org_of_unit_[row.unit];
    const std::uint32_t category = category_part_[row.category];
    if (org == kNoIndex || category == kNoIndex) return kNoGroup;
    return std::uint64_t{org} * category_parts_ + category;
  }
  [[nodiscard]] std::uint64_t group_count() const noexcept {
    return std::uint64_t{org_parts_} * category_parts_;
  }
  [[nodiscard]] GroupKey key_of(std::uint64_t group) const;
  // The group in `coarser` that contains `group` of this grouping.
  // Precondition: `coarser` groups by no more than this one, with the same filter.
  [[nodiscard]] std::uint64_t parent_in(std::uint64_t group, const Grouping& coarser) const;
  [[nodiscard]] OrgLevel level() const noexcept { return level_; }

 private:
  const ViewDictionary* dictionary_;
  OrgLevel level_;
  bool by_category_;
  std::vector<std::uint32_t> org_of_unit_;    // per unit: index at level_, or kNoIndex
  std::vector<std::uint32_t> category_part_;  // per category: index, 0, or kNoIndex
  std::uint32_t org_parts_ = 1;
  std::uint32_t category_parts_ = 1;
};

// Accumulators of the groups that have rows. Two phases: mark() every group
// that has rows, then finish_marking() gives them slots in group order (which
// is report order) and allocates all accumulators at once; at() then finds a
// group's accumulator with one array lookup.
template <class Accumulator>
class GroupTable {
 public:
  explicit GroupTable(Grouping grouping) : grouping_(std::move(grouping)) {
    // A dense index while it stays small (it does for real trees: units ×
    // categories); a hash map for anything larger.
    dense_ = grouping_.group_count() <= kDenseLimit;
    if (dense_) dense_slot_.assign(static_cast<std::size_t>(grouping_.group_count()), kNoIndex);
  }

  [[nodiscard]] const Grouping& grouping() const noexcept { return grouping_; }

  void mark(std::uint64_t group) {
    if (dense_) {
      dense_slot_[static_cast<std::size_t>(group)] = 0;
    } else {
      sparse_slot_.try_emplace(group, 0);
    }
  }

  void mark_rows(std::span<const WorkforceView::Row> rows) {
    for (const WorkforceView::Row& row : rows) {
      const std::uint64_t group = grouping_.group_of(row);
      if (group != kNoGroup) mark(group);
    }
  }

  void finish_marking() {
    if (dense_) {
      for (std::size_t group = 0; group < dense_slot_.size(); ++group) {
        if (dense_slot_[group] == kNoIndex) continue;
        dense_slot_[group] = static_cast<std::uint32_t>(groups_.size());
        groups_.push_back(group);
      }
    } else {
      for (const auto& entry : sparse_slot_) groups_.push_back(entry.first);
      std::sort(groups_.begin(), groups_.end());
      for (std::size_t slot = 0; slot < groups_.size(); ++slot) {
        sparse_slot_[groups_[slot]] = static_cast<std::uint32_t>(slot);
      }
    }
    accumulators_.assign(groups_.size(), Accumulator{});
  }

  // Precondition: `group` was marked.
  [[nodiscard]] Accumulator& at(std::uint64_t group) {
    return accumulators_[dense_ ? dense_slot_[static_cast<std::size_t>(group)]
                                : sparse_slot_.find(group)->second];
  }

  [[nodiscard]] std::size_t size() const noexcept { return groups_.size(); }
  [[nodiscard]] std::uint64_t group_of_slot(std::size_t slot) const { return groups_[slot]; }
  [[nodiscard]] const Accumulator& accumulator(std::size_t slot) const {
    return accumulators_[slot];
  }
  [[nodiscard]] Accumulator& accumulator(std::size_t slot) { return accumulators_[slot]; }

 private:
  static constexpr std::uint64_t kDenseLimit = std::uint64_t{1} << 24;
  Grouping grouping_;
  bool dense_ = true;
  std::vector<std::uint32_t> dense_slot_;  // per group
  std::unordered_map<std::uint64_t, std::uint32_t> sparse_slot_;
  std::vector<Accumulator> accumulators_;  // per slot
  std::vector<std::uint64_t> groups_;      // per slot, ascending
};

// Appends one row per group of `table`, in report order.
template <class Accumulator, class RowType, class Finish>
void append_rows(const GroupTable<Accumulator>& table, std::vector<RowType>& out, Finish finish) {
  out.reserve(out.size() + table.size());
  for (std::size_t slot = 0; slot < table.size(); ++slot) {
    out.push_back({table.grouping().key_of(table.group_of_slot(slot)),
                   finish(table.accumulator(slot))});
  }
}

// Appends the total row of `table` (grouped by nothing), which is there even
// when no position passes the filter.
template <class Accumulator, class RowType, class Finish>
void append_total(const GroupTable<Accumulator>& table, std::vector<RowType>& out, Finish finish) {
  const std::size_t before = out.size();
  append_rows(table, out, finish);
  if (out.size() == before) out.push_back({GroupKey{}, finish(Accumulator{})});
}

}  // namespace kompetent::detail
