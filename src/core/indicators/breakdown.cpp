// The fast path of the indicators, in one pass over the view's rows, person by
// person. The groupings form a chain from finest to coarsest (e.g. unit →
// sector → municipality → total). A person is added only to their finest
// group; coarser groups are the sums of their children, which is exact for
// everyone whose rows in the coarser group lie in a single child. For the few
// others (a nurse with positions in two units of one sector) the coarser group
// gets a correction: the person folded over the coarser group, minus their
// folds over each child. So the common case costs one PersonFold and one
// accumulator update per person, however many levels are reported.
#include "core/indicators/breakdown.h"

#include <algorithm>

#include "core/indicators/grouping.h"
#include "core/indicators/indicator_accumulator.h"

namespace kompetent {

std::string_view dimension_key(Dimension dimension) noexcept {
  switch (dimension) {
    case Dimension::municipality: return "municipality";
    case Dimension::sector: return "sector";
    case Dimension::unit: return "unit";
    case Dimension::category: return "category";
  }
  return "category";
}

std::optional<Dimension> parse_dimension(std::string_view key) noexcept {
  for (Dimension d : {Dimension::municipality, Dimension::sector, Dimension::unit, Dimension::category}) {
    if (dimension_key(d) == key) return d;
  }
  return std::nullopt;
}
namespace {

using detail::append_rows;
using detail::append_total;
using detail::GroupTable;
using detail::Grouping;
using detail::IndicatorAccumulator;
using detail::kNoGroup;
using detail::OrgLevel;
using detail::PersonFold;
using Row = WorkforceView::Row;
using Table = GroupTable<IndicatorAccumulator>;

// The person's rows whose group is `group`, folded in record order.
PersonFold fold_where(std::span<const Row> rows, const std::vector<std::uint64_t>& groups,
                      std::uint64_t group) {
  std::size_t first = 0;
  while (groups[first] != group) ++first;
  PersonFold fold(rows[first]);
  for (std::size_t next = first + 1; next < rows.size(); ++next) {
    if (groups[next] == group) fold.add(rows[next]);
  }
  return fold;
}

bool seen_before(const std::vector<std::uint64_t>& groups, std::size_t index) {
  return std::find(groups.begin(), groups.begin() + static_cast<std::ptrdiff_t>(index),
                   groups[index]) != groups.begin() + static_cast<std::ptrdiff_t>(index);
}

// A person with several rows: finest groups per part, corrections above.
void add_person_with_several_rows(std::span<const Row> rows, std::span<Table> chain,
                                  std::vector<std::uint64_t>& finer,
                                  std::vector<std::uint64_t>& coarser) {
  finer.clear();
  for (const Row& row : rows) finer.push_back(chain[0].grouping().group_of(row));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (finer[i] != kNoGroup && !seen_before(finer, i)) {
      chain[0].at(finer[i]).add(fold_where(rows, finer, finer[i]));
    }
  }
  for (std::size_t level = 1; level < chain.size(); ++level) {
    coarser.clear();
    for (const Row& row : rows) coarser.push_back(chain[level].grouping().group_of(row));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (coarser[i] == kNoGroup || seen_before(coarser, i)) continue;
      // The distinct finer groups (children) of this coarser group.
      std::size_t children = 0;
      for (std::size_t j = 0; j < rows.size(); ++j) {
        if (coarser[j] == coarser[i] && !seen_before(finer, j)) ++children;
      }
      if (children < 2) continue;  // the child's sum is already exact
      IndicatorAccumulator& accumulator = chain[level].at(coarser[i]);
      accumulator.add(fold_where(rows, coarser, coarser[i]));
      for (std::size_t j = 0; j < rows.size(); ++j) {
        if (coarser[j] == coarser[i] && !seen_before(finer, j)) {
          accumulator.add<-1>(fold_where(rows, finer, finer[j]));
        }
      }
    }
    std::swap(finer, coarser);
  }
}

// Fills every table of `chain` (finest first, each coarser than the one before).
void accumulate(const WorkforceView& view, std::span<Table> chain) {
  chain[0].mark_rows(view.rows());
  chain[0].finish_marking();
  for (std::size_t level = 1; level < chain.size(); ++level) {
    for (std::size_t slot = 0; slot < chain[level - 1].size(); ++slot) {
      chain[level].mark(chain[level - 1].grouping().parent_in(chain[level - 1].group_of_slot(slot),
                                                              chain[level].grouping()));
    }
    chain[level].finish_marking();
  }

  const Grouping& finest = chain[0].grouping();
  std::vector<std::uint64_t> finer;
  std::vector<std::uint64_t> coarser;
  for (std::size_t person = 0; person < view.person_count(); ++person) {
    const std::span<const Row> rows = view.rows_of(person);
    if (rows.size() == 1) {
      const std::uint64_t group = finest.group_of(rows[0]);
      if (group != kNoGroup) chain[0].at(group).add(PersonFold(rows[0]));
    } else if (!rows.empty()) {
      add_person_with_several_rows(rows, chain, finer, coarser);
    }
  }

  for (std::size_t level = 1; level < chain.size(); ++level) {
    for (std::size_t slot = 0; slot < chain[level - 1].size(); ++slot) {
      chain[level]
          .at(chain[level - 1].grouping().parent_in(chain[level - 1].group_of_slot(slot),
                                                    chain[level].grouping()))
          .add(chain[level - 1].accumulator(slot));
    }
  }
}

WorkforceIndicators finish_indicators(const IndicatorAccumulator& accumulator) {
  return accumulator.finish();
}

}  // namespace

std::vector<IndicatorRow> breakdown(const WorkforceView& view, std::span<const Dimension> by,
                                    const BreakdownFilter& filter) {
  const ViewDictionary& dictionary = view.dictionary();
  std::vector<Table> chain;
  if (!by.empty()) chain.emplace_back(Grouping(dictionary, by, filter));
  chain.emplace_back(Grouping(dictionary, OrgLevel::none, false, filter));
  accumulate(view, chain);

  std::vector<IndicatorRow> out;
  append_total(chain.back(), out, finish_indicators);
  if (chain.size() > 1) append_rows(chain[0], out, finish_indicators);
  return out;
}

std::vector<IndicatorRow> breakdown(std::span<const MunicipalityWorkforce> members,
                                    std::span<const Dimension> by, const BreakdownFilter& filter,
                                    const CategoryTable& categories) {
  return breakdown(WorkforceView::build(members, categories), by, filter);
}

std::vector<IndicatorRow> node_breakdown(const WorkforceView& view, const BreakdownFilter& filter) {
  const ViewDictionary& dictionary = view.dictionary();
  std::vector<Table> chain;
  for (OrgLevel level :
       {OrgLevel::unit, OrgLevel::sector, OrgLevel::municipality, OrgLevel::none}) {
    chain.emplace_back(Grouping(dictionary, level, false, filter));
  }
  accumulate(view, chain);
  const Table& units = chain[0];
  const Table& sectors = chain[1];
  const Table& municipalities = chain[2];

  std::vector<IndicatorRow> out;
  out.reserve(1 + units.size() + sectors.size() + municipalities.size());
  append_total(chain[3], out, finish_indicators);
  // Without categories a group is its org index, and slots are in index
  // order, so the tree order is a merge: a node, then its children.
  const auto emit = [&](const Table& table, std::size_t slot) {
    out.push_back({table.grouping().key_of(table.group_of_slot(slot)),
                   table.accumulator(slot).finish()});
  };
  std::size_t sector = 0;
  std::size_t unit = 0;
  for (std::size_t municipality = 0; municipality < municipalities.size(); ++municipality) {
    emit(municipalities, municipality);
    const std::uint64_t municipality_index = municipalities.group_of_slot(municipality);
    while (sector < sectors.size() &&
           dictionary.sector_municipality[sectors.group_of_slot(sector)] == municipality_index) {
      emit(sectors, sector);
      const std::uint64_t sector_index = sectors.group_of_slot(sector);
      while (unit < units.size() &&
             dictionary.unit_sector[units.group_of_slot(unit)] == sector_index) {
        emit(units, unit++);
      }
      ++sector;
    }
  }
  return out;
}

}  // namespace kompetent
