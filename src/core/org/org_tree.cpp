#include "core/org/org_tree.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace kompetent {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// ASCII case folding is enough here: codes are ASCII, and names are compared
// after an exact match failed, as a convenience.
bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool valid_code(std::string_view code) {
  return !code.empty() && code.size() <= 40 && code.find('/') == std::string_view::npos &&
         trim(code).size() == code.size();
}

}  // namespace

std::string NodePath::to_string() const {
  std::string out = municipality.digits;
  if (sector_code) out += "/" + *sector_code;
  if (unit_code) out += "/" + *unit_code;
  return out;
}

Result<NodePath> parse_node_path(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = text.find('/', start);
    parts.emplace_back(text.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (parts.size() > 3 || !is_valid_municipality_number(parts[0])) {
    return Error::invalid("invalid_node_path", {std::string(text)});
  }
  NodePath path{MunicipalityNumber{parts[0]}, std::nullopt, std::nullopt};
  if (parts.size() >= 2) {
    if (!valid_code(parts[1])) return Error::invalid("invalid_node_path", {std::string(text)});
    path.sector_code = parts[1];
  }
  if (parts.size() == 3) {
    if (!valid_code(parts[2])) return Error::invalid("invalid_node_path", {std::string(text)});
    path.unit_code = parts[2];
  }
  return path;
}

Result<OrgTree> OrgTree::create(MunicipalityNumber municipality, std::vector<Sector> sectors,
                                std::vector<Unit> units) {
  std::set<std::string> sector_codes;
  for (const Sector& s : sectors) {
    if (!valid_code(s.code)) return Error::invalid("invalid_code", {s.code});
    if (!sector_codes.insert(s.code).second) return Error::invalid("duplicate_sector", {s.code});
  }
  std::set<std::string> unit_codes;
  for (const Unit& u : units) {
    if (!valid_code(u.code)) return Error::invalid("invalid_code", {u.code});
    if (!unit_codes.insert(u.code).second) return Error::invalid("duplicate_unit", {u.code});
    if (!sector_codes.contains(u.sector_code)) {
      return Error::invalid("unknown_sector", {u.sector_code, u.code});
    }
  }
  OrgTree tree;
  tree.municipality_ = std::move(municipality);
  tree.sectors_ = std::move(sectors);
  tree.units_ = std::move(units);
  return tree;
}

std::optional<std::size_t> OrgTree::find_unit(std::string_view code_or_name) const {
  for (std::size_t i = 0; i < units_.size(); ++i) {
    if (units_[i].code == code_or_name) return i;
  }
  std::string_view wanted = trim(code_or_name);
  for (std::size_t i = 0; i < units_.size(); ++i) {
    if (equal_ignoring_case(units_[i].code, wanted) || equal_ignoring_case(units_[i].name, wanted)) {
      return i;
    }
  }
  return std::nullopt;
}

const Sector* OrgTree::find_sector(std::string_view code) const {
  for (const Sector& s : sectors_) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

std::vector<std::size_t> OrgTree::units_in_sector(std::string_view sector_code) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < units_.size(); ++i) {
    if (units_[i].sector_code == sector_code) out.push_back(i);
  }
  return out;
}

Result<OrgTree> OrgTree::merged_with(const std::vector<Sector>& sectors,
                                     const std::vector<Unit>& units) const {
  std::vector<Sector> all_sectors = sectors_;
  for (const Sector& s : sectors) {
    auto it = std::find_if(all_sectors.begin(), all_sectors.end(),
                           [&](const Sector& x) { return x.code == s.code; });
    if (it != all_sectors.end()) {
      it->name = s.name;
    } else {
      all_sectors.push_back(s);
    }
  }
  std::vector<Unit> all_units = units_;
  for (const Unit& u : units) {
    auto it = std::find_if(all_units.begin(), all_units.end(),
                           [&](const Unit& x) { return x.code == u.code; });
    if (it != all_units.end()) {
      *it = u;
    } else {
      all_units.push_back(u);
    }
  }
  return create(municipality_, std::move(all_sectors), std::move(all_units));
}

}  // namespace kompetent
