#include "core/privacy/coarser_rows.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <set>
#include <tuple>

namespace kompetent::privacy::detail {
namespace {

bool is_total(const GroupKey& key) {
  return key.municipality.empty() && key.sector.empty() && key.unit.empty() && key.category.empty();
}

bool same_node(const GroupKey& a, const GroupKey& b) {
  return a.municipality == b.municipality && a.sector == b.sector && a.unit == b.unit;
}

GroupKey truncated(const GroupKey& key, TableShape shape) {
  return {shape.level >= 1 ? key.municipality : "", shape.level >= 2 ? key.sector : "",
          shape.level >= 3 ? key.unit : "", shape.by_category ? key.category : ""};
}

}  // namespace

std::map<std::string, std::size_t> category_ranks(std::span<const GroupKey> keys) {
  // Categories by first appearance, and "a comes before b" wherever they meet in one node.
  std::map<std::string, std::size_t> id_of;
  std::vector<const std::string*> names;
  std::vector<std::set<std::size_t>> before;  // per category: those that follow it
  std::size_t previous = std::numeric_limits<std::size_t>::max();
  for (std::size_t row = 0; row < keys.size(); ++row) {
    const GroupKey& key = keys[row];
    if (key.category.empty()) continue;
    const auto [it, added] = id_of.try_emplace(key.category, names.size());
    if (added) {
      names.push_back(&it->first);
      before.emplace_back();
    }
    if (row > 0 && !keys[row - 1].category.empty() && same_node(keys[row - 1], key) &&
        previous != it->second) {
      before[previous].insert(it->second);
    }
    previous = it->second;
  }

  // Topological order, the earliest seen first among those free to go.
  std::vector<std::size_t> pending(names.size(), 0);
  for (const std::set<std::size_t>& followers : before) {
    for (const std::size_t id : followers) ++pending[id];
  }
  std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
  for (std::size_t id = 0; id < names.size(); ++id) {
    if (pending[id] == 0) ready.push(id);
  }
  std::map<std::string, std::size_t> ranks;
  while (!ready.empty()) {
    const std::size_t id = ready.top();
    ready.pop();
    ranks.emplace(*names[id], ranks.size());
    for (const std::size_t next : before[id]) {
      if (--pending[next] == 0) ready.push(next);
    }
  }
  // Rows out of order (not from breakdown()) can make a cycle; its categories go last.
  for (std::size_t id = 0; id < names.size(); ++id) ranks.try_emplace(*names[id], ranks.size());
  return ranks;
}

SlotRows coarser_rows(std::span<const GroupKey> keys,
                      std::span<const std::vector<std::int64_t>> values, TableShape shape,
                      const std::map<std::string, std::size_t>& ranks) {
  const std::size_t slot_count = values.empty() ? 0 : values.front().size();
  SlotRows out;
  out.keys.push_back({});
  out.values.emplace_back(slot_count, 0);

  struct Node {
    std::size_t path = 0;  // first appearance of its tree node
    std::size_t rank = 0;  // of its category
    GroupKey key;
    std::vector<std::int64_t> sum;
  };
  std::vector<Node> nodes;
  std::map<KeyTuple, std::size_t> path_of;
  std::map<KeyTuple, std::size_t> node_of;
  for (std::size_t row = 0; row < keys.size(); ++row) {
    if (is_total(keys[row])) {
      out.values.front() = values[row];
      continue;
    }
    GroupKey key = truncated(keys[row], shape);
    if (is_total(key)) continue;
    const auto [node, added] = node_of.try_emplace(as_tuple(key), nodes.size());
    if (added) {
      GroupKey path = key;
      path.category.clear();
      const std::size_t path_index =
          path_of.try_emplace(as_tuple(path), path_of.size()).first->second;
      const auto rank = ranks.find(key.category);
      nodes.push_back({path_index,
                       rank == ranks.end() ? std::numeric_limits<std::size_t>::max() : rank->second,
                       std::move(key), std::vector<std::int64_t>(slot_count, 0)});
    }
    std::vector<std::int64_t>& sum = nodes[node->second].sum;
    for (std::size_t slot = 0; slot < slot_count; ++slot) sum[slot] += values[row][slot];
  }

  std::stable_sort(nodes.begin(), nodes.end(), [](const Node& a, const Node& b) {
    return std::tie(a.path, a.rank) < std::tie(b.path, b.rank);
  });
  for (Node& node : nodes) {
    out.keys.push_back(std::move(node.key));
    out.values.push_back(std::move(node.sum));
  }
  return out;
}

}  // namespace kompetent::privacy::detail
