// Turnover per group between two snapshot sets. The two views share person
// indices (WorkforceViewPair), so a person's groups before and after are read
// side by side, person by person, without looking anything up by name.
#include <algorithm>

#include "core/indicators/breakdown.h"
#include "core/indicators/grouping.h"

namespace kompetent {
namespace {

using detail::GroupTable;
using detail::Grouping;
using detail::kNoGroup;
using detail::OrgLevel;

struct TurnoverAccumulator {
  std::int64_t persons_before = 0;
  std::int64_t persons_after = 0;
  std::int64_t joiners = 0;
  std::int64_t leavers = 0;
};

TurnoverIndicators finish_turnover(const TurnoverAccumulator& accumulator) {
  return {accumulator.persons_before, accumulator.persons_after, accumulator.joiners,
          accumulator.leavers, Share{accumulator.leavers, accumulator.persons_before}};
}

// The distinct groups of `rows`, in first-seen order.
void distinct_groups(const Grouping& grouping, std::span<const WorkforceView::Row> rows,
                     std::vector<std::uint64_t>& out) {
  out.clear();
  for (const WorkforceView::Row& row : rows) {
    const std::uint64_t group = grouping.group_of(row);
    if (group != kNoGroup && std::find(out.begin(), out.end(), group) == out.end()) {
      out.push_back(group);
    }
  }
}

bool contains(const std::vector<std::uint64_t>& groups, std::uint64_t group) {
  return std::find(groups.begin(), groups.end(), group) != groups.end();
}

}  // namespace

std::vector<TurnoverRow> turnover_breakdown(const WorkforceViewPair& views,
                                            std::span<const Dimension> by,
                                            const BreakdownFilter& filter) {
  const ViewDictionary& dictionary = views.after.dictionary();
  std::vector<GroupTable<TurnoverAccumulator>> tables;
  tables.emplace_back(Grouping(dictionary, OrgLevel::none, false, filter));
  if (!by.empty()) tables.emplace_back(Grouping(dictionary, by, filter));

  for (auto& table : tables) {
    table.mark_rows(views.before.rows());
    table.mark_rows(views.after.rows());
    table.finish_marking();
  }

  std::vector<std::uint64_t> before_groups;
  std::vector<std::uint64_t> after_groups;
  // Both views count every person of the pair, possibly with no rows.
  const std::size_t persons = views.after.person_count();
  for (std::size_t person = 0; person < persons; ++person) {
    for (auto& table : tables) {
      distinct_groups(table.grouping(), views.before.rows_of(person), before_groups);
      distinct_groups(table.grouping(), views.after.rows_of(person), after_groups);
      for (std::uint64_t group : before_groups) {
        TurnoverAccumulator& accumulator = table.at(group);
        ++accumulator.persons_before;
        accumulator.leavers += !contains(after_groups, group);
      }
      for (std::uint64_t group : after_groups) {
        TurnoverAccumulator& accumulator = table.at(group);
        ++accumulator.persons_after;
        accumulator.joiners += !contains(before_groups, group);
      }
    }
  }

  std::vector<TurnoverRow> out;
  detail::append_total(tables[0], out, finish_turnover);
  if (tables.size() > 1) detail::append_rows(tables[1], out, finish_turnover);
  return out;
}

std::vector<TurnoverRow> turnover_breakdown(std::span<const MunicipalityWorkforce> before,
                                            std::span<const MunicipalityWorkforce> after,
                                            std::span<const Dimension> by,
                                            const BreakdownFilter& filter,
                                            const CategoryTable& categories) {
  return turnover_breakdown(WorkforceViewPair::build(before, after, categories), by, filter);
}

}  // namespace kompetent
