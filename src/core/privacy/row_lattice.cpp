#include "core/privacy/row_lattice.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <string>
#include <tuple>

namespace kompetent::privacy::detail {
namespace {

constexpr std::size_t kNoNode = std::numeric_limits<std::size_t>::max();

// 0 = the total, 1 = municipality, 2 = sector, 3 = unit.
int level_of(const GroupKey& key) {
  if (!key.unit.empty()) return 3;
  if (!key.sector.empty()) return 2;
  if (!key.municipality.empty()) return 1;
  return 0;
}

RowLattice tree_lattice(std::span<const GroupKey> keys) {
  RowLattice lattice;
  lattice.rows = keys.size();
  std::vector<std::vector<std::size_t>> children(keys.size());
  std::array<std::size_t, 4> last_at_level;
  last_at_level.fill(kNoNode);
  for (std::size_t row = 0; row < keys.size(); ++row) {
    const auto level = static_cast<std::size_t>(level_of(keys[row]));
    if (level > 0 && last_at_level[level - 1] != kNoNode) {
      children[last_at_level[level - 1]].push_back(row);
    }
    last_at_level[level] = row;
    for (std::size_t deeper = level + 1; deeper < last_at_level.size(); ++deeper) {
      last_at_level[deeper] = kNoNode;
    }
  }
  for (std::size_t row = 0; row < keys.size(); ++row) {
    if (!children[row].empty()) lattice.partitions.push_back({row, std::move(children[row])});
  }
  return lattice;
}

// A tree node (its path down to `level`) within one category ("" = all).
using NodeKey = std::tuple<int, std::string, std::string, std::string, std::string>;

NodeKey node_key(const GroupKey& key, int level, const std::string& category) {
  return {level, level >= 1 ? key.municipality : "", level >= 2 ? key.sector : "",
          level >= 3 ? key.unit : "", category};
}

class LatticeBuilder {
 public:
  explicit LatticeBuilder(std::size_t rows)
      : rows_(rows),
        tree_children_(rows),
        category_children_(rows),
        linked_(rows, false),
        level_of_(rows, 0) {}

  void add_row(std::size_t row, const NodeKey& key) {
    node_of_.try_emplace(key, row);
    level_of_[row] = std::get<0>(key);
  }

  // Adds `row` under every node above it: levels `level`..0, its category, then all.
  void walk(std::size_t row, const GroupKey& key, int level, bool by_category) {
    for (int l = level; l >= 0; --l) {
      for (const bool all_categories : {false, true}) {
        if (!by_category && !all_categories) continue;
        const std::string category = all_categories ? "" : key.category;
        const std::size_t node = ensure(node_key(key, l, category));
        if (node >= rows_) margin_rows_[node - rows_].push_back(row);
        if (linked_[node]) continue;
        linked_[node] = true;
        if (l >= 1) tree_children_[ensure(node_key(key, l - 1, category))].push_back(node);
        if (!all_categories) category_children_[ensure(node_key(key, l, ""))].push_back(node);
      }
    }
  }

  RowLattice finish() {
    RowLattice lattice;
    lattice.rows = rows_;
    lattice.margin_rows = std::move(margin_rows_);
    lattice.margin_keys = std::move(margin_keys_);
    // Deepest level first; within a level the margins, then the rows (the total row is the
    // only row that is a parent, and it goes last).
    std::vector<std::size_t> order;
    for (std::size_t node = rows_; node < tree_children_.size(); ++node) order.push_back(node);
    for (std::size_t node = 0; node < rows_; ++node) order.push_back(node);
    for (int level = 3; level >= 0; --level) {
      for (const std::size_t node : order) {
        if (level_of_[node] != level) continue;
        if (!tree_children_[node].empty()) {
          lattice.partitions.push_back({node, std::move(tree_children_[node])});
        }
        if (!category_children_[node].empty()) {
          lattice.partitions.push_back({node, std::move(category_children_[node])});
        }
      }
    }
    return lattice;
  }

 private:
  std::size_t ensure(const NodeKey& key) {
    const auto [it, added] = node_of_.try_emplace(key, rows_ + margin_rows_.size());
    if (added) {
      margin_rows_.emplace_back();
      const auto& [level, municipality, sector, unit, category] = key;
      margin_keys_.push_back({municipality, sector, unit, category});
      tree_children_.emplace_back();
      category_children_.emplace_back();
      linked_.push_back(false);
      level_of_.push_back(level);
    }
    return it->second;
  }

  std::size_t rows_;
  std::map<NodeKey, std::size_t> node_of_;
  std::vector<std::vector<std::size_t>> margin_rows_;
  std::vector<GroupKey> margin_keys_;
  std::vector<std::vector<std::size_t>> tree_children_;      // per node
  std::vector<std::vector<std::size_t>> category_children_;  // per node
  std::vector<bool> linked_;                                 // per node: children registered
  std::vector<int> level_of_;                                // per node: its tree level
};

}  // namespace

TableShape shape_of(std::span<const Dimension> by) {
  TableShape shape;
  for (const Dimension dimension : by) {
    switch (dimension) {
      case Dimension::municipality:
        shape.level = std::max(shape.level, 1);
        break;
      case Dimension::sector:
        shape.level = std::max(shape.level, 2);
        break;
      case Dimension::unit:
        shape.level = std::max(shape.level, 3);
        break;
      case Dimension::category:
        shape.by_category = true;
        break;
    }
  }
  return shape;
}

TableShape shape_of(const GroupKey& key) { return {level_of(key), !key.category.empty()}; }

RowLattice row_lattice(std::span<const GroupKey> keys, std::span<const Dimension> by) {
  if (by.empty()) return tree_lattice(keys);
  return shaped_row_lattice(keys, shape_of(by));
}

RowLattice shaped_row_lattice(std::span<const GroupKey> keys, TableShape shape) {
  const int level = shape.level;
  const bool by_category = shape.by_category;
  const auto is_total = [](const GroupKey& key) {
    return level_of(key) == 0 && key.category.empty();
  };
  LatticeBuilder builder(keys.size());
  for (std::size_t row = 0; row < keys.size(); ++row) {
    builder.add_row(row, is_total(keys[row]) ? node_key(keys[row], 0, "")
                                             : node_key(keys[row], level, keys[row].category));
  }
  for (std::size_t row = 0; row < keys.size(); ++row) {
    if (!is_total(keys[row])) builder.walk(row, keys[row], level, by_category);
  }
  return builder.finish();
}

}  // namespace kompetent::privacy::detail
