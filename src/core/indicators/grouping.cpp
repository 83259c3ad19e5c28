#include "core/indicators/grouping.h"

#include <algorithm>

namespace kompetent::detail {
namespace {

OrgLevel deepest_level(std::span<const Dimension> by) {
  OrgLevel level = OrgLevel::none;
  for (Dimension dimension : by) {
    switch (dimension) {
      case Dimension::municipality: level = std::max(level, OrgLevel::municipality); break;
      case Dimension::sector: level = std::max(level, OrgLevel::sector); break;
      case Dimension::unit: level = std::max(level, OrgLevel::unit); break;
      case Dimension::category: break;
    }
  }
  return level;
}

bool unit_under_node(const ViewDictionary& dictionary, std::uint32_t unit, const NodePath& node) {
  const std::uint32_t sector = dictionary.unit_sector[unit];
  return dictionary.municipalities[dictionary.sector_municipality[sector]] ==
             node.municipality.digits &&
         (!node.sector_code || *node.sector_code == dictionary.sector_codes[sector]) &&
         (!node.unit_code || *node.unit_code == dictionary.unit_codes[unit]);
}

}  // namespace

Grouping::Grouping(const ViewDictionary& dictionary, std::span<const Dimension> by,
                   const BreakdownFilter& filter)
    : Grouping(dictionary, deepest_level(by),
               std::find(by.begin(), by.end(), Dimension::category) != by.end(), filter) {}

Grouping::Grouping(const ViewDictionary& dictionary, OrgLevel level, bool by_category,
                   const BreakdownFilter& filter)
    : dictionary_(&dictionary), level_(level), by_category_(by_category) {
  const std::size_t units = dictionary.unit_codes.size();
  org_of_unit_.resize(units);
  for (std::uint32_t unit = 0; unit < units; ++unit) {
    const std::uint32_t sector = dictionary.unit_sector[unit];
    switch (level) {
      case OrgLevel::none: org_of_unit_[unit] = 0; break;
      case OrgLevel::municipality: org_of_unit_[unit] = dictionary.sector_municipality[sector]; break;
      case OrgLevel::sector: org_of_unit_[unit] = sector; break;
      case OrgLevel::unit: org_of_unit_[unit] = unit; break;
    }
    if (filter.node && !unit_under_node(dictionary, unit, *filter.node)) {
      org_of_unit_[unit] = kNoIndex;
    }
  }
  switch (level) {
    case OrgLevel::none: org_parts_ = 1; break;
    case OrgLevel::municipality:
      org_parts_ = static_cast<std::uint32_t>(dictionary.municipalities.size());
      break;
    case OrgLevel::sector:
      org_parts_ = static_cast<std::uint32_t>(dictionary.sector_codes.size());
      break;
    case OrgLevel::unit: org_parts_ = static_cast<std::uint32_t>(units); break;
  }

  const std::size_t categories = dictionary.categories.size();
  category_parts_ = by_category ? static_cast<std::uint32_t>(categories) : 1;
  category_part_.resize(categories);
  for (std::uint32_t category = 0; category < categories; ++category) {
    const bool wanted = filter.categories.empty() ||
                        std::find(filter.categories.begin(), filter.categories.end(),
                                  dictionary.categories[category]) != filter.categories.end();
    category_part_[category] = !wanted ? kNoIndex : by_category ? category : 0;
  }
}

GroupKey Grouping::key_of(std::uint64_t group) const {
  const ViewDictionary& dictionary = *dictionary_;
  const auto org = static_cast<std::uint32_t>(group / category_parts_);
  const auto category = static_cast<std::uint32_t>(group % category_parts_);
  GroupKey key;
  std::uint32_t sector = 0;
  std::uint32_t municipality = org;
  switch (level_) {
    case OrgLevel::none: break;
    case OrgLevel::unit:
      key.unit = dictionary.unit_codes[org];
      sector = dictionary.unit_sector[org];
      key.sector = dictionary.sector_codes[sector];
      municipality = dictionary.sector_municipality[sector];
      break;
    case OrgLevel::sector:
      key.sector = dictionary.sector_codes[org];
      municipality = dictionary.sector_municipality[org];
      break;
    case OrgLevel::municipality: break;
  }
  if (level_ != OrgLevel::none) key.municipality = dictionary.municipalities[municipality];
  if (by_category_) key.category = dictionary.categories[category];
  return key;
}

std::uint64_t Grouping::parent_in(std::uint64_t group, const Grouping& coarser) const {
  const ViewDictionary& dictionary = *dictionary_;
  auto org = static_cast<std::uint32_t>(group / category_parts_);
  const auto category = static_cast<std::uint32_t>(group % category_parts_);
  OrgLevel level = level_;
  while (level > coarser.level_) {
    switch (level) {
      case OrgLevel::unit: org = dictionary.unit_sector[org]; level = OrgLevel::sector; break;
      case OrgLevel::sector:
        org = dictionary.sector_municipality[org];
        level = OrgLevel::municipality;
        break;
      case OrgLevel::municipality: org = 0; level = OrgLevel::none; break;
      case OrgLevel::none: break;
    }
  }
  return std::uint64_t{org} * coarser.category_parts_ + (coarser.by_category_ ? category : 0);
}

}  // namespace kompetent::detail
