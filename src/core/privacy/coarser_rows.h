// Internal to breakdown_suppression: the rows that a coarser breakdown of the
// same positions has (grouped by a tree level higher up, or without category),
// summed from the rows of a finer one and put in the order breakdown() reports
// them, so that suppressing them gives what the coarser query itself shows.
//
// Two ways the sums can differ from the coarser query's own rows, both in
// docs/privacy.md ("What it does not protect against"): a person with
// positions in two units is one person in their sector but counted in each
// unit; and the table order of two categories that never occur in the same
// node of the finer table cannot be seen from its rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "core/indicators/breakdown.h"
#include "core/privacy/row_lattice.h"

namespace kompetent::privacy::detail {

// A group key as an ordered tuple, for maps keyed by group.
using KeyTuple = std::tuple<std::string, std::string, std::string, std::string>;

inline KeyTuple as_tuple(const GroupKey& key) {
  return {key.municipality, key.sector, key.unit, key.category};
}

struct SlotRows {
  std::vector<GroupKey> keys;
  std::vector<std::vector<std::int64_t>> values;  // per row, per slot
};

// The rank of each category of `keys` in table order, as far as the rows tell it: within one
// tree node the rows of a breakdown come in table order, and categories that never meet in a
// node are ranked by first appearance.
[[nodiscard]] std::map<std::string, std::size_t> category_ranks(std::span<const GroupKey> keys);

// The rows of the breakdown of `shape` (which must be coarser than or the same as that of
// `keys`): the total row of `keys` as it is (the row whose key is all empty; zeros if there is
// none), then one row per node of `shape` that some row of `keys` lies in, valued at the sum of
// those rows, in tree order (of first appearance in `keys`) and then by `ranks`.
[[nodiscard]] SlotRows coarser_rows(std::span<const GroupKey> keys,
                                    std::span<const std::vector<std::int64_t>> values,
                                    TableShape shape,
                                    const std::map<std::string, std::size_t>& ranks);

}  // namespace kompetent::privacy::detail
