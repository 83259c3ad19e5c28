// The organisation of one municipality: sectors and their units, a tree under
// the municipality. Regions sit above municipalities (see municipality.h).
//
// Nodes are addressed by a path: "1841" (the municipality), "1841/HO" (a
// sector) and "1841/HO/FSH" (a unit), where HO and FSH are the codes the
// municipality gave its sector and unit.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/org/municipality.h"
#include "core/result.h"

namespace kompetent {

struct Sector {
  std::string code;  // short, unique within the municipality, e.g. "HO"
  std::string name;  // e.g. "Helse og omsorg"
  bool operator==(const Sector&) const = default;
};

struct Unit {
  std::string code;         // unique within the municipality, e.g. "FSH"
  std::string name;         // e.g. "Fauske sykehjem"
  std::string sector_code;  // the sector it belongs to
  bool operator==(const Unit&) const = default;
};

enum class NodeLevel { municipality, sector, unit };

// A place in the tree, as parsed from a path.
struct NodePath {
  MunicipalityNumber municipality;
  std::optional<std::string> sector_code;
  std::optional<std::string> unit_code;
  [[nodiscard]] NodeLevel level() const noexcept {
    return unit_code ? NodeLevel::unit : sector_code ? NodeLevel::sector : NodeLevel::municipality;
  }
  [[nodiscard]] std::string to_string() const;
  bool operator==(const NodePath&) const = default;
};

// Parses "1841", "1841/HO" or "1841/HO/FSH". Error "invalid_node_path" otherwise.
[[nodiscard]] Result<NodePath> parse_node_path(std::string_view text);

class OrgTree {
 public:
  OrgTree() = default;
  // Fails with "duplicate_sector", "duplicate_unit" or "unknown_sector" (a unit
  // whose sector is not in `sectors`), naming the code.
  [[nodiscard]] static Result<OrgTree> create(MunicipalityNumber municipality,
                                              std::vector<Sector> sectors,
                                              std::vector<Unit> units);

  [[nodiscard]] const MunicipalityNumber& municipality() const noexcept { return municipality_; }
  [[nodiscard]] const std::vector<Sector>& sectors() const noexcept { return sectors_; }
  [[nodiscard]] const std::vector<Unit>& units() const noexcept { return units_; }

  // Index into units(), or nullopt. Matches the code exactly, or else the name
  // or code ignoring case and surrounding space (HR exports write either).
  [[nodiscard]] std::optional<std::size_t> find_unit(std::string_view code_or_name) const;
  [[nodiscard]] const Sector* find_sector(std::string_view code) const;
  [[nodiscard]] std::vector<std::size_t> units_in_sector(std::string_view sector_code) const;

  // The tree with `other`'s sectors and units added; existing codes keep their
  // place and take the new name. Fails like create().
  [[nodiscard]] Result<OrgTree> merged_with(const std::vector<Sector>& sectors,
                                            const std::vector<Unit>& units) const;

  bool operator==(const OrgTree&) const = default;

 private:
  MunicipalityNumber municipality_;
  std::vector<Sector> sectors_;
  std::vector<Unit> units_;
};

}  // namespace kompetent
