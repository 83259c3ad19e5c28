// The suppression loop of cell_suppression.h. Primary and group suppression
// are one pass; the secondary loop repairs one derivable cell at a time, the
// earliest learnt first, and lets Derivation update what can be derived after
// each cell it withholds.
#include "core/privacy/cell_suppression.h"

#include <algorithm>
#include <limits>
#include <set>
#include <string>

#include "core/privacy/derivation.h"

namespace kompetent::privacy {
namespace {

using detail::Derivation;
using detail::kNone;

class Suppressor {
 public:
  Suppressor(const CellTable& table, int k)
      : table_(table),
        sensitive_(table.cells.size(), false),
        reason_(table.cells.size(), Reason::none),
        groups_of_anchor_(table.cells.size()),
        visited_(table.constraints.size(), false) {
    for (std::size_t cell = 0; cell < table.cells.size(); ++cell) {
      const Cell& c = table.cells[cell];
      sensitive_[cell] =
          c.kind != CellKind::external && (c.confidential || (c.value >= 1 && c.value <= k - 1));
    }
    for (std::size_t g = 0; g < table.groups.size(); ++g) {
      groups_of_anchor_[table.groups[g].anchor].push_back(g);
    }
  }

  SuppressionResult run() {
    std::vector<std::size_t> primary;
    for (std::size_t cell = 0; cell < reason_.size(); ++cell) {
      if (sensitive_[cell] && table_.cells[cell].kind == CellKind::published) {
        reason_[cell] = Reason::primary;
        primary.push_back(cell);
      }
    }
    suppress_groups(primary);

    std::vector<bool> initially_known(reason_.size(), false);
    for (std::size_t cell = 0; cell < reason_.size(); ++cell) {
      const CellKind kind = table_.cells[cell].kind;
      initially_known[cell] = kind == CellKind::external ||
                              (kind == CellKind::published && reason_[cell] == Reason::none);
    }
    Derivation derivation(table_, initially_known);
    mark_pinned(derivation);
    std::vector<bool> unprotected(reason_.size(), false);
    // Known cells that must not be, by (round learnt, cell). Repairing the earliest first
    // matters: a cell learnt in round 2 through another withheld cell (learnt in round 1) is
    // safe again once that one is, whereas repairing it directly withholds more and more of its
    // own constraint (every age band of a row, one after the other, until its persons).
    using Key = std::pair<std::uint32_t, std::size_t>;
    std::set<Key> exposed;
    std::vector<std::uint32_t> exposed_round(reason_.size(), kNotExposed);
    const auto recheck = [&](std::size_t cell) {
      if (exposed_round[cell] != kNotExposed) exposed.erase({exposed_round[cell], cell});
      exposed_round[cell] = kNotExposed;
      if (derivation.known(cell) && must_not_be_known(cell) && !unprotected[cell]) {
        exposed_round[cell] = derivation.round(cell);
        exposed.insert({exposed_round[cell], cell});
      }
    };
    for (std::size_t cell = 0; cell < reason_.size(); ++cell) recheck(cell);

    SuppressionResult result;
    while (!exposed.empty()) {
      const std::size_t cell = exposed.begin()->second;
      const std::size_t complement = choose_complement(derivation, derivation.learnt_by(cell));
      if (complement == kNone) {
        unprotected[cell] = true;
        result.unprotected.push_back(cell);
        recheck(cell);
        continue;
      }
      reason_[complement] = Reason::secondary;
      std::vector<std::size_t> withheld{complement};
      suppress_groups(withheld);
      for (const std::size_t changed : derivation.forget(withheld)) recheck(changed);
      for (const std::size_t changed : withheld) recheck(changed);
    }
    // A cell given up on may have been protected by a later suppression (one made for another
    // cell): only what stays derivable is reported.
    std::erase_if(result.unprotected, [&](std::size_t cell) { return !derivation.known(cell); });
    std::sort(result.unprotected.begin(), result.unprotected.end());
    result.reason = std::move(reason_);
    return result;
  }

 private:
  [[nodiscard]] bool must_not_be_known(std::size_t cell) const {
    return sensitive_[cell] || reason_[cell] != Reason::none;
  }

  [[nodiscard]] bool shown(std::size_t cell) const {
    return table_.cells[cell].kind == CellKind::published && reason_[cell] == Reason::none;
  }

  // Adds to `withheld` every member suppressed because its anchor is, transitively.
  void suppress_groups(std::vector<std::size_t>& withheld) {
    for (std::size_t next = 0; next < withheld.size(); ++next) {
      for (const std::size_t g : groups_of_anchor_[withheld[next]]) {
        for (const std::size_t member : table_.groups[g].members) {
          if (table_.cells[member].kind == CellKind::external) continue;
          if (reason_[member] != Reason::none) continue;
          reason_[member] = Reason::group;
          withheld.push_back(member);
        }
      }
    }
  }

  // A cell that the external cells alone determine (a unit that is the only one of a sector
  // another query shows) stays known whatever is withheld: withholding it would protect
  // nothing, so it is never a complement.
  void mark_pinned(const Derivation& derivation) {
    pinned_.assign(reason_.size(), false);
    bool any = false;
    for (std::size_t cell = 0; cell < reason_.size(); ++cell) {
      pinned_[cell] = table_.cells[cell].kind == CellKind::external;
      any = any || pinned_[cell];
    }
    if (any) pinned_ = derivation.closure(std::move(pinned_));
  }

  [[nodiscard]] bool can_withhold(std::size_t cell) const { return shown(cell) && !pinned_[cell]; }

  // The shown cell of `constraint` to withhold: the part with the smallest value above 0, else a
  // part of 0, else the total; never a pinned one.
  [[nodiscard]] std::size_t candidate_in(std::size_t constraint) const {
    const Constraint& c = table_.constraints[constraint];
    std::size_t best = kNone;
    std::size_t zero = kNone;
    for (const std::size_t part : c.parts) {
      if (!can_withhold(part)) continue;
      const std::int64_t value = table_.cells[part].value;
      if (value > 0) {
        if (best == kNone || value < table_.cells[best].value ||
            (value == table_.cells[best].value && part < best)) {
          best = part;
        }
      } else if (value == 0 && (zero == kNone || part < zero)) {
        zero = part;
      }
    }
    if (best != kNone) return best;
    if (zero != kNone) return zero;
    return can_withhold(c.total) ? c.total : kNone;
  }

  // Depth first through the hidden cells the constraint was built on.
  std::size_t search(const Derivation& derivation, std::size_t constraint) {
    if (visited_[constraint]) return kNone;
    visited_[constraint] = true;
    visited_list_.push_back(constraint);
    const std::size_t candidate = candidate_in(constraint);
    if (candidate != kNone) return candidate;
    std::vector<std::size_t> learnt_hidden;
    for (const std::size_t cell : derivation.cells_of(constraint)) {
      if (table_.cells[cell].kind == CellKind::hidden && derivation.derived(cell)) {
        learnt_hidden.push_back(cell);
      }
    }
    std::sort(learnt_hidden.begin(), learnt_hidden.end());
    for (const std::size_t cell : learnt_hidden) {
      const std::size_t found = search(derivation, derivation.learnt_by(cell));
      if (found != kNone) return found;
    }
    return kNone;
  }

  std::size_t choose_complement(const Derivation& derivation, std::size_t constraint) {
    const std::size_t found = search(derivation, constraint);
    for (const std::size_t c : visited_list_) visited_[c] = false;
    visited_list_.clear();
    return found;
  }

  static constexpr std::uint32_t kNotExposed = std::numeric_limits<std::uint32_t>::max();

  const CellTable& table_;
  std::vector<bool> sensitive_;
  std::vector<Reason> reason_;
  std::vector<bool> pinned_;  // known from the external cells alone
  std::vector<std::vector<std::size_t>> groups_of_anchor_;
  std::vector<bool> visited_;  // per constraint, during one choose_complement()
  std::vector<std::size_t> visited_list_;
};

}  // namespace

Status validate_rules(const SuppressionRules& rules) {
  if (rules.k < kMinimumGroupSize) {
    return Error::invalid("min_group_too_small", {std::to_string(kMinimumGroupSize)});
  }
  return ok_status();
}

SuppressionResult suppress(const CellTable& table, const SuppressionRules& rules) {
  return Suppressor(table, std::max(rules.k, kMinimumGroupSize)).run();
}

}  // namespace kompetent::privacy
